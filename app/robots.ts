// /robots.txt (lib/sitemap/robots.ts), written for the address the running app is given.
import type { MetadataRoute } from "next";
import { ANONYMOUS } from "@/lib/authz";
import { robotsRules } from "@/lib/sitemap/robots";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(ANONYMOUS);
}

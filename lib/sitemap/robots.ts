// What crawlers may read: the public pages and the open-data API, never the signed-in areas, the
// sign-in and e-mailed-link pages, nor the rest of /api; and where the sitemap index is.
import type { MetadataRoute } from "next";
import { assertCan, type Actor } from "@/lib/authz";
import { publicUrl } from "@/lib/http/public-url";
import { SITEMAP_INDEX_PATH } from "./paths";

/** Paths (prefixes) crawlers are asked to stay out of: private to their users, or of no use in search results. */
export const DISALLOWED_PATHS = [
  "/espace",
  "/admin",
  "/portefeuille",
  "/engagements",
  "/notifications",
  "/fiches",
  "/dev",
  "/bench",
  "/connexion",
  "/deconnexion",
  "/invitation",
  "/desabonnement",
  "/api/",
] as const;

/** The open-data API: public, inside /api/ (the longer rule wins, RFC 9309). */
export const ALLOWED_PATHS = ["/", "/api/v1/"] as const;

export function robotsRules(actor: Actor, env: Record<string, string | undefined> = process.env): MetadataRoute.Robots {
  assertCan(actor, "publishedContract.read");
  return {
    rules: { userAgent: "*", allow: [...ALLOWED_PATHS], disallow: [...DISALLOWED_PATHS] },
    sitemap: publicUrl(SITEMAP_INDEX_PATH, env),
  };
}

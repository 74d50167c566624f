// Suggestions for the territory of an invitation (platform admins).
import { scopeSuggestionsRoute } from "@/lib/platform/route";

export const dynamic = "force-dynamic";
export const GET = scopeSuggestionsRoute("territory");

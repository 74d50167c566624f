// Reads of organisations for the pickers of contract and fiche forms: found on the server, the
// territory's region first, so that no page carries the thousands an organisation list holds at
// national scale.
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { nameHoldsWords, searchWords } from "@/lib/db/name-search";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

/** Organisations a picker offers at most for what was typed. */
export const ORGANISATION_SUGGESTIONS = 20;

export type OrganisationSuggestion = { value: string; label: string };

/**
 * The organisations whose name holds every word typed, those of the territory's region first,
 * then national ones, then the others (a partner may work across a regional border), for whoever
 * may edit a fiche there: coordinators, and contributors who pilot fiches.
 */
export async function suggestOrganisations(actor: Actor, slug: string, q: string | undefined): Promise<OrganisationSuggestion[]> {
  const db = getDb();
  const territory = await db.territory.findUnique({ where: { slug }, select: TERRITORY_SCOPE_SELECT });
  if (!territory) throw new NotFoundError();
  assertCan(actor, "fiche.edit", { ...territoryResource(territory), pilotUserId: actor.userId });
  const words = searchWords(q);
  if (!words.length) return [];
  const rows = await db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id, name FROM "Organisation"
    WHERE ${nameHoldsWords(words)}
    ORDER BY "regionId" IS NOT DISTINCT FROM ${territory.regionId}::uuid DESC, "regionId" IS NULL DESC, name, id
    LIMIT ${ORGANISATION_SUGGESTIONS}`;
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

/** The organisations a form already names, with their names, and where its pickers ask for others. */
export type OrganisationChoices = { known: OrganisationSuggestion[]; suggestUrl: string };

/** For a form of the territory's workspace: one query for the names of the organisations it names, whatever their number. */
export async function organisationChoices(slug: string, ids: ReadonlyArray<string | null | undefined>): Promise<OrganisationChoices> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const known = await getDb().organisation.findMany({
    where: { id: { in: wanted } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { known: known.map((row) => ({ value: row.id, label: row.name })), suggestUrl: `/espace/${slug}/organisations` };
}

// The organisation pickers' suggestions: found on the server, the territory's region first, then
// national organisations, then the others; accents and case aside, bounded, for fiche editors only.
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import { ANONYMOUS, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { ORGANISATION_SUGGESTIONS, suggestOrganisations } from "@/lib/organisations/queries";
import { getPlatformOverview } from "@/lib/platform/queries";
import { createOrganisation, createRegion, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
const db = () => getDb();

let slug: string;
const actors: Record<"coordinator" | "contributor" | "ars" | "partner" | "foreignCoordinator", Actor> = {} as never;

async function member(role: "coordinator" | "contributor" | "ars_officer" | "partner", scope: object) {
  const user = await createUser(db(), { memberships: { create: { role, ...scope } } });
  return actorForUser(user.id);
}

beforeAll(async () => {
  const [region, elsewhere] = await Promise.all([createRegion(db()), createRegion(db())]);
  const territory = await createTerritory(db(), { regionId: region.id });
  const foreign = await createTerritory(db(), { regionId: elsewhere.id });
  slug = territory.slug;
  await createOrganisation(db(), { name: "CPAM de la Drôme", regionId: region.id });
  await createOrganisation(db(), { name: "Centre hospitalier de Die", regionId: region.id });
  await createOrganisation(db(), { name: "Santé publique France", regionId: null });
  await createOrganisation(db(), { name: "CPAM du Cantal", regionId: elsewhere.id });
  await createOrganisation(db(), { name: "Association 100% santé", regionId: region.id });
  await Promise.all(
    Array.from({ length: ORGANISATION_SUGGESTIONS + 5 }, (_, index) =>
      createOrganisation(db(), { name: `Maison de santé ${String(index).padStart(2, "0")}`, regionId: region.id }),
    ),
  );
  const partnerOrganisation = await createOrganisation(db(), { regionId: region.id });
  actors.coordinator = await member("coordinator", { territoryId: territory.id });
  actors.contributor = await member("contributor", { territoryId: territory.id });
  actors.ars = await member("ars_officer", { regionId: region.id });
  actors.partner = await member("partner", { territoryId: territory.id, organisationId: partnerOrganisation.id });
  actors.foreignCoordinator = await member("coordinator", { territoryId: foreign.id });
});

const names = async (actor: Actor, q: string) => (await suggestOrganisations(actor, slug, q)).map((suggestion) => suggestion.label);

describe("organisation suggestions", () => {
  it("match every word typed, whatever the accents and case: the region's organisations first, then national ones, then others", async () => {
    expect(await names(actors.coordinator, "cpam drome")).toEqual(["CPAM de la Drôme"]);
    expect(await names(actors.coordinator, "SANTE PUBLIQUE")).toEqual(["Santé publique France"]);
    await createOrganisation(db(), { name: "CPAM nationale", regionId: null });
    expect(await names(actors.coordinator, "cpam")).toEqual(["CPAM de la Drôme", "CPAM nationale", "CPAM du Cantal"]);
  });

  it("are bounded, in name order, and read a typed % or _ as itself", async () => {
    const many = await names(actors.contributor, "maison");
    expect(many).toHaveLength(ORGANISATION_SUGGESTIONS);
    expect(many[0]).toBe("Maison de santé 00");
    expect(await names(actors.coordinator, "100%")).toEqual(["Association 100% santé"]);
    expect(await names(actors.coordinator, "%")).toEqual(["Association 100% santé"]);
    expect(await names(actors.coordinator, "_")).toEqual([]);
    expect(await suggestOrganisations(actors.coordinator, slug, undefined)).toEqual([]);
  });

  it("answer only who may edit a fiche of the territory, and an unknown territory like a forbidden one", async () => {
    for (const actor of [actors.ars, actors.partner, actors.foreignCoordinator, ANONYMOUS])
      await expect(suggestOrganisations(actor, slug, "cpam")).rejects.toThrow(NotFoundError);
    await expect(suggestOrganisations(actors.coordinator, "atlantide", "cpam")).rejects.toThrow(NotFoundError);
  });

  it("find organisations the same way on the administration page, for platform admins only", async () => {
    const admin = await actorForUser((await createUser(db(), { memberships: { create: { role: "platform_admin" } } })).id);
    const overview = await getPlatformOverview(admin, { page: 1, q: "cpam DROME" });
    expect(overview.organisations.map((organisation) => [organisation.name, organisation.kind])).toEqual([
      ["CPAM de la Drôme", "association"],
    ]);
    expect((await getPlatformOverview(admin, { page: 1 })).organisations).toEqual([]);
    await expect(getPlatformOverview(actors.coordinator, { page: 1, q: "cpam" })).rejects.toThrow(NotFoundError);
  });
});

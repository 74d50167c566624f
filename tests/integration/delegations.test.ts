// Issue 14: an ARS officer limited to some départements of their region (a délégation
// départementale) reads only those départements' territories and contracts, through the real
// loaders; a national reader reads every region and changes nothing; territories take their
// official codes from the State's reference when an admin creates them.
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionContext } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { can, NotFoundError, type Actor } from "@/lib/authz";
import { getContractExport } from "@/lib/contracts/export-query";
import { getContractEditForm, getContractOverview } from "@/lib/contracts/queries";
import { getDb } from "@/lib/db/client";
import { suggestGeoEntries } from "@/lib/geo/queries";
import { acceptInvitation, inviteMember } from "@/lib/invitations/mutations";
import { newInvitationToken } from "@/lib/invitations/token";
import { loadDemoData } from "@/lib/seed/demo-data";
import { createTerritory as createTerritoryAction, updateTerritory as updateTerritoryAction } from "@/lib/territories/mutations";
import { getWorkspace, listWorkspaces } from "@/lib/workspaces/queries";
import { portfolioTerritoriesSql } from "@/lib/portfolio/resource";
import { readableContracts } from "@/lib/workspaces/resource";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
beforeAll(() => loadDemoData(getDb()));

const db = () => getDb();
const run = <I, O>(definition: Parameters<typeof executeAction<I, O>>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "198.51.100.7" } satisfies ActionContext, input);

const SLUGS = ["creusot-montceau", "lens-lievin", "pays-ruffecois", "romans-sur-isere", "rosny-sous-bois", "territoire-de-demonstration"];
const DELEGATION = "ars-cote-d-or@bourgogne-franche-comte.test";
const NATIONAL = "lecteur-national@opencls.test";

async function actor(email: string) {
  return actorForUser((await db().user.findUniqueOrThrow({ where: { email } })).id);
}

const contractOf = async (slug: string) =>
  db().contract.findFirstOrThrow({ where: { territory: { slug } }, orderBy: { generation: "desc" }, select: { id: true } });

/** The territories whose contracts the actor's portfolio lists, by the SQL the portfolio runs. */
async function territoriesInPortfolio(who: Actor): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ slug: string }>>`
    SELECT DISTINCT t.slug FROM "Contract" c JOIN "Territory" t ON t.id = c."territoryId" WHERE ${portfolioTerritoriesSql(who)}`;
  return rows.map((row) => row.slug).sort();
}

/** The territories `can` lets the actor follow in a portfolio, asked one by one. */
async function territoriesFollowed(who: Actor): Promise<string[]> {
  const territories = await db().territory.findMany({
    where: { contracts: { some: {} } },
    select: { id: true, slug: true, regionId: true, departmentCodes: true },
  });
  return territories
    .filter((territory) =>
      can(who, "portfolio.read", { territoryId: territory.id, regionId: territory.regionId, departmentCodes: territory.departmentCodes }),
    )
    .map((territory) => territory.slug)
    .sort();
}

/** The workspaces the actor enters, one loader call per demo territory. */
async function enterable(who: Actor): Promise<string[]> {
  const allowed: string[] = [];
  for (const slug of SLUGS) {
    try {
      await getWorkspace(who, slug);
      allowed.push(slug);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return allowed;
}

async function territoriesOfContracts(where: object) {
  const rows = await db().contract.findMany({ where, select: { territory: { select: { slug: true } } } });
  return [...new Set(rows.map((row) => row.territory.slug))].sort();
}

describe("a délégation départementale", () => {
  it("enters the territories of its département only, where the whole region's officer enters them all", async () => {
    const delegation = await actor(DELEGATION);
    expect(await enterable(delegation)).toEqual(["territoire-de-demonstration"]);
    expect((await listWorkspaces(delegation, { page: 1 })).entries.map((workspace) => workspace.slug)).toEqual([
      "territoire-de-demonstration",
    ]);
    expect(await enterable(await actor("ars@bourgogne-franche-comte.test"))).toEqual(["creusot-montceau", "territoire-de-demonstration"]);
  });

  it("reads its département's contract and gets not found on another département's of the same region", async () => {
    const delegation = await actor(DELEGATION);
    const own = await contractOf("territoire-de-demonstration");
    const other = await contractOf("creusot-montceau");
    expect((await getContractOverview(delegation, "territoire-de-demonstration", own.id)).id).toBe(own.id);
    await expect(getContractOverview(delegation, "creusot-montceau", other.id)).rejects.toThrow(NotFoundError);
    await expect(getContractExport(delegation, "creusot-montceau", other.id)).rejects.toThrow(NotFoundError);
    // The region's officer reads both.
    const region = await actor("ars@bourgogne-franche-comte.test");
    expect((await getContractOverview(region, "creusot-montceau", other.id)).id).toBe(other.id);
  });

  it("finds in SQL the same contracts as `can`: workspaces and portfolio alike", async () => {
    const delegation = await actor(DELEGATION);
    expect(await territoriesOfContracts(readableContracts(delegation))).toEqual(["territoire-de-demonstration"]);
    expect(await territoriesInPortfolio(delegation)).toEqual(["territoire-de-demonstration"]);
    expect(await territoriesInPortfolio(await actor("ars@bourgogne-franche-comte.test"))).toEqual([
      "creusot-montceau",
      "territoire-de-demonstration",
    ]);
    // Coordinators and partners follow no portfolio.
    expect(await territoriesInPortfolio(await actor("coordination@romans-sur-isere.test"))).toEqual([]);
    expect(await territoriesInPortfolio(await actor("partenaire@romans-sur-isere.test"))).toEqual([]);
    // Every account, every territory: the portfolio's SQL and `can` agree.
    const emails = (await db().user.findMany({ select: { email: true } })).map((user) => user.email);
    expect(emails.length).toBeGreaterThan(10);
    for (const email of emails) {
      const who = await actor(email);
      expect({ email, territories: await territoriesInPortfolio(who) }).toEqual({ email, territories: await territoriesFollowed(who) });
    }
  });

  it("is granted by an admin's invitation with départements of the region only", async () => {
    const admin = await actor("admin@opencls.test");
    const region = await db().region.findUniqueOrThrow({ where: { slug: "bourgogne-franche-comte" }, select: { id: true } });
    const invite = (email: string, departmentCodes: string[]) =>
      run(inviteMember, admin, { email, role: "ars_officer", regionId: region.id, departmentCodes });
    // The Drôme is in Auvergne-Rhône-Alpes.
    expect(await invite("delegation.drome@exemple.test", ["21", "26"])).toMatchObject({
      ok: false,
      fieldErrors: { departmentCodes: "Ces départements ne sont pas dans la région\u00a0: 26." },
    });
    expect(await invite("delegation.nievre@exemple.test", ["58", "21"])).toMatchObject({ ok: true });
    const invitation = await db().invitation.findFirstOrThrow({ where: { email: "delegation.nievre@exemple.test" } });
    expect(invitation.departmentCodes).toEqual(["21", "58"]);

    // Accepted, the invitation gives the délégation (a known token: the e-mailed one is not stored).
    const { token, tokenHash } = newInvitationToken();
    await db().invitation.update({ where: { id: invitation.id }, data: { tokenHash } });
    const invited = await db().user.create({ data: { email: "delegation.nievre@exemple.test" } });
    expect(await run(acceptInvitation, await actorForUser(invited.id), { token })).toMatchObject({ ok: true });
    const membership = await db().membership.findFirstOrThrow({ where: { userId: invited.id } });
    expect(membership).toMatchObject({ role: "ars_officer", regionId: region.id, departmentCodes: ["21", "58"] });
    expect(await enterable(await actorForUser(invited.id))).toEqual(["territoire-de-demonstration"]);
  });

  it("is no coordinator's to give, and no other role's to hold", async () => {
    const region = await db().region.findUniqueOrThrow({ where: { slug: "bourgogne-franche-comte" }, select: { id: true } });
    const coordinator = await actor("coordination@territoire-de-demonstration.test");
    expect(
      await run(inviteMember, coordinator, { email: "x@exemple.test", role: "ars_officer", regionId: region.id, departmentCodes: ["21"] }),
    ).toMatchObject({ ok: false, reason: "notFound" });
    // A coordinator's invitation keeps no départements, whatever the form sent.
    const territory = await db().territory.findUniqueOrThrow({ where: { slug: "territoire-de-demonstration" }, select: { id: true } });
    expect(
      await run(inviteMember, coordinator, {
        email: "y@exemple.test",
        role: "contributor",
        territoryId: territory.id,
        departmentCodes: ["21"],
      }),
    ).toMatchObject({ ok: true });
    expect((await db().invitation.findFirstOrThrow({ where: { email: "y@exemple.test" } })).departmentCodes).toEqual([]);
    // The database refuses départements on any other role.
    const user = await db().user.create({ data: { email: "z@exemple.test" } });
    await expect(
      db().membership.create({ data: { userId: user.id, role: "contributor", territoryId: territory.id, departmentCodes: ["21"] } }),
    ).rejects.toThrow(/Membership_departments_check/);
  });
});

describe("a national reader", () => {
  it("enters every region's territories and reads their contracts, paginated like any list", async () => {
    const reader = await actor(NATIONAL);
    expect(await enterable(reader)).toEqual(SLUGS);
    const list = await listWorkspaces(reader, { page: 1 });
    expect(list.total).toBe(SLUGS.length);
    const contract = await contractOf("lens-lievin");
    expect((await getContractOverview(reader, "lens-lievin", contract.id)).id).toBe(contract.id);
    expect(await territoriesInPortfolio(reader)).toEqual(SLUGS);
  });

  it("changes nothing: no edit form, no invitation", async () => {
    const reader = await actor(NATIONAL);
    const contract = await contractOf("romans-sur-isere");
    await expect(getContractEditForm(reader, "romans-sur-isere", contract.id)).rejects.toThrow(NotFoundError);
    const territory = await db().territory.findUniqueOrThrow({ where: { slug: "romans-sur-isere" }, select: { id: true } });
    expect(await run(inviteMember, reader, { email: "n@exemple.test", role: "contributor", territoryId: territory.id })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(() => suggestGeoEntries(reader, "lens")).toThrow(NotFoundError);
  });
});

describe("a territory created from the State's reference", () => {
  const regionId = async (slug: string) => (await db().region.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

  it("records the codes the server reads there, whatever else the form sends", async () => {
    const admin = await actor("admin@opencls.test");
    const result = await run(createTerritoryAction, admin, {
      name: "CA de Lens - Liévin (copie)",
      kind: "communaute_agglomeration",
      regionId: await regionId("hauts-de-france"),
      reference: "epci:246200364",
      // Not fields of the form: never read.
      siren: "123456789",
      departmentCodes: ["75"],
    });
    expect(result).toMatchObject({ ok: true });
    const territory = await db().territory.findFirstOrThrow({ where: { name: "CA de Lens - Liévin (copie)" } });
    expect(territory).toMatchObject({ siren: "246200364", departmentCodes: ["62"], inseeCode: null, department: "Pas-de-Calais" });
    expect(territory.communeCodes).toHaveLength(36);
  });

  it("refuses a place of another region, a kind that is not the place's, and a place the reference lacks", async () => {
    const admin = await actor("admin@opencls.test");
    const base = { name: "Romans (essai)", kind: "commune", regionId: await regionId("auvergne-rhone-alpes") };
    expect(
      await run(createTerritoryAction, admin, { ...base, regionId: await regionId("ile-de-france"), reference: "commune:26281" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { regionId: "Romans-sur-Isère est en région Auvergne-Rhône-Alpes, pas Île-de-France." },
    });
    expect(await run(createTerritoryAction, admin, { ...base, kind: "pays", reference: "commune:26281" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: "Romans-sur-Isère est de type «\u00a0Commune\u00a0»." },
    });
    expect(await run(createTerritoryAction, admin, { ...base, reference: "commune:26999" })).toMatchObject({
      ok: false,
      fieldErrors: { reference: expect.stringContaining("pas dans le référentiel officiel") },
    });
    // A département holds a territory of any kind.
    expect(
      await run(createTerritoryAction, admin, { ...base, name: "Pays de la Drôme (essai)", kind: "pays", reference: "departement:26" }),
    ).toMatchObject({ ok: true });
    expect(await db().territory.findFirstOrThrow({ where: { name: "Pays de la Drôme (essai)" } })).toMatchObject({
      departmentCodes: ["26"],
      communeCodes: [],
      department: "Drôme",
    });
  });

  it("places an existing territory anew from the version the admin loaded, its address unchanged", async () => {
    const admin = await actor("admin@opencls.test");
    const territory = await db().territory.findUniqueOrThrow({ where: { slug: "pays-ruffecois" } });
    const input = {
      territoryId: territory.id,
      version: String(territory.version),
      name: territory.name,
      kind: "petr",
      regionId: territory.regionId,
      reference: "epci:200043016",
    };
    const entry = suggestGeoEntries(admin, "200043016")[0];
    expect(entry).toMatchObject({ value: "epci:200043016", regionCode: "75" });
    expect(await run(updateTerritoryAction, admin, input)).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String) } });
    expect(await run(updateTerritoryAction, admin, { ...input, kind: "communaute_communes" })).toMatchObject({ ok: true });
    const updated = await db().territory.findUniqueOrThrow({ where: { id: territory.id } });
    expect(updated).toMatchObject({ slug: "pays-ruffecois", siren: "200043016", departmentCodes: ["16"], version: territory.version + 1 });
    // The version the admin loaded has moved: a conflict, not a silent overwrite.
    expect(await run(updateTerritoryAction, admin, { ...input, kind: "petr", reference: "departement:16" })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(
      await run(updateTerritoryAction, admin, { ...input, version: String(updated.version), reference: "departement:16" }),
    ).toMatchObject({ ok: true });
    expect(await db().territory.findUniqueOrThrow({ where: { id: territory.id } })).toMatchObject({
      kind: "petr",
      siren: null,
      communeCodes: [],
      departmentCodes: ["16"],
    });
  });

  it("suggests places to admins, bounded", async () => {
    const admin = await actor("admin@opencls.test");
    expect(suggestGeoEntries(admin, "lens lievin")).toEqual([
      expect.objectContaining({ value: "epci:246200364", kind: "communaute_agglomeration", regionCode: "32", department: "Pas-de-Calais" }),
    ]);
    expect(suggestGeoEntries(admin, "saint").length).toBeLessThanOrEqual(20);
    expect(suggestGeoEntries(admin, undefined)).toEqual([]);
  });
});

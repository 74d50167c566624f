// Issue 15: the public sees the version of a fiche a coordinator published, never the one being
// edited; a confidential fiche, or a withheld field, shows on no public channel (the territory
// page's fiche list, the fiche's own page). Through the real actions, against PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { publishFiches, setFicheConfidentiality, withdrawFiche } from "@/lib/publication/mutations";
import { contractKey } from "@/lib/publication/paths";
import { findPublicFiche } from "@/lib/publication/queries";
import { findTerritoryPage } from "@/lib/territories/queries";
import { createContractWithStructure, createOrganisation, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
let coordinator: Actor;
let world: Awaited<ReturnType<typeof createContractWithStructure>>;
let fiches: Array<{ id: string; number: number }>;

const run = (action: Parameters<typeof executeAction>[0], input: unknown, actor: Actor = coordinator) =>
  executeAction(action, { db: db(), actor, ip: "198.51.100.4" }, input) as Promise<ActionResult<unknown>>;
const versionOf = async (id: string) => (await db().ficheAction.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const publish = async (...ids: string[]) =>
  run(publishFiches, {
    contractId: world.contract.id,
    fiches: await Promise.all(ids.map(async (id) => ({ id, version: String(await versionOf(id)) }))),
  });
/** The fiche numbers the territory page lists. */
const listed = async () =>
  (await findTerritoryPage(ANONYMOUS, world.territory.slug))!.contracts[0].publicFiches.map((fiche) => fiche.number);
const page = (number: number) => findPublicFiche(ANONYMOUS, world.territory.slug, contractKey(world.contract.generation), String(number));

beforeAll(async () => {
  world = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 3 });
  fiches = await db().ficheAction.findMany({
    where: { contractId: world.contract.id },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
  const user = await createUser(db());
  coordinator = {
    userId: user.id,
    email: user.email,
    memberships: [{ role: "coordinator", territoryId: world.territory.id, regionId: null, organisationId: null }],
  };
  const funder = await createOrganisation(db(), { name: "Conseil départemental" });
  await db().ficheAction.update({
    where: { id: fiches[0].id },
    data: {
      generalObjective: "Réduire le renoncement aux soins",
      pilotContactEmail: "pilote@exemple.test",
      budgetLines: { create: { funderId: funder.id, amount: "12500.50", year: 2026 } },
    },
  });
});

describe("publication of fiches", () => {
  it("shows nothing before publication, then the published fiches only, on the list and on their own page", async () => {
    expect(await listed()).toEqual([]);
    expect(await page(1)).toBeNull();
    const result = await publish(fiches[0].id, fiches[1].id);
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^2\s+fiches publiées\.$/) });
    expect(await listed()).toEqual([1, 2]);
    const published = await page(1);
    expect(published?.content.values.general_objective).toBe("Réduire le renoncement aux soins");
    expect(published?.content.values.pilot_contact_email).toBe("pilote@exemple.test");
    expect(String(published?.content.shown.budgetLines)).toContain("Conseil départemental");
    expect(await page(3)).toBeNull();
  });

  it("freezes only the fiches published, and audits each", async () => {
    const snapshot = await db().contractSnapshot.findFirstOrThrow({
      where: { contractId: world.contract.id, reason: "publication" },
      orderBy: { version: "desc" },
      select: { content: true },
    });
    expect((snapshot.content as { fiches: Array<{ id: string }> }).fiches.map((fiche) => fiche.id)).toEqual([fiches[0].id, fiches[1].id]);
    const events = await db().auditEvent.findMany({ where: { action: "fiche.publish", entityId: { in: [fiches[0].id, fiches[1].id] } } });
    expect(events).toHaveLength(2);
  });

  it("keeps showing the published version while the fiche is edited, until it is published again", async () => {
    await db().ficheAction.update({
      where: { id: fiches[0].id },
      data: { generalObjective: "Brouillon en cours", version: { increment: 1 } },
    });
    expect((await page(1))?.content.values.general_objective).toBe("Réduire le renoncement aux soins");
    expect(await publish(fiches[0].id)).toMatchObject({ ok: true, message: "La fiche n°\u00a01 est publiée." });
    expect((await page(1))?.content.values.general_objective).toBe("Brouillon en cours");
  });

  it("refuses to publish a version the coordinator has not seen", async () => {
    const stale = await run(publishFiches, { contractId: world.contract.id, fiches: [{ id: fiches[1].id, version: "99" }] });
    expect(stale).toMatchObject({ ok: false, reason: "refused" });
    expect(stale.ok ? "" : stale.message).toContain("rechargez-la");
  });

  it("leaves a withheld field out of the public version at once", async () => {
    const version = await versionOf(fiches[0].id);
    const result = await run(setFicheConfidentiality, {
      ficheId: fiches[0].id,
      version: String(version),
      withheldFields: ["budgetLines", "pilotContactEmail"],
    });
    expect(result.ok).toBe(true);
    const published = await page(1);
    expect(published?.content.values).not.toHaveProperty("budget_lines");
    expect(published?.content.values).not.toHaveProperty("pilot_contact_email");
    expect(published?.content.shown).not.toHaveProperty("budgetLines");
    expect(JSON.stringify(published?.content)).not.toContain("pilote@exemple.test");
    expect(JSON.stringify(published?.content)).not.toContain("12500");
    // Withholding is not an edit of the content: the public version is still the current one.
    const publicVersion = await db().publicFiche.findUniqueOrThrow({ where: { ficheId: fiches[0].id }, select: { version: true } });
    expect(publicVersion.version).toBe(await versionOf(fiches[0].id));
  });

  it("takes a confidential fiche off every public channel, and refuses to publish it", async () => {
    const version = await versionOf(fiches[1].id);
    expect(await run(setFicheConfidentiality, { ficheId: fiches[1].id, version: String(version), confidential: "on" })).toMatchObject({
      ok: true,
    });
    expect(await listed()).toEqual([1]);
    expect(await page(2)).toBeNull();
    const refused = await publish(fiches[1].id);
    expect(refused).toMatchObject({ ok: false, reason: "refused" });
    expect(refused.ok ? "" : refused.message).toContain("confidentielle");
  });

  it("withdraws a published fiche, and says so when it is not published", async () => {
    expect(await run(withdrawFiche, { ficheId: fiches[0].id })).toMatchObject({ ok: true });
    expect(await listed()).toEqual([]);
    expect(await run(withdrawFiche, { ficheId: fiches[0].id })).toMatchObject({ ok: false, reason: "refused" });
  });

  it("answers not found for another contract's fiche", async () => {
    const other = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 1 });
    const foreign = await db().ficheAction.findFirstOrThrow({ where: { contractId: other.contract.id }, select: { id: true } });
    expect(await run(publishFiches, { contractId: world.contract.id, fiches: [{ id: foreign.id, version: "1" }] })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
  });
});

// A region's PRS objectives are its ARS's reference list: officers keep it (codes and labels
// unique in the region, edits from the version loaded, archived rather than deleted), fiches
// name one of their own region's objectives only, and what is published carries its name.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { updateFiche } from "@/lib/fiches/mutations";
import { archivePrsObjective, createPrsObjective, updatePrsObjective } from "@/lib/prs-objectives/mutations";
import { getPrsObjectiveList } from "@/lib/prs-objectives/queries";
import { publishFiches } from "@/lib/publication/mutations";
import { contractKey } from "@/lib/publication/paths";
import { findPublicFiche } from "@/lib/publication/queries";
import { createContractWithStructure, createRegion, createUser } from "../fixtures/factories";
import { createTestDatabase, setupAppDatabase } from "../support/database";

setupAppDatabase();
const db = () => getDb();

let world: Awaited<ReturnType<typeof createContractWithStructure>>;
let officer: Actor;
let coordinator: Actor;
let otherRegionId: string;

const run = (action: Parameters<typeof executeAction>[0], input: unknown, actor: Actor) =>
  executeAction(action, { db: db(), actor, ip: "198.51.100.7" }, input) as Promise<ActionResult<unknown>>;
const objectiveNamed = (label: string) => db().prsObjective.findFirstOrThrow({ where: { label } });
const fiche = (number: number) =>
  db().ficheAction.findFirstOrThrow({
    where: { contractId: world.contract.id, number },
    select: { id: true, axisId: true, version: true },
  });
/** Saves fiche `number` with the PRS objective given, as its form sends it. */
const saveFiche = async (number: number, prsObjectiveId: string) => {
  const { id, axisId, version } = await fiche(number);
  return run(
    updateFiche,
    {
      ficheId: id,
      version: String(version),
      axisId,
      title: `Fiche ${number}`,
      geographicScope: "whole_territory",
      status: "in_progress",
      progress: "10",
      prsObjectiveId,
    },
    coordinator,
  );
};

beforeAll(async () => {
  world = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 3 });
  const regionId = (await db().territory.findUniqueOrThrow({ where: { id: world.territory.id } })).regionId;
  const member = (role: "ars_officer" | "coordinator", scope: { regionId?: string; territoryId?: string }) =>
    createUser(db()).then((user) => ({
      userId: user.id,
      email: user.email,
      memberships: [{ role, regionId: scope.regionId ?? null, territoryId: scope.territoryId ?? null, organisationId: null }],
    }));
  officer = await member("ars_officer", { regionId });
  coordinator = await member("coordinator", { territoryId: world.territory.id });
  otherRegionId = (await createRegion(db())).id;
});

describe("a region's PRS objectives", () => {
  it("are kept by the region's officer, with a code and a label each unique in the region", async () => {
    const regionId = (await db().territory.findUniqueOrThrow({ where: { id: world.territory.id } })).regionId;
    expect(
      await run(createPrsObjective, { regionId, code: "2.10", label: "Réduire les inégalités sociales de santé" }, officer),
    ).toMatchObject({
      ok: true,
    });
    expect(await run(createPrsObjective, { regionId, code: "2.3", label: "Prévenir la perte d’autonomie" }, officer)).toMatchObject({
      ok: true,
    });
    expect(await run(createPrsObjective, { regionId, code: "2.3", label: "Autre" }, officer)).toMatchObject({
      ok: false,
      fieldErrors: { code: "Un autre objectif de la région porte déjà ce code." },
    });
    expect(await run(createPrsObjective, { regionId, code: "", label: "Prévenir la perte d’autonomie" }, officer)).toMatchObject({
      ok: false,
      fieldErrors: { label: "Un autre objectif de la région porte déjà cet intitulé." },
    });
    // Another region's list is not theirs, nor is any list a coordinator's.
    expect(await run(createPrsObjective, { regionId: otherRegionId, code: "1", label: "Ailleurs" }, officer)).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(createPrsObjective, { regionId, code: "9", label: "Par la coordination" }, coordinator)).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    // Listed in the PRS's numbering: 2.3 before 2.10.
    const list = await getPrsObjectiveList(officer, undefined);
    expect(list.objectives.map((objective) => objective.code)).toEqual(["2.3", "2.10"]);
    await expect(getPrsObjectiveList(coordinator, undefined)).rejects.toThrow();
  });

  it("are renamed from the version loaded: a stale form is a conflict, not an overwrite", async () => {
    const objective = await objectiveNamed("Réduire les inégalités sociales de santé");
    const rename = (label: string) => run(updatePrsObjective, { prsObjectiveId: objective.id, version: "1", code: "2.10", label }, officer);
    expect(await rename("Réduire les inégalités de santé")).toMatchObject({ ok: true });
    expect(await rename("Une autre version")).toMatchObject({ ok: false, reason: "conflict" });
    expect((await db().prsObjective.findUniqueOrThrow({ where: { id: objective.id } })).label).toBe("Réduire les inégalités de santé");
  });

  it("are named by fiches of their region only, and an archived one stays on the fiches that named it", async () => {
    const autonomy = await objectiveNamed("Prévenir la perte d’autonomie");
    const elsewhere = await db().prsObjective.create({
      data: { regionId: otherRegionId, code: "2.3", label: "Objectif d’une autre région" },
    });
    expect(await saveFiche(1, elsewhere.id)).toMatchObject({
      ok: false,
      fieldErrors: { prsObjectiveId: "Choisissez un objectif de la liste du PRS de votre région." },
    });
    expect(await saveFiche(1, autonomy.id)).toMatchObject({ ok: true });

    expect(await run(archivePrsObjective, { prsObjectiveId: autonomy.id, version: "1", archived: "on" }, officer)).toMatchObject({
      ok: true,
    });
    // Fiche 1 keeps it when saved again; fiche 2 may not choose it any more.
    expect(await saveFiche(1, autonomy.id)).toMatchObject({ ok: true });
    expect(await saveFiche(2, autonomy.id)).toMatchObject({ ok: false, fieldErrors: { prsObjectiveId: expect.any(String) } });
    // Nor can it be deleted while a fiche names it.
    await expect(db().prsObjective.delete({ where: { id: autonomy.id } })).rejects.toThrow();

    const events = await db().auditEvent.findMany({
      where: { entityId: autonomy.id },
      orderBy: { occurredAt: "asc" },
      select: { action: true },
    });
    expect(events.map((event) => event.action)).toEqual(["prsObjective.create", "prsObjective.archive"]);
  });

  it("reach the public version of a published fiche by their code and label", async () => {
    const { id, version } = await fiche(1);
    expect(
      await run(publishFiches, { contractId: world.contract.id, fiches: [{ id, version: String(version) }] }, coordinator),
    ).toMatchObject({
      ok: true,
    });
    const published = await findPublicFiche(ANONYMOUS, world.territory.slug, contractKey(world.contract.generation), "1");
    expect(published?.content.values.prs_objective).toBe("2.3 – Prévenir la perte d’autonomie");
    expect((await db().publicFiche.findUniqueOrThrow({ where: { ficheId: id } })).prsObjective).toBe("2.3 – Prévenir la perte d’autonomie");
  });
});

describe("the migration to a regional list", () => {
  it("turns the free texts fiches held into their region's objectives, once per text, and names them on the fiches", async () => {
    const previous = await createTestDatabase({ migrated: false });
    const client = new pg.Client({ connectionString: previous.url });
    try {
      await applyMigrations(previous.url, MIGRATIONS_DIR, { upTo: "20261207120000_open_data" });
      await client.connect();
      const one = async (sql: string, values: unknown[] = []) => (await client.query<{ id: string }>(sql, values)).rows[0].id;
      const region = await one(
        `INSERT INTO "Region" ("inseeCode", slug, name, "updatedAt") VALUES ('84', 'ara', 'ARA', now()) RETURNING id`,
      );
      const territory = await one(
        `INSERT INTO "Territory" (slug, name, kind, "regionId", "updatedAt") VALUES ('romans', 'Romans', 'commune', $1, now()) RETURNING id`,
        [region],
      );
      const contract = await one(`INSERT INTO "Contract" ("territoryId", title, "updatedAt") VALUES ($1, 'CLS', now()) RETURNING id`, [
        territory,
      ]);
      const axis = await one(`INSERT INTO "Axis" ("contractId", position, title, "updatedAt") VALUES ($1, 1, 'Axe', now()) RETURNING id`, [
        contract,
      ]);
      const texts = ["Objectif 2.3 du PRS", "  Objectif 2.3 du PRS ", null, "Santé mentale"];
      for (const [index, text] of texts.entries())
        await client.query(
          `INSERT INTO "FicheAction" ("contractId", "axisId", number, title, "prsObjective", "updatedAt") VALUES ($1, $2, $3, 'Fiche', $4, now())`,
          [contract, axis, index + 1, text],
        );

      await applyMigrations(previous.url, MIGRATIONS_DIR, { upTo: "20261208100000_prs_objectives" });
      const objectives = await client.query(`SELECT "regionId", code, label FROM "PrsObjective" ORDER BY label`);
      expect(objectives.rows).toEqual([
        { regionId: region, code: null, label: "Objectif 2.3 du PRS" },
        { regionId: region, code: null, label: "Santé mentale" },
      ]);
      const named = await client.query(
        `SELECT f.number, p.label FROM "FicheAction" f LEFT JOIN "PrsObjective" p ON p.id = f."prsObjectiveId" ORDER BY f.number`,
      );
      expect(named.rows).toEqual([
        { number: 1, label: "Objectif 2.3 du PRS" },
        { number: 2, label: "Objectif 2.3 du PRS" },
        { number: 3, label: null },
        { number: 4, label: "Santé mentale" },
      ]);
    } finally {
      await client.end();
      await previous.drop();
    }
  });
});

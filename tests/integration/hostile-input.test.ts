// Impossible dates, out-of-range years, control characters and oversized numbers sent to the
// real server actions: each is answered at its field, in French, and nothing reaches the
// database; exact decimals come back exactly as typed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { MAX_IMPORT_BYTES } from "@/lib/fiches/import-schema";
import { importFiches } from "@/lib/fiches/import";
import { createFiche, updateFiche } from "@/lib/fiches/mutations";
import { addMeasurement, createIndicator } from "@/lib/indicators/mutations";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
const run = (definition: Parameters<typeof executeAction>[0], input: unknown) =>
  executeAction(definition, { db: db(), actor: coordinator, ip: "192.0.2.1" }, input);

let coordinator: Actor;
let contractId: string;
let axisId: string;
let organisationId: string;

beforeAll(async () => {
  const territory = await createTerritory(db());
  contractId = (await createContract(db(), { territoryId: territory.id })).id;
  axisId = (await db().axis.create({ data: { contractId, position: 1, number: 1, title: "Prévention" } })).id;
  organisationId = (await createOrganisation(db())).id;
  const user = await db().user.create({
    data: {
      email: `coordination-${randomUUID()}@exemple.test`,
      memberships: { create: { role: "coordinator", territoryId: territory.id } },
    },
  });
  coordinator = await actorForUser(user.id);
});

const ficheInput = (extra: Record<string, unknown> = {}) => ({
  contractId,
  axisId,
  title: "Prévenir les chutes",
  geographicScope: "whole_territory",
  status: "in_progress",
  ...extra,
});

/** Everything a fiche save can touch, to prove a refused save changed nothing. */
async function databaseState() {
  const [fiches, budgetLines, milestones, audit] = await Promise.all([
    db().ficheAction.findMany({ where: { contractId }, orderBy: { number: "asc" } }),
    db().budgetLine.findMany({ where: { fiche: { contractId } }, orderBy: { id: "asc" } }),
    db().milestone.findMany({ where: { fiche: { contractId } }, orderBy: { id: "asc" } }),
    db().auditEvent.count(),
  ]);
  return { fiches, budgetLines, milestones, audit };
}

describe("saving a fiche with hostile values", () => {
  it("answers each bad value at its field, in French, and changes nothing in the database", async () => {
    const created = await run(
      createFiche,
      ficheInput({ startsOn: "2026-02-01", budgetLines: [{ funderId: organisationId, amount: "1 000" }] }),
    );
    expect(created.ok).toBe(true);
    const { ficheId } = (created as { data: { ficheId: string } }).data;
    const before = await databaseState();

    const result = await run(updateFiche, {
      ...ficheInput(),
      ficheId,
      version: "1",
      title: "Prévenir les chutes\u0000",
      context: "Constat\u0085",
      startsOn: "2026-02-31",
      endsOn: "10000-01-01",
      milestones: [{ title: "Lancement", dueOn: "0000-01-01" }],
      budgetLines: [
        { funderId: organisationId, amount: "12345678901234567890" },
        { funderLabel: "Commune", amount: "-10" },
      ],
      pilotContactName: "Camille\u001b[31m",
      themes: ["mental_health", "x\u0000"],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        title: "Ce texte contient un caractère invisible non autorisé (U+0000, position 20)\u00a0: supprimez-le.",
        context: "Ce texte contient un caractère invisible non autorisé (U+0085, position 8)\u00a0: supprimez-le.",
        startsOn: "Date invalide\u00a0: le 31/02/2026 n’existe pas.",
        endsOn: "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200.",
        "milestones.0.dueOn": "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200.",
        "budgetLines.0.amount": "Montant trop élevé\u00a0: 999\u00a0999\u00a0999\u00a0999,99\u00a0€ au plus.",
        "budgetLines.1.amount": "Un montant ne peut pas être négatif.",
        pilotContactName: expect.stringContaining("U+001B"),
        "themes.1": "Choisissez les thématiques dans la liste.",
      },
    });
    expect(await databaseState()).toEqual(before);
  });

  it("refuses a version that no INTEGER column holds at its field, instead of failing in PostgreSQL", async () => {
    const created = await run(createFiche, ficheInput({ title: "Fiche versionnée" }));
    const { ficheId } = (created as { data: { ficheId: string } }).data;
    const before = await databaseState();
    expect(await run(updateFiche, { ...ficheInput(), ficheId, version: "3000000000" })).toMatchObject({
      ok: false,
      fieldErrors: { version: expect.any(String) },
    });
    expect(await databaseState()).toEqual(before);
  });

  it("stores amounts and indicator values exactly as typed, to the cent and the ten-thousandth", async () => {
    const created = await run(
      createFiche,
      ficheInput({
        title: "Fiche chiffrée",
        budgetLines: [
          { funderId: organisationId, amount: "12 345 678 901,23" },
          { funderLabel: "Commune", amount: "999999999999.99" },
        ],
      }),
    );
    expect(created.ok).toBe(true);
    const { ficheId } = (created as { data: { ficheId: string } }).data;
    const lines = await db().budgetLine.findMany({ where: { ficheId }, orderBy: { amount: "asc" } });
    expect(lines.map((line) => line.amount.toString())).toEqual(["12345678901.23", "999999999999.99"]);

    const indicator = await run(createIndicator, {
      ficheId,
      name: "Montant mobilisé",
      level: "result",
      direction: "increase",
      frequency: "yearly",
      baselineValue: "12 345 678 901 234,5678",
      targetValue: "-0,0001",
    });
    expect(indicator.ok).toBe(true);
    const saved = await db().indicator.findFirstOrThrow({ where: { ficheId } });
    expect([saved.baselineValue?.toString(), saved.targetValue?.toString()]).toEqual(["12345678901234.5678", "-0.0001"]);

    const before = await db().measurement.count();
    expect(await run(addMeasurement, { indicatorId: saved.id, measuredOn: "2025-06-30", value: "99999999999999999999" })).toMatchObject({
      ok: false,
      fieldErrors: { value: expect.stringMatching(/^Nombre trop grand/) },
    });
    expect(await run(addMeasurement, { indicatorId: saved.id, measuredOn: "2025-02-29", value: "1" })).toMatchObject({
      ok: false,
      fieldErrors: { measuredOn: "Date invalide\u00a0: le 29/02/2025 n’existe pas." },
    });
    expect(await db().measurement.count()).toBe(before);
    expect(await run(addMeasurement, { indicatorId: saved.id, measuredOn: "2025-06-30", value: "0,1" })).toMatchObject({ ok: true });
    expect((await db().measurement.findFirstOrThrow({ where: { indicatorId: saved.id } })).value.toString()).toBe("0.1");
  });
});

describe("uploads", () => {
  it("refuses a file over 5 MB on the server too, at the file field", async () => {
    const file = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], "enorme.csv", { type: "text/csv" });
    expect(await run(importFiches, { contractId, mode: "preview", file })).toEqual({
      ok: false,
      reason: "invalid",
      message: expect.any(String),
      fieldErrors: { file: "Ce fichier dépasse 5\u00a0Mo\u00a0: découpez-le." },
    });
  });
});

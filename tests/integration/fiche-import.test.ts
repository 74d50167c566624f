// Importing fiches never overwrites a fiche silently: the template's example row matches no
// fiche, an update shows each field before and after, and the server applies it only once the
// user has confirmed those very changes. Hostile cells are refused by row, like the form does.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { importFiches, importTemplate, type ImportOutcome } from "@/lib/fiches/import";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
let coordinator: Actor;
let contractId: string;
let ficheId: string;

const csv = (...lines: string[]) => new File([`\uFEFF${lines.join("\r\n")}\r\n`], "fiches.csv", { type: "text/csv" });
const run = (input: Record<string, unknown>) =>
  executeAction(importFiches, { db: db(), actor: coordinator, ip: "192.0.2.1" }, { contractId, ...input });
const outcome = (result: Awaited<ReturnType<typeof run>>) => {
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data as ImportOutcome;
};
/** The fiche and the number of audit events: what an import must leave alone when refused. */
const state = async () => ({
  fiches: await db().ficheAction.findMany({ where: { contractId }, orderBy: { number: "asc" } }),
  events: await db().auditEvent.count(),
});

beforeEach(async () => {
  const territory = await createTerritory(db());
  contractId = (await createContract(db(), { territoryId: territory.id })).id;
  const axis = await db().axis.create({ data: { contractId, position: 1, number: 1, title: "Prévention" } });
  await db().axis.create({ data: { contractId, position: 2, number: 2, title: "Accès aux soins" } });
  const pilot = await createOrganisation(db(), { name: `CPAM ${randomUUID().slice(0, 6)}` });
  ficheId = (
    await db().ficheAction.create({
      data: {
        contractId,
        axisId: axis.id,
        number: 1,
        title: "Fiche réelle",
        description: "Ce qui a été écrit à la main.",
        status: "in_progress",
        progress: 30,
        pilotOrganisationId: pilot.id,
        startsOn: new Date("2025-01-15T00:00:00Z"),
        themes: ["mental_health"],
      },
    })
  ).id;
  const user = await db().user.create({
    data: {
      email: `coordination-${randomUUID()}@exemple.test`,
      memberships: { create: { role: "coordinator", territoryId: territory.id } },
    },
  });
  coordinator = await actorForUser(user.id);
});

describe("the template", () => {
  it("imported unchanged, changes no fiche: its example row is skipped and says so", async () => {
    const before = await state();
    const template = new File([new Uint8Array(await importTemplate())], "modele-import-fiches.xlsx");
    const result = await run({ mode: "import", file: template });
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("que la ligne d’exemple") } });
    expect(await state()).toEqual(before);

    // With a real row under it, the example row is reported as skipped and the real one imported.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate()) as unknown as ArrayBuffer);
    workbook.getWorksheet("Fiches actions")!.addRow([7, 1, "Une vraie fiche"]);
    const file = new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "fiches.xlsx");
    const imported = outcome(await run({ mode: "import", file }));
    expect(imported.report.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, "example"],
      [3, "create"],
    ]);
    expect((await state()).fiches.map((fiche) => [fiche.number, fiche.title])).toEqual([
      [1, "Fiche réelle"],
      [7, "Une vraie fiche"],
    ]);
  });
});

describe("updating existing fiches", () => {
  const changedFile = () =>
    csv("Numéro;Axe;Intitulé;Statut;Début", "1;2;Fiche réelle, précisée;Réalisée;31/12/2025", "2;1;Nouvelle fiche;;");

  it("without confirmation changes nothing and returns each change, before and after", async () => {
    const before = await state();
    const preview = outcome(await run({ mode: "preview", file: changedFile() }));
    const refused = outcome(await run({ mode: "import", file: changedFile() }));
    expect(await state()).toEqual(before);
    for (const result of [preview, refused]) {
      expect(result.imported).toBe(false);
      expect(result.report.rows[0]).toMatchObject({
        outcome: "update",
        changes: [
          { column: "Axe", before: "Axe 1 – Prévention", after: "Axe 2 – Accès aux soins" },
          { column: "Intitulé", before: "Fiche réelle", after: "Fiche réelle, précisée" },
          { column: "Statut", before: "En cours", after: "Réalisée" },
          { column: "Début", before: "15\u00a0janvier\u00a02025", after: "31\u00a0décembre\u00a02025" },
        ],
      });
      expect(result.report.rows[1]).toMatchObject({ outcome: "create", changes: [] });
      expect(result.report.digest).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(refused.confirmationRequired).toBe(true);
    // A confirmation of other changes (an earlier preview, another file) does not count either.
    expect(outcome(await run({ mode: "import", file: changedFile(), confirmedChanges: "0".repeat(64) })).confirmationRequired).toBe(true);
    expect(await state()).toEqual(before);
  });

  it("with the confirmation of these changes applies them, and records them in the history", async () => {
    const { report } = outcome(await run({ mode: "preview", file: changedFile() }));
    const imported = outcome(await run({ mode: "import", file: changedFile(), confirmedChanges: report.digest }));
    expect(imported.imported).toBe(true);
    const fiche = await db().ficheAction.findUniqueOrThrow({ where: { id: ficheId } });
    expect(fiche).toMatchObject({
      title: "Fiche réelle, précisée",
      status: "completed",
      endsOn: null,
      startsOn: new Date("2025-12-31T00:00:00Z"),
      version: 2,
    });
    // Columns the file does not have are left as they were.
    expect(fiche).toMatchObject({
      description: "Ce qui a été écrit à la main.",
      progress: 30,
      themes: ["mental_health"],
      pilotOrganisationId: expect.any(String),
    });
    expect(await db().auditEvent.findFirstOrThrow({ where: { entityId: ficheId, action: "fiche.import.update" } })).toMatchObject({
      changes: { title: { before: "Fiche réelle", after: "Fiche réelle, précisée" } },
    });
    expect(await db().ficheAction.count({ where: { contractId } })).toBe(2);
  });

  it("re-importing the same file leaves the fiches untouched, without asking", async () => {
    const { report } = outcome(await run({ mode: "preview", file: changedFile() }));
    outcome(await run({ mode: "import", file: changedFile(), confirmedChanges: report.digest }));
    const before = await state();
    const again = outcome(await run({ mode: "import", file: changedFile() }));
    expect(again).toMatchObject({ imported: true, report: { digest: null } });
    expect(again.report.rows.map((row) => row.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(await state()).toEqual(before);
  });
});

describe("hostile cells", () => {
  it("are refused by row and column, with the form's rules, and nothing is written", async () => {
    const before = await state();
    const result = outcome(
      await run({
        mode: "import",
        file: csv(
          "Numéro;Axe;Intitulé;Début;Fin;Description",
          "10;1;Impossible;31/02/2026;;",
          "11;1;Trop tôt;01/01/0000;;",
          "12;1;Nul\u0000;;;",
          "13;1;Contrôle;;;Texte\u0085",
          "14;1;Trop tard;;01/01/10000;",
        ),
      }),
    );
    expect(result.report.rows.map((row) => row.errors)).toEqual([
      { Début: "Date invalide\u00a0: le 31/02/2026 n’existe pas." },
      { Début: "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200." },
      { Intitulé: "Ce texte contient un caractère invisible non autorisé (U+0000, position 4)\u00a0: supprimez-le." },
      { Description: expect.stringContaining("U+0085") },
      { Fin: "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200." },
    ]);
    expect(await state()).toEqual(before);
  });

  it("bound a date the file gives by the fiche's date it leaves out", async () => {
    const before = await state();
    const result = outcome(await run({ mode: "import", file: csv("Numéro;Axe;Intitulé;Fin", "1;1;Fiche réelle;31/12/2024") }));
    // Fiche 1 starts on 15 January 2025.
    expect(result.report.rows.map((row) => row.errors)).toEqual([
      { Fin: "La fin précède le début de la fiche, le 15\u00a0janvier\u00a02025." },
    ]);
    expect(await state()).toEqual(before);
  });
});

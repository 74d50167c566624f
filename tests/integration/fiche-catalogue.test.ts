// Every field of the fiche catalogue reaches every output: a value typed in an import is stored,
// recorded in the history, shown in the .xlsx export and in the PDF, and the template has its
// column. The test walks the catalogue, so a field added without its outputs (or without a
// sample here) fails.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { listAuditEvents } from "@/lib/audit/queries";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { exportColumns, fieldsOf, type Catalogue } from "@/lib/catalogue";
import { getContractExport } from "@/lib/contracts/export-query";
import { contractPdf } from "@/lib/contracts/pdf";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { contractWorkbook } from "@/lib/contracts/xlsx";
import { getDb } from "@/lib/db/client";
import { IMPORT_COLUMNS, importFiches, importTemplate, type ImportOutcome } from "@/lib/fiches/import";
import { getFicheHistory } from "@/lib/fiches/queries";
import { FICHE_FIELD_LIST, OBJECTIVE_FIELDS, type FicheFieldName } from "@/lib/fiches/schema";
import { formatDate } from "@/lib/format";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

setupAppDatabase();
const db = () => getDb();

let coordinator: Actor;
let coordinatorEmail: string;
let territorySlug: string;
let contractId: string;
let ids: { axis: string; organisation: string; previousFiche: string; user: string; prsObjective: string };
const organisationName = `CPAM ${randomUUID().slice(0, 6)}`;

type Sample = {
  /** What the import's cell holds. */
  cell: () => string;
  /** What the fiche then holds in the field's column. */
  stored: () => unknown;
  /** The export's cells, by column header (a field shown within another's column: a part of that cell). */
  xlsx: () => unknown;
  /** Text the PDF shows for the field. */
  pdf: () => string[];
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const text = (value: string): Sample => ({ cell: () => value, stored: () => value, xlsx: () => value, pdf: () => [value] });
/** A cell the import turns into another stored value (a code, an id, a list), shown as the same text in the export and the PDF. */
const converted = (values: () => [cell: string, stored: unknown, shown: string]): Sample => ({
  cell: () => values()[0],
  stored: () => values()[1],
  xlsx: () => values()[2],
  pdf: () => [values()[2]],
});

/** One sample value per scalar field of the catalogue. */
const SAMPLES: Partial<Record<FicheFieldName, Sample>> = {
  title: text("Prévenir les chutes"),
  axisId: { cell: () => "1", stored: () => ids.axis, xlsx: () => "Axe 1", pdf: () => ["Axe 1 – Prévention"] },
  number: { cell: () => "5", stored: () => 5, xlsx: () => 5, pdf: () => ["Fiche n°\u00a05 – Prévenir les chutes"] },
  status: { cell: () => "En cours", stored: () => "in_progress", xlsx: () => "En cours", pdf: () => ["En cours, 40\u00a0%"] },
  progress: { cell: () => "40 %", stored: () => 40, xlsx: () => 0.4, pdf: () => ["40\u00a0%"] },
  priority: converted(() => ["Haute", "high", "Haute"]),
  weight: { cell: () => "3", stored: () => 3, xlsx: () => 3, pdf: () => ["3"] },
  context: text("Peu de prévention des chutes"),
  generalObjective: text("Moins de chutes"),
  description: text("Ateliers d’équilibre"),
  targetPublic: text("Personnes âgées"),
  vulnerableGroups: text("Personnes isolées"),
  geographicScope: converted(() => ["Quartiers prioritaires (QPV)", "qpv", "Quartiers prioritaires (QPV)"]),
  geographicScopeDetail: text("Quartier des Ors"),
  pilotOrganisationId: converted(() => [organisationName, ids.organisation, `${organisationName} – Marie Curie`]),
  pilotUserId: converted(() => [coordinatorEmail, ids.user, coordinatorEmail]),
  pilotContactName: text("Marie Curie"),
  pilotContactEmail: converted(() => ["Marie.Curie@Exemple.fr", "marie.curie@exemple.fr", "marie.curie@exemple.fr"]),
  startsOn: {
    cell: () => "15/01/2025",
    stored: () => day("2025-01-15"),
    xlsx: () => day("2025-01-15"),
    pdf: () => [`${formatDate(day("2025-01-15"))} – ${formatDate(day("2027-12-31"))}`],
  },
  endsOn: {
    cell: () => "31/12/2027",
    stored: () => day("2027-12-31"),
    xlsx: () => day("2027-12-31"),
    pdf: () => [formatDate(day("2027-12-31"))],
  },
  // Found by its code, shown with its label.
  prsObjectiveId: converted(() => ["2.3", ids.prsObjective, "2.3 – Prévenir la perte d’autonomie"]),
  determinants: {
    cell: () => "Logement; Isolement social",
    stored: () => ["Logement", "Isolement social"],
    xlsx: () => "Logement\nIsolement social",
    pdf: () => ["Logement", "Isolement social"],
  },
  themes: converted(() => ["santé mentale, mobilité", ["mental_health", "mobility"], "Santé mentale\u00a0; Mobilité"]),
  continuesFicheId: converted(() => ["3", ids.previousFiche, "n°\u00a03 Ancienne fiche"]),
};

const SCALAR_FIELDS = FICHE_FIELD_LIST.filter((field) => field.scalar);
const sample = (name: string) => SAMPLES[name as FicheFieldName]!;

const csv = (...lines: string[][]) =>
  new File(
    [`\uFEFF${lines.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(";")).join("\r\n")}\r\n`],
    "fiches.csv",
    {
      type: "text/csv",
    },
  );
const importFile = (file: File, confirmedChanges?: string) =>
  executeAction(
    importFiches,
    { db: db(), actor: coordinator, ip: "192.0.2.1" },
    { contractId, mode: "import", file, ...(confirmedChanges ? { confirmedChanges } : {}) },
  );
const outcome = (result: Awaited<ReturnType<typeof importFile>>) => {
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data as ImportOutcome;
};
/** A row of every importable column, from the samples. */
const sampleFile = () =>
  csv(
    IMPORT_COLUMNS.map((column) => column.header),
    IMPORT_COLUMNS.map((column) => sample(column.field).cell()),
  );

beforeAll(async () => {
  const territory = await createTerritory(db());
  territorySlug = territory.slug;
  const previous = await createContract(db(), { territoryId: territory.id, generation: 1 });
  const previousAxis = await db().axis.create({ data: { contractId: previous.id, position: 1, number: 1, title: "Ancien axe" } });
  const previousFiche = await db().ficheAction.create({
    data: { contractId: previous.id, axisId: previousAxis.id, number: 3, title: "Ancienne fiche" },
  });
  contractId = (await createContract(db(), { territoryId: territory.id, generation: 2, previousContractId: previous.id })).id;
  const axis = await db().axis.create({ data: { contractId, position: 1, number: 1, title: "Prévention" } });
  const organisation = await createOrganisation(db(), { name: organisationName });
  coordinatorEmail = `coordination-${randomUUID()}@exemple.test`;
  const user = await db().user.create({
    data: { email: coordinatorEmail, memberships: { create: { role: "coordinator", territoryId: territory.id } } },
  });
  coordinator = await actorForUser(user.id);
  const prsObjective = await db().prsObjective.create({
    data: { regionId: territory.regionId, code: "2.3", label: "Prévenir la perte d’autonomie" },
  });
  await db().prsObjective.create({ data: { regionId: territory.regionId, code: "2.4", label: "Objectif retiré", archivedAt: new Date() } });
  ids = { axis: axis.id, organisation: organisation.id, previousFiche: previousFiche.id, user: user.id, prsObjective: prsObjective.id };
});

describe("the fiche catalogue", () => {
  it("has a sample here, an import column, export columns and a PDF entry for every scalar field", () => {
    for (const field of SCALAR_FIELDS) {
      expect(SAMPLES, field.name).toHaveProperty(field.name);
      expect(field.import, field.name).toBeDefined();
      expect(field.xlsx, field.name).toBeDefined();
      expect(field.pdf, field.name).toBeDefined();
    }
  });

  it("gives the import template a column for every scalar field", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate()) as unknown as ArrayBuffer);
    const headers = workbook.getWorksheet("Fiches actions")!.getRow(1).values as unknown[];
    for (const field of SCALAR_FIELDS) expect(headers, field.name).toContain(field.import!.header);
  });

  it("round-trips a value of every field: import, database, history, .xlsx export, PDF; importing it again changes nothing", async () => {
    const imported = outcome(await importFile(sampleFile()));
    expect(imported.report.rows.map((row) => [row.outcome, row.errors])).toEqual([["create", {}]]);

    const fiche = await db().ficheAction.findFirstOrThrow({ where: { contractId, number: 5 } });
    for (const field of SCALAR_FIELDS) expect(fiche[field.name as keyof typeof fiche], field.name).toEqual(sample(field.name).stored());

    // The history has every field the import set.
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: fiche.id, action: "fiche.import.create" } });
    const changes = event.changes as Record<string, { after: unknown }>;
    for (const field of SCALAR_FIELDS) expect(changes[field.history!.key]?.after, field.name).not.toBeNull();
    // …listed in the form's order, whatever order the database keeps them in.
    const history = (await getFicheHistory(coordinator, territorySlug, contractId, fiche.id)).changes;
    const labels = history[0].fields.map((change) => change.label);
    expect(labels.length).toBeGreaterThanOrEqual(SCALAR_FIELDS.length);
    expect(labels).toEqual(FICHE_FIELD_LIST.map((field) => field.label).filter((label) => labels.includes(label)));
    // The journal too.
    const journal = await listAuditEvents(coordinator, territorySlug, { element: `FicheAction:${fiche.id}` });
    const keys = Object.keys(journal.events[0].changes as object);
    expect(keys).toEqual(
      FICHE_FIELD_LIST.flatMap((field) => (field.history && keys.includes(field.history.key) ? [field.history.key] : [])),
    );

    // The export: a column for each field, holding the value (or, within another's column, part of it).
    const contract = await getContractExport(coordinator, territorySlug, contractId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await contractWorkbook(contract)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Axes et fiches")!;
    const headers = sheet.getRow(1).values as unknown[];
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header)).value;
    for (const field of SCALAR_FIELDS) {
      const xlsx = field.xlsx!;
      if ("within" in xlsx) {
        const host = FICHE_FIELD_LIST.find((candidate) => candidate.name === xlsx.within)!.xlsx as ReadonlyArray<{ header: string }>;
        expect(String(cell(host[0].header)), field.name).toContain(sample(field.name).cell());
      } else {
        expect(headers, field.name).toContain(xlsx[0].header);
        expect(cell(xlsx[0].header), field.name).toEqual(sample(field.name).xlsx());
      }
    }

    // The other catalogues' columns: the contract's facts, the objectives' and the indicators' sheets.
    const headersOf = (name: string) => workbook.getWorksheet(name)!.getRow(1).values as unknown[];
    const facts = workbook.getWorksheet("Contrat")!.getColumn(1).values;
    for (const field of fieldsOf(CONTRACT_FIELDS))
      if (field.xlsx && !("within" in field.xlsx)) for (const column of field.xlsx) expect(facts, field.name).toContain(column.header);
    for (const [name, catalogue] of [
      ["Objectifs", OBJECTIVE_FIELDS],
      ["Indicateurs", INDICATOR_FIELDS],
    ] as const)
      for (const column of exportColumns(fieldsOf(catalogue as Catalogue<never, never>)))
        expect(headersOf(name), name).toContain(column.header);

    // The PDF: each field's label (for facts and paragraphs) and value.
    const shown = pdfText((await contractPdf(contract, { compress: false })).toString("latin1"));
    for (const field of SCALAR_FIELDS) {
      const pdf = field.pdf!;
      if (pdf.kind === "fact" || pdf.kind === "paragraph") expect(shown, field.name).toContain(pdf.label ?? field.label);
      for (const part of sample(field.name).pdf()) expect(shown, field.name).toContain(part);
    }

    // Every value reads back the same: the same file again is "unchanged".
    const again = outcome(await importFile(sampleFile()));
    expect(again.report.rows.map((row) => row.outcome)).toEqual(["unchanged"]);
  });

  it("shows each changed field before and after when an import updates a fiche, in the template's order", async () => {
    const changed = csv(
      ["Numéro", "Axe", "Intitulé", "Priorité", "Publics vulnérables", "Fiche poursuivie (n°)"],
      ["5", "1", "Prévenir les chutes", "Basse", "Aidants", ""],
    );
    const preview = outcome(await importFile(changed));
    expect(preview.confirmationRequired).toBe(true);
    expect(preview.report.rows[0].changes).toEqual([
      { column: "Priorité", before: "Haute", after: "Basse" },
      { column: "Publics vulnérables", before: "Personnes isolées", after: "Aidants" },
      { column: "Fiche poursuivie (n°)", before: "n°\u00a03 Ancienne fiche", after: "(vide)" },
    ]);
    outcome(await importFile(changed, preview.report.digest!));
    expect(await db().ficheAction.findFirstOrThrow({ where: { contractId, number: 5 } })).toMatchObject({
      priority: "low",
      vulnerableGroups: "Aidants",
      continuesFicheId: null,
      geographicScope: "qpv",
    });
  });
});

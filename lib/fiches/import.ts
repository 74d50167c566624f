// Importing fiches actions from a spreadsheet. Each row is checked column by column, with the
// form's rules for text and dates; a fiche number already in the contract updates that fiche.
// Nothing is overwritten unseen: the check lists, for every fiche an import updates, each field
// before and after, and the server writes updates only when the user has confirmed those very
// changes (a digest of them, recomputed on import). Columns absent from the file leave their
// fields as they are, and rows that change nothing are not written, so importing the same file
// twice changes nothing. The template's example row is marked and skipped.
import { onContract } from "@/lib/actions/targets";
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { type ActionContext } from "@/lib/actions/define";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { foldName, orderedFields } from "@/lib/catalogue";
import { lockContract } from "@/lib/contracts/lock";

import type { Db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/db/generated/client";
import { formatCount } from "@/lib/format";
import { readSpreadsheet, UnreadableFileError } from "./import-file";
import { importFichesSchema } from "./import-schema";
import { FICHE_FIELDS, type FicheFieldName, type FicheImportContext } from "./schema";
import { ficheEntityLabel, ficheSnapshot } from "./snapshot";
import { prsObjectiveName } from "@/lib/prs-objectives/labels";

/** The template's columns, in order: those the template has always had first (files and habits rely on their place), then every other importable field of the catalogue, in the form's order. */
export const IMPORT_COLUMNS = orderedFields(FICHE_FIELDS, [
  "number",
  "axisId",
  "title",
  "status",
  "progress",
  "generalObjective",
  "description",
  "targetPublic",
  "pilotOrganisationId",
  "pilotContactName",
  "pilotContactEmail",
  "startsOn",
  "endsOn",
  "themes",
]).flatMap((field) => (field.import ? [{ field: field.name as FicheFieldName, ...field.import }] : []));

type ImportColumnSpec = (typeof IMPORT_COLUMNS)[number];

/** What the template's example row holds in its "Numéro" column; such rows are skipped. */
export const EXAMPLE_ROW_MARK = FICHE_FIELDS.number.import.example;

/** The fields of a fiche an import sets, by field name (the database column). */
type FicheValues = Partial<Record<FicheFieldName, unknown>>;

/** One field an import changes: the column's header, the value shown before and after. */
export type FieldChange = { column: string; before: string; after: string };

export type ImportRow = {
  /** The row's line in the file (the header is line 1). */
  line: number;
  number: string;
  title: string;
  /** Column header → French message. */
  errors: Record<string, string>;
  /** What importing the row does: create a fiche, update one (see `changes`), leave one as it is; or nothing. */
  outcome: "create" | "update" | "unchanged" | "invalid" | "example";
  /** For an update: each field that changes. */
  changes: FieldChange[];
};

export type ImportReport = {
  rows: ImportRow[];
  /** Rows that can be imported (created, updated or unchanged). */
  valid: number;
  invalid: number;
  /** Existing fiches the import changes. */
  updates: number;
  /** Fingerprint of the updates' changes, which the user confirms; null when nothing is overwritten. */
  digest: string | null;
};

export type ImportOutcome = { imported: boolean; report: ImportReport; confirmationRequired?: boolean };

type ExistingFiche = { id: string; version: number; deleted: boolean; values: FicheValues };

type Context = FicheImportContext & { fiches: Map<number, ExistingFiche> };

type CheckedRow = { number: number; values: FicheValues };

/** Checks one row with each column's rule; returns what to save (only the columns the file has), and the errors by column header. */
function checkRow(
  cells: Record<FicheFieldName, string>,
  present: Set<FicheFieldName>,
  context: Context,
  seenNumbers: Set<number>,
): { valid: CheckedRow | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fail = (column: ImportColumnSpec, message: string) => (errors[column.header] ??= message);
  const values: FicheValues = {};
  let number = 0;
  for (const column of IMPORT_COLUMNS) {
    const cell = cells[column.field];
    if (!column.required && (!present.has(column.field) || (column.keepWhenEmpty && !cell))) continue;
    const result = column.parse(cell, context);
    if ("error" in result) {
      fail(column, result.error);
      continue;
    }
    if (column.field !== "number") values[column.field] = result.value;
    else {
      number = result.value as number;
      if (seenNumbers.has(number)) fail(column, "Ce numéro figure déjà plus haut dans le fichier.");
      else if (context.fiches.get(number)?.deleted)
        fail(column, "Une fiche de ce numéro est dans la corbeille\u00a0: restaurez-la ou changez de numéro.");
      seenNumbers.add(number);
    }
  }
  // A date the file leaves out keeps the fiche's: it still bounds the other (the database refuses
  // an end before the start).
  const dates = values as { startsOn?: Date | null; endsOn?: Date | null };
  const kept = context.fiches.get(number)?.values as { startsOn?: Date | null; endsOn?: Date | null } | undefined;
  const startsOn = "startsOn" in dates ? dates.startsOn : kept?.startsOn;
  const endsOn = "endsOn" in dates ? dates.endsOn : kept?.endsOn;
  const columnOf = (field: FicheFieldName) => IMPORT_COLUMNS.find((column) => column.field === field)!;
  if (startsOn && endsOn && endsOn < startsOn) {
    if (!("startsOn" in dates)) fail(columnOf("endsOn"), `La fin précède le début de la fiche, le ${formatDate(startsOn)}.`);
    else if (!("endsOn" in dates)) fail(columnOf("startsOn"), `Le début suit la fin de la fiche, le ${formatDate(endsOn)}.`);
    else fail(columnOf("endsOn"), "La fin précède le début.");
  }
  return { valid: Object.keys(errors).length ? null : { number, values }, errors };
}

const canonical = (value: unknown) =>
  value instanceof Date ? value.toISOString() : JSON.stringify(value === "" || value === undefined ? null : value);

/** The fields the row changes on the existing fiche, in the template's column order. */
function changesOf(existing: FicheValues, values: FicheValues, context: Context): FieldChange[] {
  return IMPORT_COLUMNS.flatMap((column) => {
    const field = column.field;
    if (field === "number" || !(field in values) || canonical(existing[field]) === canonical(values[field])) return [];
    return [{ column: column.header, before: column.shown(existing[field], context), after: column.shown(values[field], context) }];
  });
}

/** What the fiches of the contract hold in the importable columns. */
const existingSelect = Object.fromEntries(
  IMPORT_COLUMNS.filter((column) => column.field !== "number").map((column) => [column.field, true]),
) as Record<Exclude<FicheFieldName, "number">, true>;

async function loadContext(db: Db, contractId: string): Promise<Context> {
  const [contract, organisations] = await Promise.all([
    db.contract.findUniqueOrThrow({
      relationLoadStrategy: "join",
      where: { id: contractId },
      select: {
        axes: { select: { id: true, number: true, title: true, isTransversal: true } },
        territory: {
          select: {
            memberships: { select: { user: { select: { id: true, email: true } } } },
            region: { select: { prsObjectives: { where: { archivedAt: null }, select: { id: true, code: true, label: true } } } },
          },
        },
        previousContract: { select: { fiches: { where: { deletedAt: null }, select: { id: true, number: true, title: true } } } },
        fiches: { select: { id: true, number: true, deletedAt: true, version: true, ...existingSelect } },
      },
    }),
    db.organisation.findMany({ select: { id: true, name: true } }),
  ]);
  const members = contract.territory.memberships.map(({ user }) => user);
  const previousFiches = contract.previousContract?.fiches ?? [];
  const prsObjectives = contract.territory.region.prsObjectives;
  return {
    axes: contract.axes,
    organisations: new Map(organisations.map((organisation) => [foldName(organisation.name), organisation.id])),
    organisationNames: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    members: new Map(members.map((user) => [user.email.toLowerCase(), user.id])),
    memberEmails: new Map(members.map((user) => [user.id, user.email])),
    previousFiches: new Map(previousFiches.map((fiche) => [fiche.number, fiche.id])),
    previousFicheLabels: new Map(previousFiches.map((fiche) => [fiche.id, `n°\u00a0${fiche.number} ${fiche.title}`])),
    // By code, by label or by both as exports write them; a label wins over a code that reads the same (later entries win).
    prsObjectives: new Map([
      ...prsObjectives.flatMap(({ code, id }): Array<[string, string]> => (code ? [[foldName(code), id]] : [])),
      ...prsObjectives.map((objective): [string, string] => [foldName(prsObjectiveName(objective)!), objective.id]),
      ...prsObjectives.map(({ label, id }): [string, string] => [foldName(label), id]),
    ]),
    prsObjectiveNames: new Map(prsObjectives.map((objective) => [objective.id, prsObjectiveName(objective)!])),
    fiches: new Map(
      contract.fiches.map(({ id, number, deletedAt, version, ...values }) => [
        number,
        { id, version, deleted: deletedAt !== null, values: values as FicheValues },
      ]),
    ),
  };
}

type AnalysedRow = ImportRow & { valid: CheckedRow | null };

/** Reads and checks the whole file against the contract as it is now. */
async function analyse(db: Db, contractId: string, file: File) {
  const [header = [], ...lines] = await readSpreadsheet(file);
  const positions = new Map(header.map((name, index) => [foldName(name).replace(/\s*\(%\)$/, ""), index]));
  const columnIndex = Object.fromEntries(
    IMPORT_COLUMNS.map((column) => [column.field, positions.get(foldName(column.header).replace(/\s*\(%\)$/, "")) ?? -1]),
  ) as Record<FicheFieldName, number>;
  const present = new Set(IMPORT_COLUMNS.filter((column) => columnIndex[column.field] !== -1).map((column) => column.field));
  const missingColumns = IMPORT_COLUMNS.filter((column) => column.required && !present.has(column.field)).map((column) => column.header);
  const context = await loadContext(db, contractId);
  const seen = new Set<number>();
  const rows: AnalysedRow[] = [];
  lines.forEach((cells, index) => {
    if (cells.every((cell) => !cell)) return;
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => [
        column.field,
        columnIndex[column.field] === -1 ? "" : (cells[columnIndex[column.field]] ?? "").trim(),
      ]),
    ) as Record<FicheFieldName, string>;
    const base = { line: index + 2, number: values.number, title: values.title, changes: [] };
    if (foldName(values.number) === foldName(EXAMPLE_ROW_MARK)) {
      rows.push({ ...base, errors: {}, outcome: "example", valid: null });
      return;
    }
    const { valid, errors } = checkRow(values, present, context, seen);
    const existing = valid ? context.fiches.get(valid.number) : undefined;
    const changes = valid && existing ? changesOf(existing.values, valid.values, context) : [];
    const outcome = !valid ? "invalid" : !existing ? "create" : changes.length ? "update" : "unchanged";
    rows.push({ ...base, errors, outcome, changes, valid });
  });
  return { rows, missingColumns, context, report: report(contractId, rows) };
}

function report(contractId: string, rows: AnalysedRow[]): ImportReport {
  const updates = rows.filter((row) => row.outcome === "update");
  return {
    rows: rows.map((row) => ({
      line: row.line,
      number: row.number,
      title: row.title,
      errors: row.errors,
      outcome: row.outcome,
      changes: row.changes,
    })),
    valid: rows.filter((row) => row.valid).length,
    invalid: rows.filter((row) => row.outcome === "invalid").length,
    updates: updates.length,
    digest: updates.length
      ? createHash("sha256")
          .update(JSON.stringify([contractId, updates.map((row) => [row.number, row.changes])]))
          .digest("hex")
      : null,
  };
}

export const importFiches = onContract(
  "fiche.import",
  importFichesSchema,
  async (context: ActionContext, input, { territoryId = null }) => {
    let analysis;
    try {
      analysis = await analyse(context.db, input.contractId, input.file);
    } catch (error) {
      if (error instanceof UnreadableFileError) return fieldError("file", error.message);
      throw error;
    }
    const { rows, missingColumns, context: existing, report } = analysis;
    if (missingColumns.length)
      return fieldError("file", `Colonnes obligatoires absentes\u00a0: ${missingColumns.join(", ")}. Partez du modèle à télécharger.`);
    if (!rows.length) return fieldError("file", "Ce fichier ne contient aucune ligne sous l’en-tête.");
    if (rows.every((row) => row.outcome === "example"))
      return fieldError(
        "file",
        "Ce fichier ne contient que la ligne d’exemple du modèle, qui n’est pas importée\u00a0: ajoutez vos fiches en dessous (ou à sa place), puis vérifiez-le à nouveau.",
      );
    if (input.mode === "preview") return ok<ImportOutcome>({ imported: false, report });

    if (!report.valid) return ok<ImportOutcome>({ imported: false, report }, "Aucune ligne valide à importer.");
    // Overwriting needs the user's word on exactly these changes, whatever the browser did.
    if (report.digest && input.confirmedChanges !== report.digest)
      return ok<ImportOutcome>(
        { imported: false, report, confirmationRequired: true },
        input.confirmedChanges
          ? "Les modifications ont changé depuis votre vérification\u00a0: relisez-les ci-dessous, confirmez-les, puis importez."
          : `Cet import remplace des valeurs de ${formatCount(report.updates, "fiche existante", "fiches existantes")}\u00a0: relisez chaque modification ci-dessous, cochez «\u00a0J’ai vérifié les modifications\u00a0», puis importez.`,
      );

    const writes = rows.filter((row) => row.outcome === "create" || row.outcome === "update");
    await context.db.$transaction(
      async (tx) => {
        await lockContract(tx, input.contractId);
        for (const row of writes) {
          const { number, values } = row.valid!;
          const current = existing.fiches.get(number);
          const before = current ? await ficheSnapshot(tx, current.id) : null;
          let ficheId: string;
          if (current) {
            // Written only over the version the changes were computed from.
            assertVersionMatched(
              await tx.ficheAction.updateMany({
                where: { id: current.id, version: current.version, deletedAt: null },
                data: { ...(values as Prisma.FicheActionUncheckedUpdateManyInput), version: { increment: 1 } },
              }),
            );
            ficheId = current.id;
          } else {
            ficheId = (
              await tx.ficheAction.create({
                data: {
                  ...(values as Omit<Prisma.FicheActionUncheckedCreateInput, "number" | "contractId">),
                  number,
                  contractId: input.contractId,
                },
                select: { id: true },
              })
            ).id;
          }
          await recordAudit(tx, context, {
            action: current ? "fiche.import.update" : "fiche.import.create",
            entityType: "FicheAction",
            entityId: ficheId,
            entityLabel: ficheEntityLabel(number, String(values.title)),
            territoryId,
            before,
            after: await ficheSnapshot(tx, ficheId),
          });
        }
      },
      { timeout: 60_000 },
    );
    const created = writes.filter((row) => row.outcome === "create").length;
    const unchanged = rows.filter((row) => row.outcome === "unchanged").length;
    const parts = [
      formatCount(created, "fiche créée", "fiches créées"),
      formatCount(report.updates, "mise à jour", "mises à jour"),
      ...(unchanged ? [formatCount(unchanged, "inchangée", "inchangées")] : []),
      ...(report.invalid ? [formatCount(report.invalid, "ligne écartée", "lignes écartées")] : []),
    ];
    return ok<ImportOutcome>({ imported: true, report }, `Import terminé\u00a0: ${parts.join(", ")}.`);
  },
);

/** The template: the header row, an example row, and the columns' meaning on a second sheet. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Fiches actions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.field,
    width: Math.max(14, column.header.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  // The example row can never match a fiche: its number is the word "Exemple", which the import skips.
  const example = sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.field, column.example])));
  example.font = { italic: true, color: { argb: "FF475569" } };
  sheet.getCell("A2").note =
    "Ligne d’exemple : elle montre le format attendu et n’est jamais importée. Écrivez vos fiches en dessous, ou à sa place.";
  const help = workbook.addWorksheet("Mode d’emploi");
  help.columns = [
    { header: "Colonne", key: "column", width: 28 },
    { header: "Contenu", key: "meaning", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  const kept = IMPORT_COLUMNS.filter((column) => column.keepWhenEmpty).map((column) => column.header);
  help.addRows([
    {
      column: "Ligne «\u00a0Exemple\u00a0»",
      meaning:
        "La ligne 2 du modèle, dont le numéro est «\u00a0Exemple\u00a0», montre le format attendu\u00a0: l’import l’ignore toujours. Écrivez vos fiches en dessous, ou à sa place.",
    },
    ...IMPORT_COLUMNS.flatMap((column) => (column.help ? [{ column: column.header, meaning: column.help }] : [])),
    {
      column: "Colonnes absentes",
      meaning: `Une colonne facultative absente du fichier laisse ce champ des fiches existantes tel quel. Une cellule vide l’efface, sauf ${kept.slice(0, -1).join(", ")} et ${kept.at(-1)}, laissés tels quels.`,
    },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

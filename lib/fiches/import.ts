// Importing fiches actions from a spreadsheet. Each row is checked column by column, with the
// form's rules for text and dates; a fiche number already in the contract updates that fiche.
// Nothing is overwritten unseen: the check lists, for every fiche an import updates, each field
// before and after, and the server writes updates only when the user has confirmed those very
// changes (a digest of them, recomputed on import). Columns absent from the file leave their
// fields as they are, and rows that change nothing are not written, so importing the same file
// twice changes nothing. The template's example row is marked and skipped.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { z } from "zod";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { axisLabel } from "@/lib/contracts/labels";
import { lockContract } from "@/lib/contracts/lock";
import { contractResource } from "@/lib/contracts/mutations";
import { getDb, type Db } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/format";
import { parseDayText, textProblem } from "@/lib/validation/fields";
import { readSpreadsheet, UnreadableFileError } from "./import-file";
import { importFichesSchema } from "./import-schema";
import { ficheSnapshot } from "./mutations";
import { PROGRESS_STATUS_LABELS } from "./labels";

/** What the template's example row holds in its "Numéro" column; such rows are skipped. */
export const EXAMPLE_ROW_MARK = "Exemple";

/** The fields of a fiche an import sets. */
type FicheValues = {
  axisId: string;
  title: string;
  status: ProgressStatus;
  progress: number;
  generalObjective: string | null;
  description: string | null;
  targetPublic: string | null;
  pilotOrganisationId: string | null;
  pilotContactName: string | null;
  pilotContactEmail: string | null;
  startsOn: Date | null;
  endsOn: Date | null;
  themes: string[];
};

/** The template's columns, in order. `required` columns must be present and filled; `field` is what each sets. */
export const IMPORT_COLUMNS = [
  { key: "number", field: null, header: "Numéro", required: true, example: EXAMPLE_ROW_MARK },
  { key: "axis", field: "axisId", header: "Axe", required: true, example: "1" },
  {
    key: "title",
    field: "title",
    header: "Intitulé",
    required: true,
    example: "Développer l’exercice coordonné (ligne d’exemple, ignorée à l’import)",
  },
  { key: "status", field: "status", header: "Statut", required: false, example: "En cours" },
  { key: "progress", field: "progress", header: "Avancement (%)", required: false, example: "25" },
  { key: "generalObjective", field: "generalObjective", header: "Objectif général", required: false, example: "" },
  { key: "description", field: "description", header: "Description", required: false, example: "" },
  { key: "targetPublic", field: "targetPublic", header: "Public cible", required: false, example: "" },
  { key: "pilotOrganisation", field: "pilotOrganisationId", header: "Structure pilote", required: false, example: "" },
  { key: "pilotContactName", field: "pilotContactName", header: "Contact pilote", required: false, example: "" },
  { key: "pilotContactEmail", field: "pilotContactEmail", header: "E-mail du contact pilote", required: false, example: "" },
  { key: "startsOn", field: "startsOn", header: "Début", required: false, example: "15/01/2025" },
  { key: "endsOn", field: "endsOn", header: "Fin", required: false, example: "31/12/2027" },
  { key: "themes", field: "themes", header: "Thématiques", required: false, example: "santé mentale, mobilité" },
] as const satisfies ReadonlyArray<{ key: string; field: keyof FicheValues | null; header: string; required: boolean; example: string }>;

type ColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

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

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

const STATUS_BY_LABEL = new Map<string, ProgressStatus>(
  Object.entries(PROGRESS_STATUS_LABELS).flatMap(([code, label]) => [
    [fold(label), code as ProgressStatus],
    [fold(code), code as ProgressStatus],
  ]),
);

type ExistingFiche = { id: string; version: number; deleted: boolean; values: FicheValues };

type Context = {
  axes: Array<{ id: string; number: number | null; title: string; isTransversal: boolean }>;
  organisations: Map<string, string>;
  organisationNames: Map<string, string>;
  fiches: Map<number, ExistingFiche>;
};

type CheckedRow = { number: number; values: Partial<FicheValues> };

/** Checks one row; returns what to save (only the columns the file has), and the errors by column header. */
function checkRow(
  cells: Record<ColumnKey, string>,
  present: Set<ColumnKey>,
  context: Context,
  seenNumbers: Set<number>,
): { valid: CheckedRow | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fail = (key: ColumnKey, message: string) => (errors[IMPORT_COLUMNS.find((column) => column.key === key)!.header] ??= message);
  /** A text cell with the form's rule: one-line columns turn tabs and line breaks (Alt+Entrée in Excel) into spaces. */
  const text = (key: ColumnKey, max: number, { multiline = false } = {}) => {
    const value = multiline ? cells[key] : cells[key].replace(/[\t\n\r\v\f]+/g, " ");
    const problem = textProblem(value, { multiline });
    if (problem) fail(key, problem);
    else if (value.length > max) fail(key, `${max} caractères au plus.`);
    return value || null;
  };

  const number = Number(cells.number);
  if (!/^\d{1,4}$/.test(cells.number) || number < 1) fail("number", "Un numéro entier entre 1 et 9999.");
  else if (seenNumbers.has(number)) fail("number", "Ce numéro figure déjà plus haut dans le fichier.");
  else if (context.fiches.get(number)?.deleted)
    fail("number", "Une fiche de ce numéro est dans la corbeille\u00a0: restaurez-la ou changez de numéro.");
  seenNumbers.add(number);

  const axisText = fold(cells.axis).replace(/^axe\s*/, "");
  const axis = context.axes.find(
    (candidate) => (candidate.number !== null && String(candidate.number) === axisText) || fold(candidate.title) === fold(cells.axis),
  );
  if (!cells.axis) fail("axis", "Indiquez l’axe, par son numéro ou son intitulé.");
  else if (!axis) fail("axis", `Aucun axe de ce contrat ne s’appelle «\u00a0${cells.axis}\u00a0».`);

  if (!cells.title) fail("title", "L’intitulé est obligatoire.");
  const values: Partial<FicheValues> = { axisId: axis?.id ?? "", title: text("title", 300) ?? "" };

  if (cells.status) {
    const status = STATUS_BY_LABEL.get(fold(cells.status));
    if (status) values.status = status;
    else fail("status", `Statut inconnu. Valeurs possibles\u00a0: ${Object.values(PROGRESS_STATUS_LABELS).join(", ")}.`);
  }

  const progressText = cells.progress.replace(/\s*%$/, "");
  if (progressText) {
    if (/^\d{1,3}$/.test(progressText) && Number(progressText) <= 100) values.progress = Number(progressText);
    else fail("progress", "Un pourcentage entier entre 0 et 100.");
  }

  for (const [key, max] of [
    ["generalObjective", 20_000],
    ["description", 20_000],
    ["targetPublic", 5000],
  ] as const)
    if (present.has(key)) values[key] = text(key, max, { multiline: true });
  if (present.has("pilotContactName")) values.pilotContactName = text("pilotContactName", 160);

  if (present.has("pilotOrganisation")) {
    const pilotOrganisationId = cells.pilotOrganisation ? (context.organisations.get(fold(cells.pilotOrganisation)) ?? null) : null;
    if (cells.pilotOrganisation && !pilotOrganisationId)
      fail("pilotOrganisation", "Organisation inconnue\u00a0: créez-la d’abord, ou corrigez son nom.");
    values.pilotOrganisationId = pilotOrganisationId;
  }

  if (present.has("pilotContactEmail")) {
    const email = cells.pilotContactEmail.toLowerCase();
    if (email && !z.email().max(254).safeParse(email).success) fail("pilotContactEmail", "Adresse e-mail invalide.");
    values.pilotContactEmail = email || null;
  }

  for (const key of ["startsOn", "endsOn"] as const) {
    if (!present.has(key)) continue;
    values[key] = null;
    if (!cells[key]) continue;
    const day = parseDayText(cells[key]);
    if ("date" in day) values[key] = day.date;
    else fail(key, day.error);
  }
  const startsOn = values.startsOn ?? null;
  const endsOn = values.endsOn ?? null;
  if (startsOn && endsOn && endsOn < startsOn) fail("endsOn", "La fin précède le début.");

  if (present.has("themes")) {
    const themes = [
      ...new Set(
        cells.themes
          .split(/[,;]/)
          .map((theme) => theme.trim())
          .filter(Boolean),
      ),
    ];
    const problem = themes.map((theme) => textProblem(theme)).find(Boolean);
    if (problem) fail("themes", problem);
    else if (themes.length > 50 || themes.some((theme) => theme.length > 120))
      fail("themes", "50 thématiques au plus, de 120 caractères au plus chacune.");
    values.themes = themes;
  }

  return { valid: Object.keys(errors).length ? null : { number, values }, errors };
}

const EMPTY = "(vide)";

/** A field's value as the before/after list shows it. */
function shown(field: keyof FicheValues, value: FicheValues[keyof FicheValues] | undefined, context: Context): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return EMPTY;
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return value.join(", ");
  switch (field) {
    case "axisId": {
      const axis = context.axes.find((candidate) => candidate.id === value);
      return axis ? `${axisLabel(axis)} – ${axis.title}` : EMPTY;
    }
    case "status":
      return PROGRESS_STATUS_LABELS[value as ProgressStatus];
    case "progress":
      return `${value}\u00a0%`;
    case "pilotOrganisationId":
      return context.organisationNames.get(String(value)) ?? EMPTY;
    default:
      return String(value);
  }
}

const canonical = (value: unknown) =>
  value instanceof Date ? value.toISOString() : JSON.stringify(value === "" || value === undefined ? null : value);

/** The fields the row changes on the existing fiche, in the template's column order. */
function changesOf(existing: FicheValues, values: Partial<FicheValues>, context: Context): FieldChange[] {
  return IMPORT_COLUMNS.flatMap((column) => {
    const field = column.field;
    if (!field || !(field in values) || canonical(existing[field]) === canonical(values[field])) return [];
    return [{ column: column.header, before: shown(field, existing[field], context), after: shown(field, values[field], context) }];
  });
}

async function loadContext(db: Db, contractId: string): Promise<Context> {
  const [contract, organisations] = await Promise.all([
    db.contract.findUniqueOrThrow({
      relationLoadStrategy: "join",
      where: { id: contractId },
      select: {
        axes: { select: { id: true, number: true, title: true, isTransversal: true } },
        fiches: {
          select: {
            id: true,
            number: true,
            deletedAt: true,
            version: true,
            axisId: true,
            title: true,
            status: true,
            progress: true,
            generalObjective: true,
            description: true,
            targetPublic: true,
            pilotOrganisationId: true,
            pilotContactName: true,
            pilotContactEmail: true,
            startsOn: true,
            endsOn: true,
            themes: true,
          },
        },
      },
    }),
    db.organisation.findMany({ select: { id: true, name: true } }),
  ]);
  return {
    axes: contract.axes,
    organisations: new Map(organisations.map((organisation) => [fold(organisation.name), organisation.id])),
    organisationNames: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    fiches: new Map(
      contract.fiches.map(({ id, number, deletedAt, version, ...values }) => [
        number,
        { id, version, deleted: deletedAt !== null, values },
      ]),
    ),
  };
}

type AnalysedRow = ImportRow & { valid: CheckedRow | null };

/** Reads and checks the whole file against the contract as it is now. */
async function analyse(db: Db, contractId: string, file: File) {
  const [header = [], ...lines] = await readSpreadsheet(file);
  const positions = new Map(header.map((name, index) => [fold(name).replace(/\s*\(%\)$/, ""), index]));
  const columnIndex = Object.fromEntries(
    IMPORT_COLUMNS.map((column) => [column.key, positions.get(fold(column.header).replace(/\s*\(%\)$/, "")) ?? -1]),
  ) as Record<ColumnKey, number>;
  const present = new Set(IMPORT_COLUMNS.filter((column) => columnIndex[column.key] !== -1).map((column) => column.key));
  const missingColumns = IMPORT_COLUMNS.filter((column) => column.required && !present.has(column.key)).map((column) => column.header);
  const context = await loadContext(db, contractId);
  const seen = new Set<number>();
  const rows: AnalysedRow[] = [];
  lines.forEach((cells, index) => {
    if (cells.every((cell) => !cell)) return;
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => [column.key, columnIndex[column.key] === -1 ? "" : (cells[columnIndex[column.key]] ?? "").trim()]),
    ) as Record<ColumnKey, string>;
    const base = { line: index + 2, number: values.number, title: values.title, changes: [] };
    if (fold(values.number) === fold(EXAMPLE_ROW_MARK)) {
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

const plural = (count: number, singular: string, several: string) => `${count} ${count > 1 ? several : singular}`;

export const importFiches = defineAction({
  name: "fiche.import",
  operation: "contract.edit",
  input: importFichesSchema,
  resource: (db, input) => contractResource(db, input.contractId),
  async run(context: ActionContext, input, { territoryId = null }) {
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
          : `Cet import remplace des valeurs de ${plural(report.updates, "fiche existante", "fiches existantes")}\u00a0: relisez chaque modification ci-dessous, cochez «\u00a0J’ai vérifié les modifications\u00a0», puis importez.`,
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
            const { count } = await tx.ficheAction.updateMany({
              where: { id: current.id, version: current.version, deletedAt: null },
              data: { ...values, version: { increment: 1 } },
            });
            if (count === 0) throw new ConflictError();
            ficheId = current.id;
          } else {
            ficheId = (
              await tx.ficheAction.create({
                data: { ...values, axisId: values.axisId!, title: values.title!, number, contractId: input.contractId },
                select: { id: true },
              })
            ).id;
          }
          await recordAudit(tx, context, {
            action: current ? "fiche.import.update" : "fiche.import.create",
            entityType: "FicheAction",
            entityId: ficheId,
            entityLabel: `Fiche n°\u00a0${number} ${values.title}`,
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
      plural(created, "fiche créée", "fiches créées"),
      plural(report.updates, "mise à jour", "mises à jour"),
      ...(unchanged ? [plural(unchanged, "inchangée", "inchangées")] : []),
      ...(report.invalid ? [plural(report.invalid, "ligne écartée", "lignes écartées")] : []),
    ];
    return ok<ImportOutcome>({ imported: true, report }, `Import terminé\u00a0: ${parts.join(", ")}.`);
  },
});

/** The import page's context: the contract, for those who may edit it. */
export async function importPage(actor: Actor, territorySlug: string, contractId: string) {
  const contract = await getDb().contract.findFirst({
    where: { id: contractId, territory: { slug: territorySlug } },
    select: {
      id: true,
      title: true,
      territory: { select: { id: true, slug: true, name: true, regionId: true } },
      axes: { orderBy: { position: "asc" }, select: { number: true, title: true, isTransversal: true } },
    },
  });
  if (!contract) throw new NotFoundError();
  assertCan(actor, "contract.edit", { territoryId: contract.territory.id, regionId: contract.territory.regionId });
  return contract;
}

/** The template: the header row, an example row, and the columns' meaning on a second sheet. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Fiches actions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(14, column.header.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  // The example row can never match a fiche: its number is the word "Exemple", which the import skips.
  const example = sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, column.example])));
  example.font = { italic: true, color: { argb: "FF475569" } };
  sheet.getCell("A2").note =
    "Ligne d’exemple : elle montre le format attendu et n’est jamais importée. Écrivez vos fiches en dessous, ou à sa place.";
  const help = workbook.addWorksheet("Mode d’emploi");
  help.columns = [
    { header: "Colonne", key: "column", width: 28 },
    { header: "Contenu", key: "meaning", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRows([
    {
      column: "Ligne «\u00a0Exemple\u00a0»",
      meaning:
        "La ligne 2 du modèle, dont le numéro est «\u00a0Exemple\u00a0», montre le format attendu\u00a0: l’import l’ignore toujours. Écrivez vos fiches en dessous, ou à sa place.",
    },
    {
      column: "Numéro",
      meaning:
        "Obligatoire. Numéro de la fiche dans le contrat\u00a0; une fiche existante de ce numéro est mise à jour, après que vous avez vérifié et confirmé chaque modification affichée (avant, après).",
    },
    { column: "Axe", meaning: "Obligatoire. Numéro de l’axe (1, 2…) ou son intitulé exact." },
    { column: "Intitulé", meaning: "Obligatoire." },
    { column: "Statut", meaning: `Facultatif\u00a0: ${Object.values(PROGRESS_STATUS_LABELS).join(", ")}.` },
    { column: "Avancement (%)", meaning: "Facultatif\u00a0: entier de 0 à 100." },
    { column: "Structure pilote", meaning: "Facultatif\u00a0: nom d’une organisation déjà connue d’OpenCLS." },
    { column: "Début, Fin", meaning: "Facultatif\u00a0: dates jj/mm/aaaa." },
    { column: "Thématiques", meaning: "Facultatif\u00a0: séparées par des virgules." },
    {
      column: "Colonnes absentes",
      meaning:
        "Une colonne facultative absente du fichier laisse ce champ des fiches existantes tel quel. Une cellule vide l’efface, sauf Statut et Avancement, laissés tels quels.",
    },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

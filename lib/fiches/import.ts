// Importing fiches actions from a spreadsheet: each row is checked column by column; the
// valid rows are then imported in one transaction, a fiche number already in the contract
// updating that fiche, so that importing the same file twice changes nothing.
import ExcelJS from "exceljs";
import { z } from "zod";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import { contractResource } from "@/lib/contracts/mutations";
import { getDb, type Db } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/db/generated/enums";
import { readSpreadsheet, UnreadableFileError } from "./import-file";
import { importFichesSchema } from "./import-schema";
import { ficheSnapshot } from "./mutations";
import { PROGRESS_STATUS_LABELS } from "./labels";

/** The template's columns, in order. `required` columns must be present and filled. */
export const IMPORT_COLUMNS = [
  { key: "number", header: "Numéro", required: true, example: "1" },
  { key: "axis", header: "Axe", required: true, example: "1" },
  { key: "title", header: "Intitulé", required: true, example: "Développer l’exercice coordonné" },
  { key: "status", header: "Statut", required: false, example: "En cours" },
  { key: "progress", header: "Avancement (%)", required: false, example: "25" },
  { key: "generalObjective", header: "Objectif général", required: false, example: "" },
  { key: "description", header: "Description", required: false, example: "" },
  { key: "targetPublic", header: "Public cible", required: false, example: "" },
  { key: "pilotOrganisation", header: "Structure pilote", required: false, example: "" },
  { key: "pilotContactName", header: "Contact pilote", required: false, example: "" },
  { key: "pilotContactEmail", header: "E-mail du contact pilote", required: false, example: "" },
  { key: "startsOn", header: "Début", required: false, example: "15/01/2025" },
  { key: "endsOn", header: "Fin", required: false, example: "31/12/2027" },
  { key: "themes", header: "Thématiques", required: false, example: "santé mentale, mobilité" },
] as const;

type ColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

export type ImportRow = {
  /** The row's line in the file (the header is line 1). */
  line: number;
  number: string;
  title: string;
  /** Column header → French message. */
  errors: Record<string, string>;
  /** Whether the fiche exists and will be updated rather than created. */
  updates: boolean;
};

export type ImportReport = { rows: ImportRow[]; valid: number; invalid: number; missingColumns: string[] };

const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

const STATUS_BY_LABEL = new Map<string, ProgressStatus>(Object.entries(PROGRESS_STATUS_LABELS).flatMap(([code, label]) => [[fold(label), code as ProgressStatus], [fold(code), code as ProgressStatus]]));

/** "15/01/2025", "15/01/25" or "2025-01-15" → a UTC date; anything else → undefined. */
function parseDay(text: string): Date | undefined {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = french ? [Number(french[3].length === 2 ? `20${french[3]}` : french[3]), Number(french[2]), Number(french[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : null;
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

type Context = { axes: Array<{ id: string; number: number | null; title: string }>; organisations: Map<string, string>; fiches: Map<number, { id: string; deleted: boolean }> };

type ValidRow = {
  number: number;
  axisId: string;
  title: string;
  status: ProgressStatus | undefined;
  progress: number | undefined;
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

/** Checks one row; returns what to save, and the errors by column header. */
function checkRow(cells: Record<ColumnKey, string>, context: Context, seenNumbers: Set<number>): { valid: ValidRow | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fail = (key: ColumnKey, message: string) => (errors[IMPORT_COLUMNS.find((column) => column.key === key)!.header] ??= message);
  const text = (key: ColumnKey, max: number) => {
    const value = cells[key] ?? "";
    if (value.length > max) fail(key, `${max} caractères au plus.`);
    return value || null;
  };

  const number = Number(cells.number);
  if (!/^\d{1,4}$/.test(cells.number ?? "") || number < 1) fail("number", "Un numéro entier entre 1 et 9999.");
  else if (seenNumbers.has(number)) fail("number", "Ce numéro figure déjà plus haut dans le fichier.");
  else if (context.fiches.get(number)?.deleted) fail("number", "Une fiche de ce numéro est dans la corbeille\u00a0: restaurez-la ou changez de numéro.");
  seenNumbers.add(number);

  const axisText = fold(cells.axis ?? "").replace(/^axe\s*/, "");
  const axis = context.axes.find((candidate) => (candidate.number !== null && String(candidate.number) === axisText) || fold(candidate.title) === fold(cells.axis ?? ""));
  if (!cells.axis) fail("axis", "Indiquez l’axe, par son numéro ou son intitulé.");
  else if (!axis) fail("axis", `Aucun axe de ce contrat ne s’appelle «\u00a0${cells.axis}\u00a0».`);

  if (!cells.title) fail("title", "L’intitulé est obligatoire.");
  const title = text("title", 300);

  const status = cells.status ? STATUS_BY_LABEL.get(fold(cells.status)) : undefined;
  if (cells.status && !status) fail("status", `Statut inconnu. Valeurs possibles\u00a0: ${Object.values(PROGRESS_STATUS_LABELS).join(", ")}.`);

  const progressText = (cells.progress ?? "").replace(/\s*%$/, "").replace(",", ".");
  const progress = progressText === "" ? undefined : Number(progressText);
  if (progress !== undefined && !(Number.isInteger(progress) && progress >= 0 && progress <= 100)) fail("progress", "Un pourcentage entier entre 0 et 100.");

  const pilotName = cells.pilotOrganisation ?? "";
  const pilotOrganisationId = pilotName ? (context.organisations.get(fold(pilotName)) ?? null) : null;
  if (pilotName && !pilotOrganisationId) fail("pilotOrganisation", "Organisation inconnue\u00a0: créez-la d’abord, ou corrigez son nom.");

  const email = (cells.pilotContactEmail ?? "").toLowerCase();
  if (email && !z.email().safeParse(email).success) fail("pilotContactEmail", "Adresse e-mail invalide.");

  const dates = { startsOn: null as Date | null, endsOn: null as Date | null };
  for (const key of ["startsOn", "endsOn"] as const) {
    if (!cells[key]) continue;
    const date = parseDay(cells[key]);
    if (date) dates[key] = date;
    else fail(key, "Date invalide\u00a0: écrivez-la jj/mm/aaaa.");
  }
  if (dates.startsOn && dates.endsOn && dates.endsOn < dates.startsOn) fail("endsOn", "La fin précède le début.");

  const row = {
    number,
    axisId: axis?.id ?? "",
    title: title ?? "",
    status,
    progress,
    generalObjective: text("generalObjective", 20_000),
    description: text("description", 20_000),
    targetPublic: text("targetPublic", 5000),
    pilotOrganisationId,
    pilotContactName: text("pilotContactName", 160),
    pilotContactEmail: email || null,
    ...dates,
    themes: (cells.themes ?? "").split(/[,;]/).map((theme) => theme.trim()).filter(Boolean),
  };
  return { valid: Object.keys(errors).length ? null : row, errors };
}

async function loadContext(db: Db, contractId: string): Promise<Context> {
  const [contract, organisations] = await Promise.all([
    db.contract.findUniqueOrThrow({
      relationLoadStrategy: "join",
      where: { id: contractId },
      select: { axes: { select: { id: true, number: true, title: true } }, fiches: { select: { id: true, number: true, deletedAt: true } } },
    }),
    db.organisation.findMany({ select: { id: true, name: true } }),
  ]);
  return {
    axes: contract.axes,
    organisations: new Map(organisations.map((organisation) => [fold(organisation.name), organisation.id])),
    fiches: new Map(contract.fiches.map((fiche) => [fiche.number, { id: fiche.id, deleted: fiche.deletedAt !== null }])),
  };
}

/** Reads and checks the whole file against the contract. */
async function analyse(db: Db, contractId: string, file: File) {
  const [header = [], ...lines] = await readSpreadsheet(file);
  const positions = new Map(header.map((name, index) => [fold(name).replace(/\s*\(%\)$/, ""), index]));
  const columnIndex = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, positions.get(fold(column.header).replace(/\s*\(%\)$/, "")) ?? -1])) as Record<ColumnKey, number>;
  const missingColumns = IMPORT_COLUMNS.filter((column) => column.required && columnIndex[column.key] === -1).map((column) => column.header);
  const context = await loadContext(db, contractId);
  const seen = new Set<number>();
  const rows: Array<ImportRow & { valid: ValidRow | null }> = [];
  lines.forEach((cells, index) => {
    if (cells.every((cell) => !cell)) return;
    const values = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, columnIndex[column.key] === -1 ? "" : (cells[columnIndex[column.key]] ?? "").trim()])) as Record<ColumnKey, string>;
    const { valid, errors } = checkRow(values, context, seen);
    rows.push({ line: index + 2, number: values.number, title: values.title, errors, valid, updates: valid ? (context.fiches.has(valid.number) ?? false) : false });
  });
  return { rows, missingColumns, context };
}

function report(rows: Array<ImportRow & { valid: ValidRow | null }>, missingColumns: string[]): ImportReport {
  return {
    rows: rows.map((row) => ({ line: row.line, number: row.number, title: row.title, errors: row.errors, updates: row.updates })),
    valid: rows.filter((row) => row.valid).length,
    invalid: rows.filter((row) => !row.valid).length,
    missingColumns,
  };
}

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
    const { rows, missingColumns, context: existing } = analysis;
    if (missingColumns.length) return fieldError("file", `Colonnes obligatoires absentes\u00a0: ${missingColumns.join(", ")}. Partez du modèle à télécharger.`);
    if (!rows.length) return fieldError("file", "Ce fichier ne contient aucune ligne sous l’en-tête.");
    if (input.mode === "preview") return ok({ imported: false, report: report(rows, []) });

    const valid = rows.flatMap((row) => (row.valid ? [row.valid] : []));
    if (!valid.length) return ok({ imported: false, report: report(rows, []) }, "Aucune ligne valide à importer.");
    await context.db.$transaction(
      async (tx) => {
        await lockContract(tx, input.contractId);
        for (const row of valid) {
          const { number, status, progress, ...fields } = row;
          const data = { ...fields, ...(status ? { status } : {}), ...(progress !== undefined ? { progress } : {}) };
          const current = existing.fiches.get(number);
          const before = current ? await ficheSnapshot(tx, current.id) : null;
          const fiche = current
            ? await tx.ficheAction.update({ where: { id: current.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })
            : await tx.ficheAction.create({ data: { ...data, number, contractId: input.contractId }, select: { id: true } });
          await recordAudit(tx, context, {
            action: current ? "fiche.import.update" : "fiche.import.create",
            entityType: "FicheAction",
            entityId: fiche.id,
            entityLabel: `Fiche n°\u00a0${number} ${row.title}`,
            territoryId,
            before,
            after: await ficheSnapshot(tx, fiche.id),
          });
        }
      },
      { timeout: 60_000 },
    );
    const created = valid.filter((row) => !existing.fiches.has(row.number)).length;
    return ok(
      { imported: true, report: report(rows, []) },
      `Import terminé\u00a0: ${created} fiche${created > 1 ? "s" : ""} créée${created > 1 ? "s" : ""}, ${valid.length - created} mise${valid.length - created > 1 ? "s" : ""} à jour${rows.length > valid.length ? `, ${rows.length - valid.length} ligne${rows.length - valid.length > 1 ? "s" : ""} écartée${rows.length - valid.length > 1 ? "s" : ""}` : ""}.`,
    );
  },
});

/** The import page's context: the contract, for those who may edit it. */
export async function importPage(actor: Actor, territorySlug: string, contractId: string) {
  const contract = await getDb().contract.findFirst({
    where: { id: contractId, territory: { slug: territorySlug } },
    select: { id: true, title: true, territory: { select: { id: true, slug: true, name: true, regionId: true } }, axes: { orderBy: { position: "asc" }, select: { number: true, title: true, isTransversal: true } } },
  });
  if (!contract) throw new NotFoundError();
  assertCan(actor, "contract.edit", { territoryId: contract.territory.id, regionId: contract.territory.regionId });
  return contract;
}

/** The template: the header row, an example row, and the columns' meaning on a second sheet. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Fiches actions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: Math.max(14, column.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, column.example])));
  const help = workbook.addWorksheet("Mode d’emploi");
  help.columns = [{ header: "Colonne", key: "column", width: 28 }, { header: "Contenu", key: "meaning", width: 90 }];
  help.getRow(1).font = { bold: true };
  help.addRows([
    { column: "Numéro", meaning: "Obligatoire. Numéro de la fiche dans le contrat\u00a0; une fiche existante de ce numéro est mise à jour." },
    { column: "Axe", meaning: "Obligatoire. Numéro de l’axe (1, 2…) ou son intitulé exact." },
    { column: "Intitulé", meaning: "Obligatoire." },
    { column: "Statut", meaning: `Facultatif\u00a0: ${Object.values(PROGRESS_STATUS_LABELS).join(", ")}.` },
    { column: "Avancement (%)", meaning: "Facultatif\u00a0: entier de 0 à 100." },
    { column: "Structure pilote", meaning: "Facultatif\u00a0: nom d’une organisation déjà connue d’OpenCLS." },
    { column: "Début, Fin", meaning: "Facultatif\u00a0: dates jj/mm/aaaa." },
    { column: "Thématiques", meaning: "Facultatif\u00a0: séparées par des virgules." },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

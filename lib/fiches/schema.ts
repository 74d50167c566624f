// Inputs of the fiche action form and the fiche's field catalogue: every field of a fiche, in
// the form's order, with its rule, its label, how history shows it and where it appears
// (export, import template, PDF, public page, API). The form, the server actions, history,
// the export, the import and the PDF all read it (docs/adr/0006-names-and-layout.md).
import { z } from "zod";
import {
  CELL_FORMATS,
  choiceCell,
  choiceListCell,
  dayCell,
  defineCatalogue,
  emailCell,
  entriesOf,
  fieldsOf,
  foldName,
  integerCell,
  listCell,
  listOf,
  rulesOf,
  shownValue,
  textCell,
  type CellResult,
  type FieldInput,
} from "@/lib/catalogue";
import { axisLabel } from "@/lib/contracts/labels";
import { ficheProgress } from "@/lib/contracts/progress";
import { GeographicScope, Priority, ProgressStatus } from "@/lib/db/generated/enums";
import { formatDate, formatEuros, formatNumber, isoDay } from "@/lib/format";
import { prsObjectiveName } from "@/lib/prs-objectives/labels";
import {
  checkboxValues,
  decimalField,
  optionalDate,
  optionalId,
  optionalInteger,
  optionalText,
  optionalUuid,
  refineDistinctOrganisations,
  refinePeriod,
  requiredText,
  textLines,
  uuidField,
  versionField,
} from "@/lib/validation/fields";
import {
  budgetLineLabel,
  FICHE_THEME_LABELS,
  FICHE_THEMES,
  GEOGRAPHIC_SCOPE_LABELS,
  PRIORITY_LABELS,
  PROGRESS_STATUS_LABELS,
  themeLabel,
} from "./labels";

/** Themes as people read them: labels, separated by semicolons (labels hold commas). */
const themeNames = (themes: readonly string[]) => themes.map(themeLabel).join("\u00a0; ");
import type { FicheRecord } from "./selects";

const STATUS_ERROR = "Choisissez un statut.";
const percent = optionalInteger(0, 100, "Un pourcentage entre 0 et 100.").transform((value) => value ?? 0);
const weight = optionalInteger(0, 1000, "Un poids entier entre 0 et 1000.");
const contactEmail = z
  .string()
  .trim()
  .max(254, "254 caractères au plus.")
  .optional()
  .transform((value) => value?.toLowerCase() || null)
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.").nullable());

/** An amount typed the French way ("12 500,50" or "12500.5"), exact, within BudgetLine.amount's Decimal(14, 2). */
export const amountField = decimalField("BudgetLine.amount", "Saisissez le montant.", { kind: "amount" });

const partnerRow = z.object({ organisationId: uuidField("Choisissez l’organisation partenaire."), role: optionalText(200) });

const milestoneRow = z.object({
  title: requiredText("Saisissez l’étape, ou retirez la ligne.", 300),
  dueOn: optionalDate,
  doneOn: optionalDate,
});

const budgetRow = z
  .object({
    /** A saved line keeps its id: assessments record what was spent of it (lib/assessments). */
    id: optionalId,
    funderId: optionalUuid,
    funderLabel: optionalText(200),
    fundingInstrument: optionalText(120),
    year: optionalInteger(1990, 2100, "Une année entre 1990 et 2100."),
    amount: amountField,
  })
  .refine((line) => line.funderId || line.funderLabel, { path: ["funderId"], message: "Choisissez le financeur ou saisissez son nom." });

type ObjectiveRecord = FicheRecord["objectives"][number];
type CommitmentRecord = ObjectiveRecord["commitments"][number];
const objectiveEntry = entriesOf<ObjectiveRecord>();
const ficheEntry = entriesOf<FicheRecord>();

/** A field of a commitment: shown in its objective's "Engagements des partenaires" column, not on its own. */
const commitmentField = <R extends z.ZodType>(label: string, rule: R, input: FieldInput, api: string) => ({
  label,
  rule,
  scalar: true as const,
  input,
  xlsx: { within: "objective.commitments" },
  publicPage: true,
  api,
  confidential: false,
});

/** A partner's commitment to an operational objective, as the fiche form edits it (the partner reports its own progress elsewhere). */
export const COMMITMENT_FIELDS = defineCatalogue<CommitmentRecord>()({
  organisationId: commitmentField(
    "Partenaire engagé",
    uuidField("Choisissez l’organisation qui s’engage."),
    { kind: "combobox" },
    "organisation",
  ),
  description: commitmentField("Engagement", requiredText("Décrivez l’engagement.", 5000), { kind: "text" }, "description"),
});

const commitmentRow = z.object(rulesOf(COMMITMENT_FIELDS));

/** An operational objective of a fiche, in the form's order; its history is a line of its fiche's ("objectives"). */
export const OBJECTIVE_FIELDS = defineCatalogue<ObjectiveRecord>()({
  title: objectiveEntry.text("title", requiredText("Saisissez l’objectif, ou retirez-le.", 300), {
    label: "Objectif opérationnel",
    width: 50,
    api: "title",
    noHistory: true,
    publicPage: true,
  }),
  dueOn: objectiveEntry.date("dueOn", { label: "Échéance", width: 13, api: "due_on", noHistory: true, publicPage: true }),
  status: objectiveEntry.choice("status", ProgressStatus, PROGRESS_STATUS_LABELS, STATUS_ERROR, {
    label: "Statut",
    width: 16,
    api: "status",
    noHistory: true,
    publicPage: true,
    input: { initial: "not_started" },
  }),
  progress: {
    label: "Avancement",
    rule: percent,
    scalar: true,
    input: { kind: "integer", label: "Avancement (%)" },
    xlsx: [{ header: "Avancement", width: 13, numFmt: CELL_FORMATS.percent, value: (objective) => objective.progress / 100 }],
    publicPage: true,
    api: "progress",
    confidential: false,
  },
  weight: objectiveEntry.text("weight", weight, { label: "Poids", width: 10, api: "weight", noHistory: true, input: { kind: "integer" } }),
  description: objectiveEntry.text("description", optionalText(5000, { multiline: true }), {
    label: "Précisions",
    width: 50,
    api: "description",
    noHistory: true,
    publicPage: true,
    input: { kind: "textarea", rows: 2 },
  }),
  commitments: {
    ...listOf("Engagements des partenaires", commitmentRow, 50, {
      api: "commitments",
      list: { row: "l’engagement", add: "Ajouter un engagement" },
      publicPage: true,
    }),
    xlsx: [
      {
        header: "Engagements des partenaires",
        width: 70,
        value: (objective) =>
          objective.commitments.map((commitment) => `${commitment.organisation.name}\u00a0: ${commitment.description}`).join("\n") || null,
      },
    ],
  },
});

const objectiveRow = z.object({ id: optionalId, ...rulesOf(OBJECTIVE_FIELDS) });

/** What an import looks up by name: the contract's axes, the organisations, the territory's members, the previous contract's fiches. */
export type FicheImportContext = {
  axes: ReadonlyArray<{ id: string; number: number | null; title: string; isTransversal: boolean }>;
  /** Folded name → id, and id → name. */
  organisations: ReadonlyMap<string, string>;
  organisationNames: ReadonlyMap<string, string>;
  /** Lower-case e-mail → user id, and user id → e-mail, of the territory's members. */
  members: ReadonlyMap<string, string>;
  memberEmails: ReadonlyMap<string, string>;
  /** The previous contract's fiches: number → id, and id → "n° 3 Title". */
  previousFiches: ReadonlyMap<number, string>;
  previousFicheLabels: ReadonlyMap<string, string>;
  /** The region's PRS objectives open to new fiches: folded code and folded label → id; id → "2.3 – Label". */
  prsObjectives: ReadonlyMap<string, string>;
  prsObjectiveNames: ReadonlyMap<string, string>;
};

const lines = (items: string[]) => items.join("\n");
const percentText = (value: number) => `${formatNumber(value)}\u00a0%`;
const budgetTotal = (fiche: FicheRecord) => fiche.budgetLines.reduce((sum, line) => sum + Number(line.amount.toString()), 0);
const continued = (fiche: { number: number; title: string } | null) => (fiche ? `n°\u00a0${fiche.number} ${fiche.title}` : null);
const labelOf = (labels: Readonly<Record<string, string>>) => (value: unknown) =>
  value ? (labels[String(value)] ?? String(value)) : "(vide)";
/** A reference typed by name: empty is null, an unknown name is the user's mistake. */
const lookupCell =
  (find: (cell: string, context: FicheImportContext) => string | undefined, unknown: string) =>
  (cell: string, context: FicheImportContext): CellResult => {
    if (!cell) return { value: null };
    const id = find(cell, context);
    return id ? { value: id } : { error: unknown };
  };

/** An import column holding one of an enum's values, by its French label or its code. */
const choiceImport = (
  labels: Readonly<Record<string, string>>,
  { header, example, unknown, keepWhenEmpty }: { header: string; example: string; unknown: string; keepWhenEmpty?: boolean },
) => ({
  header,
  ...(keepWhenEmpty ? { keepWhenEmpty } : {}),
  example,
  help: `Facultatif\u00a0: ${Object.values(labels).join(", ")}.`,
  parse: choiceCell(labels, unknown),
  shown: labelOf(labels),
});

/** An import column holding a date. */
const dayImport = (header: string, example: string) => ({
  header,
  example,
  help: "Facultatif\u00a0: date jj/mm/aaaa.",
  parse: dayCell,
  shown: shownValue,
});

/** A free text of the fiche, in paragraphs: a column of the export and of the import, a paragraph of the PDF. */
/** The fiche's columns that hold a text. */
type FicheTextColumn = { [K in keyof FicheRecord]: FicheRecord[K] extends string | null ? K : never }[keyof FicheRecord] & string;

const textField = (
  name: FicheTextColumn,
  label: string,
  max: number,
  {
    api,
    width = 40,
    pdfLabel,
    input,
    publicPage = false,
  }: { api: string; width?: number; pdfLabel?: string; input?: { label?: string; rows?: number }; publicPage?: boolean },
) => ({
  ...ficheEntry.text(name, optionalText(max, { multiline: true }), {
    label,
    width,
    api,
    publicPage,
    input: { kind: "textarea", ...input },
  }),
  pdf: { kind: "paragraph" as const, label: pdfLabel, value: (fiche: FicheRecord) => fiche[name] },
  import: { header: label, example: "", parse: textCell(max, { multiline: true }), shown: shownValue },
});

/**
 * Every field of a fiche, in the form's order (components/fiches/fiche-form.tsx). `name` is the
 * form input's name and, for scalar fields, the database column; `history.key` is what audit
 * events already store, so it never changes.
 */
export const FICHE_FIELDS = defineCatalogue<FicheRecord, FicheImportContext>()({
  title: {
    ...ficheEntry.text("title", requiredText("Saisissez l’intitulé de la fiche.", 300), {
      label: "Intitulé",
      header: "Intitulé de la fiche",
      width: 50,
      api: "title",
      publicPage: true,
      input: { kind: "text", required: true },
    }),
    pdf: { kind: "heading" },
    import: {
      header: "Intitulé",
      required: true,
      example: "Développer l’exercice coordonné (ligne d’exemple, ignorée à l’import)",
      help: "Obligatoire.",
      parse: (cell) => (cell ? textCell(300)(cell) : { error: "L’intitulé est obligatoire." }),
      shown: shownValue,
    },
  },
  axisId: {
    label: "Axe",
    rule: uuidField("Choisissez l’axe."),
    scalar: true,
    input: { kind: "select" },
    history: { key: "axis", value: (fiche) => fiche.axis.title },
    xlsx: [
      { header: "Axe", width: 16, value: (fiche) => axisLabel(fiche.axis) },
      { header: "Intitulé de l’axe", width: 40, value: (fiche) => fiche.axis.title },
    ],
    pdf: { kind: "heading" },
    import: {
      header: "Axe",
      required: true,
      example: "1",
      help: "Obligatoire. Numéro de l’axe (1, 2…) ou son intitulé exact.",
      parse: (cell, { axes }) => {
        if (!cell) return { error: "Indiquez l’axe, par son numéro ou son intitulé." };
        const number = foldName(cell).replace(/^axe\s*/, "");
        const axis = axes.find(
          (candidate) => (candidate.number !== null && String(candidate.number) === number) || foldName(candidate.title) === foldName(cell),
        );
        return axis ? { value: axis.id } : { error: `Aucun axe de ce contrat ne s’appelle «\u00a0${cell}\u00a0».` };
      },
      shown: (value, { axes }) => {
        const axis = axes.find((candidate) => candidate.id === value);
        return axis ? `${axisLabel(axis)} – ${axis.title}` : "(vide)";
      },
    },
    publicPage: true,
    api: "axis",
    confidential: false,
  },
  number: {
    ...ficheEntry.text("number", optionalInteger(1, 9999, "Un numéro entre 1 et 9999."), {
      label: "Numéro",
      header: "Fiche n°",
      width: 10,
      api: "number",
      publicPage: true,
      input: { kind: "integer" },
    }),
    pdf: { kind: "heading" },
    // The import's key: a number already in the contract updates that fiche (lib/fiches/import.ts).
    import: {
      header: "Numéro",
      required: true,
      example: "Exemple",
      help: "Obligatoire. Numéro de la fiche dans le contrat\u00a0; une fiche existante de ce numéro est mise à jour, après que vous avez vérifié et confirmé chaque modification affichée (avant, après).",
      parse: (cell) =>
        /^\d{1,4}$/.test(cell) && Number(cell) >= 1 ? { value: Number(cell) } : { error: "Un numéro entier entre 1 et 9999." },
      shown: shownValue,
    },
  },
  status: {
    ...ficheEntry.choice("status", ProgressStatus, PROGRESS_STATUS_LABELS, STATUS_ERROR, {
      label: "Statut",
      width: 16,
      api: "status",
      publicPage: true,
      input: { initial: "not_started" },
    }),
    history: { key: "ficheStatus", value: (fiche) => PROGRESS_STATUS_LABELS[fiche.status] },
    pdf: {
      kind: "fact",
      value: (fiche) => `${PROGRESS_STATUS_LABELS[fiche.status]}, ${percentText(ficheProgress(fiche))}`,
    },
    import: choiceImport(PROGRESS_STATUS_LABELS, {
      header: "Statut",
      example: "En cours",
      unknown: "Statut inconnu.",
      keepWhenEmpty: true,
    }),
  },
  progress: {
    label: "Avancement",
    rule: percent,
    scalar: true,
    input: { kind: "integer", label: "Avancement (%)", hint: "Utilisé quand la fiche n’a pas d’objectif opérationnel.", initial: "0" },
    history: { key: "progress", value: (fiche) => `${fiche.progress}\u00a0%` },
    // The fiche's progress as it rolls up: its objectives' average, or its own when it has none.
    xlsx: [{ header: "Avancement", width: 13, numFmt: CELL_FORMATS.percent, value: (fiche) => ficheProgress(fiche) / 100 }],
    pdf: { kind: "within", field: "status" },
    import: {
      header: "Avancement (%)",
      keepWhenEmpty: true,
      example: "25",
      help: "Facultatif\u00a0: entier de 0 à 100.",
      parse: integerCell(0, 100, "Un pourcentage entier entre 0 et 100.", { suffix: /\s*%$/ }),
      shown: (value) => (value === null || value === undefined ? "(vide)" : `${value}\u00a0%`),
    },
    publicPage: true,
    api: "progress",
    confidential: false,
  },
  priority: {
    label: "Priorité",
    rule: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(z.enum(Priority).nullable()),
    scalar: true,
    input: { kind: "select", options: PRIORITY_LABELS, placeholder: "Non précisée" },
    history: { key: "priority", value: (fiche) => (fiche.priority ? PRIORITY_LABELS[fiche.priority] : null) },
    xlsx: [{ header: "Priorité", width: 12, value: (fiche) => (fiche.priority ? PRIORITY_LABELS[fiche.priority] : null) }],
    pdf: { kind: "fact", value: (fiche) => (fiche.priority ? PRIORITY_LABELS[fiche.priority] : null) },
    import: choiceImport(PRIORITY_LABELS, { header: "Priorité", example: "Haute", unknown: "Priorité inconnue." }),
    publicPage: false,
    api: "priority",
    confidential: false,
  },
  weight: {
    ...ficheEntry.text("weight", weight, {
      label: "Poids",
      width: 10,
      api: "weight",
      pdf: "fact",
      input: { kind: "integer", hint: "Dans l’avancement de l’axe\u00a0; vide = 1." },
    }),
    import: {
      header: "Poids",
      example: "",
      help: "Facultatif\u00a0: entier de 0 à 1000, le poids de la fiche dans l’avancement de son axe (vide\u00a0: 1).",
      parse: integerCell(0, 1000, "Un poids entier entre 0 et 1000."),
      shown: shownValue,
    },
  },
  context: textField("context", "Contexte", 20_000, {
    publicPage: true,
    api: "context",
    width: 60,
    input: { label: "Contexte et constats" },
  }),
  generalObjective: textField("generalObjective", "Objectif général", 20_000, {
    publicPage: true,
    api: "general_objective",
    width: 60,
    input: { rows: 3 },
  }),
  description: textField("description", "Description", 20_000, {
    publicPage: true,
    api: "description",
    width: 60,
    input: { label: "Description et mise en œuvre", rows: 6 },
  }),
  targetPublic: textField("targetPublic", "Public cible", 5000, { publicPage: true, api: "target_public", input: { rows: 3 } }),
  vulnerableGroups: textField("vulnerableGroups", "Publics vulnérables", 5000, {
    publicPage: true,
    api: "vulnerable_groups",
    input: { label: "Publics vulnérables concernés", rows: 3 },
  }),
  geographicScope: {
    ...ficheEntry.choice("geographicScope", GeographicScope, GEOGRAPHIC_SCOPE_LABELS, "Choisissez le périmètre.", {
      label: "Périmètre géographique",
      width: 24,
      api: "geographic_scope",
      publicPage: true,
      pdf: true,
      input: { initial: "whole_territory" },
    }),
    import: choiceImport(GEOGRAPHIC_SCOPE_LABELS, {
      header: "Périmètre géographique",
      example: "Tout le territoire",
      unknown: "Périmètre inconnu.",
      keepWhenEmpty: true,
    }),
  },
  geographicScopeDetail: textField("geographicScopeDetail", "Précisions sur le périmètre", 5000, {
    publicPage: true,
    api: "geographic_scope_detail",
    input: { label: "Communes ou quartiers concernés", rows: 2 },
  }),
  pilotOrganisationId: {
    label: "Structure pilote",
    rule: optionalUuid,
    scalar: true,
    input: { kind: "combobox" },
    history: { key: "pilotOrganisation", value: (fiche) => fiche.pilotOrganisation?.name ?? null },
    // One "Pilote" column with the contact's name, as the export has always had.
    xlsx: [
      {
        header: "Pilote",
        width: 36,
        value: (fiche) => [fiche.pilotOrganisation?.name, fiche.pilotContactName].filter(Boolean).join(" – ") || null,
      },
    ],
    pdf: {
      kind: "fact",
      label: "Pilote",
      value: (fiche) => [fiche.pilotOrganisation?.name, fiche.pilotContactName].filter(Boolean).join(" – ") || null,
    },
    import: {
      header: "Structure pilote",
      example: "",
      help: "Facultatif\u00a0: nom d’une organisation déjà connue d’OpenCLS.",
      parse: lookupCell(
        (cell, { organisations }) => organisations.get(foldName(cell)),
        "Organisation inconnue\u00a0: créez-la d’abord, ou corrigez son nom.",
      ),
      shown: (value, { organisationNames }) => organisationNames.get(String(value)) ?? "(vide)",
    },
    publicPage: true,
    api: "pilot_organisation",
    confidential: false,
  },
  pilotUserId: {
    label: "Compte du pilote",
    rule: optionalUuid,
    scalar: true,
    input: {
      kind: "select",
      label: "Compte du pilote sur OpenCLS",
      placeholder: "Aucun",
      hint: "Une personne en contribution peut modifier les fiches qu’elle pilote.",
    },
    history: { key: "pilotUser", value: (fiche) => fiche.pilotUser?.email ?? null },
    xlsx: [{ header: "Compte du pilote", width: 32, value: (fiche) => fiche.pilotUser?.email ?? null }],
    pdf: { kind: "fact", value: (fiche) => fiche.pilotUser?.email ?? null },
    import: {
      header: "Compte du pilote",
      example: "",
      help: "Facultatif\u00a0: adresse e-mail d’une personne membre du territoire sur OpenCLS, qui pourra modifier la fiche.",
      parse: lookupCell(
        (cell, { members }) => members.get(cell.toLowerCase()),
        "Aucune personne membre du territoire n’a cette adresse e-mail.",
      ),
      shown: (value, { memberEmails }) => memberEmails.get(String(value)) ?? "(vide)",
    },
    publicPage: false,
    api: "pilot_user",
    confidential: true,
  },
  pilotContactName: {
    ...ficheEntry.text("pilotContactName", optionalText(160), {
      label: "Contact pilote",
      api: "pilot_contact_name",
      publicPage: true,
      confidential: true,
    }),
    xlsx: { within: "pilotOrganisationId" },
    pdf: { kind: "within", field: "pilotOrganisationId" },
    import: { header: "Contact pilote", example: "", parse: textCell(160), shown: shownValue },
  },
  pilotContactEmail: {
    ...ficheEntry.text("pilotContactEmail", contactEmail, {
      label: "E-mail du contact pilote",
      width: 32,
      api: "pilot_contact_email",
      pdf: "fact",
      publicPage: true,
      confidential: true,
      input: { kind: "email" },
    }),
    import: { header: "E-mail du contact pilote", example: "", parse: emailCell, shown: shownValue },
  },
  partners: {
    ...listOf("Partenaires", partnerRow, 100, {
      api: "partners",
      list: { row: "le partenaire", add: "Ajouter un partenaire" },
      publicPage: true,
    }),
    history: {
      key: "partners",
      value: (fiche) =>
        lines(fiche.partners.map((partner) => partner.organisation.name + (partner.role ? ` (${partner.role})` : "")).sort()),
    },
    xlsx: [
      { header: "Partenaires", width: 48, value: (fiche) => fiche.partners.map((partner) => partner.organisation.name).join(", ") || null },
    ],
    pdf: { kind: "fact", value: (fiche) => fiche.partners.map((partner) => partner.organisation.name).join(", ") || null },
  },
  startsOn: {
    ...ficheEntry.date("startsOn", { label: "Début", width: 13, api: "starts_on", publicPage: true }),
    pdf: {
      kind: "fact",
      label: "Calendrier",
      value: (fiche) =>
        fiche.startsOn || fiche.endsOn
          ? `${fiche.startsOn ? formatDate(fiche.startsOn) : "…"} – ${fiche.endsOn ? formatDate(fiche.endsOn) : "…"}`
          : null,
    },
    import: dayImport("Début", "15/01/2025"),
  },
  endsOn: {
    ...ficheEntry.date("endsOn", { label: "Fin", width: 13, api: "ends_on", publicPage: true }),
    pdf: { kind: "within", field: "startsOn" },
    import: dayImport("Fin", "31/12/2027"),
  },
  milestones: {
    ...listOf("Étapes", milestoneRow, 100, {
      api: "milestones",
      list: { row: "l’étape", add: "Ajouter une étape" },
      publicPage: true,
    }),
    history: {
      key: "milestones",
      value: (fiche) =>
        lines(
          fiche.milestones.map(
            (milestone) =>
              `${milestone.title}${milestone.dueOn ? ` – ${isoDay(milestone.dueOn)}` : ""}${milestone.doneOn ? " (faite)" : ""}`,
          ),
        ),
    },
  },
  budgetLines: {
    ...listOf("Budget", budgetRow, 100, {
      api: "budget_lines",
      list: { row: "la ligne de budget", add: "Ajouter une ligne de budget" },
      publicPage: true,
      confidential: true,
    }),
    history: {
      key: "budgetLines",
      value: (fiche) => lines(fiche.budgetLines.map((line) => `${budgetLineLabel(line)} : ${formatEuros(line.amount)}`)),
    },
    xlsx: [
      {
        header: "Budget",
        width: 16,
        numFmt: CELL_FORMATS.euros,
        value: (fiche) => (fiche.budgetLines.length ? budgetTotal(fiche) : null),
      },
    ],
    pdf: { kind: "fact", value: (fiche) => (fiche.budgetLines.length ? formatEuros(budgetTotal(fiche)) : null) },
  },
  findingIds: {
    label: "Constats traités",
    rule: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.uuid({ error: "Choix invalide." })).max(200)),
    scalar: false,
    history: {
      key: "findingsAnswered",
      value: (fiche) =>
        lines(
          fiche.findings
            .map(({ finding }) => finding)
            .sort((a, b) => a.position - b.position)
            .map((finding) => finding.text),
        ),
    },
    publicPage: false,
    api: "findings",
    confidential: false,
  },
  prsObjectiveId: {
    label: "Objectif du PRS",
    rule: optionalUuid,
    scalar: true,
    input: {
      kind: "select",
      label: "Objectif du projet régional de santé",
      placeholder: "Aucun",
      hint: "La liste est celle de l’ARS de votre région.",
    },
    // The key events stored when the objective was free text: old changes still read under it.
    history: { key: "prsObjective", value: (fiche) => prsObjectiveName(fiche.prsObjective) },
    xlsx: [{ header: "Objectif du PRS", width: 40, value: (fiche) => prsObjectiveName(fiche.prsObjective) }],
    pdf: { kind: "paragraph", label: "Objectif du projet régional de santé", value: (fiche) => prsObjectiveName(fiche.prsObjective) },
    import: {
      header: "Objectif du PRS",
      example: "",
      help: "Facultatif : code ou intitulé d’un objectif de la liste de l’ARS de la région.",
      parse: lookupCell(
        (cell, { prsObjectives }) => prsObjectives.get(foldName(cell)),
        "Objectif inconnu dans la liste du PRS de la région : indiquez son code ou son intitulé.",
      ),
      shown: (value, { prsObjectiveNames }) => prsObjectiveNames.get(String(value)) ?? "(vide)",
    },
    publicPage: true,
    api: "prs_objective",
    confidential: false,
  },
  determinants: {
    label: "Déterminants de santé",
    /** One determinant per line. */
    rule: textLines({ maxItems: 50, maxLength: 300 }),
    scalar: true,
    input: { kind: "textarea", rows: 3, hint: "Un par ligne." },
    history: { key: "determinants", value: (fiche) => lines(fiche.determinants) },
    xlsx: [{ header: "Déterminants de santé", width: 40, value: (fiche) => lines(fiche.determinants) || null }],
    pdf: { kind: "paragraph", value: (fiche) => lines(fiche.determinants) || null },
    import: {
      header: "Déterminants de santé",
      example: "",
      help: "Facultatif\u00a0: un par ligne (Alt+Entrée dans Excel), ou séparés par des points-virgules.",
      parse: listCell(/[\r\n;]+/, {
        maxItems: 50,
        maxLength: 300,
        message: "50 déterminants au plus, de 300 caractères au plus chacun.",
      }),
      shown: shownValue,
    },
    publicPage: true,
    api: "determinants",
    apiType: "list",
    confidential: false,
  },
  themes: {
    label: "Thématiques",
    rule: checkboxValues(z.enum(FICHE_THEMES, { error: "Choisissez les thématiques dans la liste." }), FICHE_THEMES.length),
    scalar: true,
    history: { key: "themes", value: (fiche) => themeNames(fiche.themes) },
    xlsx: [{ header: "Thématiques", width: 40, value: (fiche) => themeNames(fiche.themes) || null }],
    pdf: { kind: "fact", value: (fiche) => themeNames(fiche.themes) || null },
    import: {
      header: "Thématiques",
      example: `${FICHE_THEME_LABELS.mental_health}\u00a0; ${FICHE_THEME_LABELS.mobility}`,
      help: `Facultatif\u00a0: séparées par des points-virgules, parmi ${Object.values(FICHE_THEME_LABELS).join("\u00a0; ")}.`,
      parse: choiceListCell(FICHE_THEME_LABELS, "Thématique inconnue\u00a0:"),
      shown: shownValue,
    },
    publicPage: true,
    api: "themes",
    apiType: "list",
    apiChoices: FICHE_THEME_LABELS,
    confidential: false,
  },
  continuesFicheId: {
    label: "Fiche poursuivie",
    rule: optionalUuid,
    scalar: true,
    input: { kind: "select", label: "Fiche du contrat précédent que celle-ci poursuit", placeholder: "Aucune" },
    history: { key: "continuesFiche", value: (fiche) => continued(fiche.continuesFiche) },
    xlsx: [{ header: "Fiche poursuivie", width: 40, value: (fiche) => continued(fiche.continuesFiche) }],
    pdf: { kind: "fact", label: "Poursuit", value: (fiche) => continued(fiche.continuesFiche) },
    import: {
      header: "Fiche poursuivie (n°)",
      example: "",
      help: "Facultatif\u00a0: numéro de la fiche du contrat précédent que celle-ci poursuit.",
      parse: lookupCell(
        (cell, { previousFiches }) => (/^\d{1,4}$/.test(cell) ? previousFiches.get(Number(cell)) : undefined),
        "Aucune fiche de ce numéro dans le contrat précédent.",
      ),
      shown: (value, { previousFicheLabels }) => previousFicheLabels.get(String(value)) ?? "(vide)",
    },
    publicPage: false,
    api: "continues_fiche",
    confidential: false,
  },
  objectives: {
    ...listOf("Objectifs opérationnels", objectiveRow, 100, {
      api: "objectives",
      list: { row: "l’objectif", add: "Ajouter un objectif" },
      publicPage: true,
    }),
    history: {
      key: "objectives",
      value: (fiche) =>
        lines(
          fiche.objectives.map(
            (objective, index) =>
              `${index + 1}. ${objective.title} – ${PROGRESS_STATUS_LABELS[objective.status]}, ${objective.progress}\u00a0%${objective.dueOn ? `, échéance ${isoDay(objective.dueOn)}` : ""}` +
              objective.commitments.map((commitment) => `\n   ${commitment.organisation.name} : ${commitment.description}`).join(""),
          ),
        ),
    },
  },
});

/** The catalogue's fields in the form's order, each with its name. */
export const FICHE_FIELD_LIST = fieldsOf(FICHE_FIELDS);
export type FicheFieldName = keyof typeof FICHE_FIELDS;

export const ficheFieldsSchema = z.object(rulesOf(FICHE_FIELDS)).superRefine((input, context) => {
  refinePeriod(input, context);
  refineDistinctOrganisations(input.partners, ["partners"], "Cette organisation est déjà partenaire.", context);
  input.objectives.forEach((objective, index) =>
    refineDistinctOrganisations(
      objective.commitments,
      ["objectives", index, "commitments"],
      "Cette organisation s’est déjà engagée sur cet objectif.",
      context,
    ),
  );
});

export type FicheFields = z.infer<typeof ficheFieldsSchema>;

export const createFicheSchema = z.intersection(z.object({ contractId: uuidField("Contrat introuvable.") }), ficheFieldsSchema);
export const updateFicheSchema = z.intersection(
  z.object({ ficheId: uuidField("Fiche introuvable."), version: versionField }),
  ficheFieldsSchema,
);
export const ficheRefSchema = z.object({ ficheId: uuidField("Fiche introuvable."), version: versionField });
export const restoreSchema = z.object({ kind: z.enum(["fiche", "objective", "indicator"]), id: uuidField("Élément introuvable.") });

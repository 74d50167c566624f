// A partner's report on its commitment: the fields the partner writes (status, progress,
// resources, a dated comment), declared once for the form, the server and history. The
// commitment itself (which organisation, what it commits to) belongs to the fiche's form.
import { z } from "zod";
import { defineCatalogue, entriesOf, rulesOf } from "@/lib/catalogue";
import { ProgressStatus } from "@/lib/db/generated/enums";
import { formatEuros, isoDay } from "@/lib/format";
import { optionalDecimalField, optionalInteger, optionalText, uuidField, versionField } from "@/lib/validation/fields";
import { COMMITMENT_STATUS_LABELS } from "./labels";

export type CommitmentReportRecord = {
  status: ProgressStatus;
  progress: number;
  humanResources: string | null;
  financialAmount: { toString(): string } | null;
  financialDetails: string | null;
  inKindResources: string | null;
  comment: string | null;
  commentedOn: Date | null;
};

const entry = entriesOf<CommitmentReportRecord>();
const reported = { publicPage: false, confidential: false } as const;

export const COMMITMENT_REPORT_FIELDS = defineCatalogue<CommitmentReportRecord>()({
  status: entry.choice("status", ProgressStatus, COMMITMENT_STATUS_LABELS, "Choisissez un statut.", {
    label: "Statut",
    api: "status",
    input: { initial: "not_started" },
    ...reported,
  }),
  progress: {
    label: "Avancement",
    rule: optionalInteger(0, 100, "Un pourcentage entre 0 et 100.").transform((value) => value ?? 0),
    scalar: true,
    input: { kind: "integer", label: "Avancement (%)", hint: "De 0 à 100." },
    history: { key: "progress", value: (report) => `${report.progress}\u00a0%` },
    xlsx: [{ header: "Avancement", value: (report) => report.progress / 100 }],
    api: "progress",
    ...reported,
  },
  humanResources: entry.text("humanResources", optionalText(2000, { multiline: true }), {
    label: "Moyens humains",
    api: "human_resources",
    input: { kind: "textarea", rows: 2, hint: "Personnes, temps consacré (par exemple «\u00a00,2 ETP d’infirmière\u00a0»)." },
    ...reported,
  }),
  financialAmount: {
    label: "Moyens financiers (€)",
    rule: optionalDecimalField("Commitment.financialAmount", { kind: "amount" }),
    scalar: true,
    input: { kind: "decimal", hint: "Montant engagé en euros, par exemple 12\u00a0500,50." },
    history: { key: "financialAmount", value: (report) => (report.financialAmount === null ? null : formatEuros(report.financialAmount)) },
    xlsx: [
      { header: "Moyens financiers (€)", value: (report) => (report.financialAmount === null ? null : Number(report.financialAmount)) },
    ],
    api: "financial_amount",
    ...reported,
  },
  financialDetails: entry.text("financialDetails", optionalText(2000, { multiline: true }), {
    label: "Précisions sur les moyens financiers",
    api: "financial_details",
    input: { kind: "textarea", rows: 2 },
    ...reported,
  }),
  inKindResources: entry.text("inKindResources", optionalText(2000, { multiline: true }), {
    label: "Moyens en nature",
    api: "in_kind_resources",
    input: { kind: "textarea", rows: 2, hint: "Locaux, matériel, communication…" },
    ...reported,
  }),
  comment: entry.text("comment", optionalText(5000, { multiline: true }), {
    label: "Commentaire",
    api: "comment",
    input: { kind: "textarea", rows: 4 },
    ...reported,
  }),
  commentedOn: {
    ...entry.date("commentedOn", { label: "Date du commentaire", api: "commented_on", ...reported }),
    history: { key: "commentedOn", value: (report) => isoDay(report.commentedOn) },
  },
});

/** The partner's report as the form sends it, with the version the partner loaded. */
export const reportCommitmentSchema = z
  .object({
    commitmentId: uuidField("Engagement introuvable."),
    version: versionField,
    ...rulesOf(COMMITMENT_REPORT_FIELDS),
  })
  .refine((report) => !report.comment || report.commentedOn, {
    path: ["commentedOn"],
    message: "Datez le commentaire.",
  })
  // The converse, which the database also requires: a date dates a comment.
  .refine((report) => !report.commentedOn || report.comment, {
    path: ["comment"],
    message: "Écrivez le commentaire que cette date accompagne, ou effacez la date.",
  });

export type ReportCommitmentInput = z.infer<typeof reportCommitmentSchema>;

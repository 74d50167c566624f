// Inputs of the contract form (its facts, diagnosis findings and signatories), shared by the
// form and the server actions, and the contract's field catalogue (see lib/catalogue): history,
// the .xlsx export's "Contrat" sheet and the PDF's facts walk it.
import { z } from "zod";
import { CELL_FORMATS, defineCatalogue, entriesOf, listOf, rulesOf } from "@/lib/catalogue";
import { ClsmStatus, ContractStatus, Visibility } from "@/lib/db/generated/enums";
import { formatDate, formatDuration, isoDay } from "@/lib/format";
import {
  optionalDate,
  optionalId,
  optionalInteger,
  optionalText,
  refineDistinctOrganisations,
  refinePeriod,
  requiredText,
  uuidField,
  versionField,
} from "@/lib/validation/fields";
import { CLSM_STATUS_LABELS, CONTRACT_STATUS_LABELS, generationLabel, VISIBILITY_LABELS } from "./labels";
import type { ContractRecord } from "./selects";

const findingRow = z.object({
  id: optionalId,
  text: requiredText("Saisissez le constat, ou retirez la ligne.", 2000),
});

const signatoryRow = z.object({
  id: optionalId,
  organisationId: uuidField("Choisissez l’organisation signataire."),
  signerName: optionalText(160),
  signerTitle: optionalText(160),
  signedOn: optionalDate,
  deliberationReference: optionalText(120),
  deliberationDate: optionalDate,
});

const CLSM_STATUS_ERROR = "Choisissez où en est le conseil local de santé mentale.";

const shownDay = (date: Date | null) => (date ? formatDate(date) : null);
const entry = entriesOf<ContractRecord>();

/** Every field of a contract, in the form's order (components/contracts/contract-form.tsx); `history.key` is what audit events store. */
export const CONTRACT_FIELDS = defineCatalogue<ContractRecord>()({
  title: {
    ...entry.text("title", requiredText("Saisissez le titre du contrat.", 200), {
      label: "Titre",
      header: "Contrat",
      api: "title",
      publicPage: true,
      input: { kind: "text", required: true },
    }),
    pdf: { kind: "heading" },
  },
  generation: {
    label: "Rang du contrat",
    rule: optionalInteger(1, 20, "Indiquez le rang du contrat, de 1 à 20.").refine(
      (value) => value !== null,
      "Indiquez le rang du contrat, de 1 à 20.",
    ),
    scalar: true,
    input: { kind: "integer", label: "Rang", hint: "1 pour un premier contrat, 2 pour son renouvellement…" },
    history: { key: "generation", value: (contract) => contract.generation },
    xlsx: [{ header: "Rang", value: (contract) => generationLabel(contract.generation) }],
    pdf: { kind: "fact", label: "Contrat", value: (contract) => generationLabel(contract.generation) },
    publicPage: true,
    api: "generation",
    confidential: false,
  },
  status: entry.choice("status", ContractStatus, CONTRACT_STATUS_LABELS, "Choisissez l’étape du contrat.", {
    label: "Statut",
    api: "status",
    publicPage: true,
    pdf: true,
    input: { label: "Étape" },
  }),
  visibility: entry.choice("visibility", Visibility, VISIBILITY_LABELS, "Choisissez la visibilité.", {
    label: "Visibilité",
    api: "visibility",
    input: { hint: "Publié\u00a0: visible de tous sur la page publique du territoire." },
  }),
  summary: entry.text("summary", optionalText(5000, { multiline: true }), {
    label: "Présentation",
    api: "summary",
    publicPage: true,
    pdf: "paragraph",
    input: { kind: "textarea", hint: "Quelques phrases pour la page publique." },
  }),
  councilAdoptedOn: entry.date("councilAdoptedOn", {
    label: "Adoption en conseil",
    api: "council_adopted_on",
    publicPage: true,
    pdf: true,
  }),
  signedOn: entry.date("signedOn", { label: "Signature", api: "signed_on", publicPage: true, pdf: true }),
  startsOn: {
    ...entry.date("startsOn", { label: "Début", api: "starts_on", publicPage: true }),
    pdf: {
      kind: "fact",
      label: "Période",
      value: (contract) =>
        contract.startsOn || contract.endsOn ? `${shownDay(contract.startsOn) ?? "…"} – ${shownDay(contract.endsOn) ?? "…"}` : null,
    },
  },
  endsOn: {
    ...entry.date("endsOn", { label: "Fin", api: "ends_on", publicPage: true }),
    // The duration is computed from the period, and shown with its end.
    xlsx: [
      { header: "Fin", numFmt: CELL_FORMATS.date, value: (contract) => contract.endsOn },
      { header: "Durée (mois)", value: (contract) => contract.durationMonths },
    ],
    pdf: { kind: "fact", label: "Durée", value: (contract) => (contract.durationMonths ? formatDuration(contract.durationMonths) : null) },
  },
  prsReference: entry.text("prsReference", optionalText(200), {
    label: "Projet régional de santé",
    api: "prs_reference",
    publicPage: true,
    pdf: "fact",
    input: { kind: "text", label: "Référence du projet régional de santé" },
  }),
  diagnosisSource: {
    ...entry.text("diagnosisSource", optionalText(200), {
      label: "Source du diagnostic",
      api: "diagnosis_source",
      publicPage: true,
      input: { kind: "text", hint: "Par exemple l’ORS." },
    }),
    xlsx: [
      {
        header: "Diagnostic",
        value: (contract) => [contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ") || null,
      },
    ],
  },
  diagnosisYear: {
    ...entry.text("diagnosisYear", optionalInteger(1990, 2100, "Indiquez une année entre 1990 et 2100."), {
      label: "Année du diagnostic",
      api: "diagnosis_year",
      publicPage: true,
      input: { kind: "integer" },
    }),
    xlsx: { within: "diagnosisSource" },
  },
  diagnosisSummary: entry.text("diagnosisSummary", optionalText(10_000, { multiline: true }), {
    label: "Synthèse du diagnostic",
    api: "diagnosis_summary",
    publicPage: true,
    input: { kind: "textarea" },
  }),
  // Loi 3DS (21 February 2022): every CLS has a mental-health component (lib/compliance checks it).
  mentalHealthComponent: entry.text("mentalHealthComponent", optionalText(5000, { multiline: true }), {
    label: "Volet santé mentale",
    api: "mental_health_component",
    publicPage: true,
    pdf: "paragraph",
    input: { kind: "textarea", hint: "Ce qui le porte\u00a0: l’axe, les fiches actions, le conseil local de santé mentale." },
  }),
  clsmStatus: {
    ...entry.choice("clsmStatus", ClsmStatus, CLSM_STATUS_LABELS, CLSM_STATUS_ERROR, {
      label: "Conseil local de santé mentale",
      api: "clsm_status",
      publicPage: true,
      input: { label: "Conseil local de santé mentale (CLSM)" },
    }),
    // Not said is "unknown", as for a contract recorded before the field existed (other fields absent are empty).
    rule: z.enum(ClsmStatus, { error: CLSM_STATUS_ERROR }).default("unknown"),
    // A document says nothing of what is not known.
    pdf: { kind: "fact", value: (contract) => (contract.clsmStatus === "unknown" ? null : CLSM_STATUS_LABELS[contract.clsmStatus]) },
  },
  clsmName: entry.text("clsmName", optionalText(200), {
    label: "Nom du CLSM",
    api: "clsm_name",
    publicPage: true,
    input: { kind: "text", label: "Nom du conseil local de santé mentale" },
  }),
  findings: {
    ...listOf("Constats du diagnostic", findingRow, 200, {
      api: "findings",
      list: { title: "Constats", row: "le constat", add: "Ajouter un constat" },
      publicPage: true,
    }),
    history: {
      key: "findings",
      value: (contract) => contract.findings.map((finding, index) => `${index + 1}. ${finding.text}`).join("\n"),
    },
    xlsx: [
      {
        header: "Constats du diagnostic",
        value: (contract) => contract.findings.map((finding, index) => `${index + 1}. ${finding.text}`).join("\n") || null,
      },
    ],
  },
  signatories: {
    ...listOf("Signataires", signatoryRow, 60, {
      api: "signatories",
      list: { row: "le signataire", add: "Ajouter un signataire" },
      publicPage: true,
    }),
    history: {
      key: "signatories",
      value: (contract) =>
        contract.signatories
          .map((signatory) => signatory.organisation.name + (signatory.signedOn ? ` (${isoDay(signatory.signedOn)})` : ""))
          .join("\n"),
    },
  },
});

export const contractFieldsSchema = z.object(rulesOf(CONTRACT_FIELDS)).superRefine((input, context) => {
  refinePeriod(input, context);
  refineDistinctOrganisations(input.signatories, ["signatories"], "Cette organisation est déjà signataire.", context);
});

export type ContractFields = z.infer<typeof contractFieldsSchema>;

export const createContractSchema = z.intersection(z.object({ territoryId: uuidField("Territoire introuvable.") }), contractFieldsSchema);
export const updateContractSchema = z.intersection(
  z.object({ contractId: uuidField("Contrat introuvable."), version: versionField }),
  contractFieldsSchema,
);

/** Whole months from start to end inclusive: 2019-10-28 → 2024-10-27 lasts 60 months ("5 ans"). */
export function durationInMonths(startsOn: Date | null, endsOn: Date | null): number | null {
  if (!startsOn || !endsOn) return null;
  const end = new Date(endsOn.getTime() + 86_400_000); // the day after the last day
  let months = (end.getUTCFullYear() - startsOn.getUTCFullYear()) * 12 + (end.getUTCMonth() - startsOn.getUTCMonth());
  if (end.getUTCDate() < startsOn.getUTCDate()) months -= 1;
  return months >= 1 ? Math.min(months, 240) : null;
}

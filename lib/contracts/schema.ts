// Inputs of the contract form (its facts, diagnosis findings and signatories), shared by the
// form and the server actions, and the contract's field catalogue (see lib/catalogue): history,
// the .xlsx export's "Contrat" sheet and the PDF's facts walk it.
import { z } from "zod";
import { CELL_FORMATS, defineCatalogue, rulesOf } from "@/lib/catalogue";
import { ContractStatus, Visibility } from "@/lib/db/generated/enums";
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
import { CONTRACT_STATUS_LABELS, generationLabel, VISIBILITY_LABELS } from "./labels";
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

const shownDay = (date: Date | null) => (date ? formatDate(date) : null);

/** Every field of a contract, in the form's order (components/contracts/contract-form.tsx); `history.key` is what audit events store. */
export const CONTRACT_FIELDS = defineCatalogue<ContractRecord>()({
  title: {
    label: "Titre",
    rule: requiredText("Saisissez le titre du contrat.", 200),
    scalar: true,
    input: { kind: "text", required: true },
    history: { key: "title", value: (contract) => contract.title },
    xlsx: [{ header: "Contrat", value: (contract) => contract.title }],
    pdf: { kind: "heading" },
    publicPage: true,
    api: "title",
    confidential: false,
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
  status: {
    label: "Statut",
    rule: z.enum(ContractStatus, { error: "Choisissez l’étape du contrat." }),
    scalar: true,
    input: { kind: "select", label: "Étape", options: CONTRACT_STATUS_LABELS },
    history: { key: "status", value: (contract) => CONTRACT_STATUS_LABELS[contract.status] },
    xlsx: [{ header: "Statut", value: (contract) => CONTRACT_STATUS_LABELS[contract.status] }],
    pdf: { kind: "fact", value: (contract) => CONTRACT_STATUS_LABELS[contract.status] },
    publicPage: true,
    api: "status",
    confidential: false,
  },
  visibility: {
    label: "Visibilité",
    rule: z.enum(Visibility, { error: "Choisissez la visibilité." }),
    scalar: true,
    input: { kind: "select", options: VISIBILITY_LABELS, hint: "Publié\u00a0: visible de tous sur la page publique du territoire." },
    history: { key: "visibility", value: (contract) => VISIBILITY_LABELS[contract.visibility] },
    xlsx: [{ header: "Visibilité", value: (contract) => VISIBILITY_LABELS[contract.visibility] }],
    publicPage: false,
    api: "visibility",
    confidential: false,
  },
  summary: {
    label: "Présentation",
    rule: optionalText(5000, { multiline: true }),
    scalar: true,
    input: { kind: "textarea", hint: "Quelques phrases pour la page publique." },
    history: { key: "summary", value: (contract) => contract.summary },
    xlsx: [{ header: "Présentation", value: (contract) => contract.summary }],
    pdf: { kind: "paragraph", value: (contract) => contract.summary },
    publicPage: true,
    api: "summary",
    confidential: false,
  },
  councilAdoptedOn: {
    label: "Adoption en conseil",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "councilAdoptedOn", value: (contract) => isoDay(contract.councilAdoptedOn) },
    xlsx: [{ header: "Adoption en conseil", numFmt: CELL_FORMATS.date, value: (contract) => contract.councilAdoptedOn }],
    pdf: { kind: "fact", value: (contract) => shownDay(contract.councilAdoptedOn) },
    publicPage: true,
    api: "council_adopted_on",
    confidential: false,
  },
  signedOn: {
    label: "Signature",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "signedOn", value: (contract) => isoDay(contract.signedOn) },
    xlsx: [{ header: "Signature", numFmt: CELL_FORMATS.date, value: (contract) => contract.signedOn }],
    pdf: { kind: "fact", value: (contract) => shownDay(contract.signedOn) },
    publicPage: true,
    api: "signed_on",
    confidential: false,
  },
  startsOn: {
    label: "Début",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "startsOn", value: (contract) => isoDay(contract.startsOn) },
    xlsx: [{ header: "Début", numFmt: CELL_FORMATS.date, value: (contract) => contract.startsOn }],
    pdf: {
      kind: "fact",
      label: "Période",
      value: (contract) =>
        contract.startsOn || contract.endsOn ? `${shownDay(contract.startsOn) ?? "…"} – ${shownDay(contract.endsOn) ?? "…"}` : null,
    },
    publicPage: true,
    api: "starts_on",
    confidential: false,
  },
  endsOn: {
    label: "Fin",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "endsOn", value: (contract) => isoDay(contract.endsOn) },
    // The duration is computed from the period, and shown with its end.
    xlsx: [
      { header: "Fin", numFmt: CELL_FORMATS.date, value: (contract) => contract.endsOn },
      { header: "Durée (mois)", value: (contract) => contract.durationMonths },
    ],
    pdf: { kind: "fact", label: "Durée", value: (contract) => (contract.durationMonths ? formatDuration(contract.durationMonths) : null) },
    publicPage: true,
    api: "ends_on",
    confidential: false,
  },
  prsReference: {
    label: "Projet régional de santé",
    rule: optionalText(200),
    scalar: true,
    input: { kind: "text", label: "Référence du projet régional de santé" },
    history: { key: "prsReference", value: (contract) => contract.prsReference },
    xlsx: [{ header: "Projet régional de santé", value: (contract) => contract.prsReference }],
    pdf: { kind: "fact", value: (contract) => contract.prsReference },
    publicPage: true,
    api: "prs_reference",
    confidential: false,
  },
  diagnosisSource: {
    label: "Source du diagnostic",
    rule: optionalText(200),
    scalar: true,
    input: { kind: "text", hint: "Par exemple l’ORS." },
    history: { key: "diagnosisSource", value: (contract) => contract.diagnosisSource },
    xlsx: [
      {
        header: "Diagnostic",
        value: (contract) => [contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ") || null,
      },
    ],
    publicPage: true,
    api: "diagnosis_source",
    confidential: false,
  },
  diagnosisYear: {
    label: "Année du diagnostic",
    rule: optionalInteger(1990, 2100, "Indiquez une année entre 1990 et 2100."),
    scalar: true,
    input: { kind: "integer" },
    history: { key: "diagnosisYear", value: (contract) => contract.diagnosisYear },
    xlsx: { within: "diagnosisSource" },
    publicPage: true,
    api: "diagnosis_year",
    confidential: false,
  },
  diagnosisSummary: {
    label: "Synthèse du diagnostic",
    rule: optionalText(10_000, { multiline: true }),
    scalar: true,
    input: { kind: "textarea" },
    history: { key: "diagnosisSummary", value: (contract) => contract.diagnosisSummary },
    xlsx: [{ header: "Synthèse du diagnostic", value: (contract) => contract.diagnosisSummary }],
    publicPage: true,
    api: "diagnosis_summary",
    confidential: false,
  },
  findings: {
    label: "Constats du diagnostic",
    rule: z.array(findingRow).max(200).default([]),
    scalar: false,
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
    publicPage: true,
    api: "findings",
    confidential: false,
  },
  signatories: {
    label: "Signataires",
    rule: z.array(signatoryRow).max(60).default([]),
    scalar: false,
    history: {
      key: "signatories",
      value: (contract) =>
        contract.signatories
          .map((signatory) => signatory.organisation.name + (signatory.signedOn ? ` (${isoDay(signatory.signedOn)})` : ""))
          .join("\n"),
    },
    publicPage: true,
    api: "signatories",
    confidential: false,
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

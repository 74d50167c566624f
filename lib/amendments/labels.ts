// French words of amendments (avenants).
import type { AmendmentFicheChange, AmendmentStatus } from "@/lib/db/generated/enums";

export const AMENDMENT_STATUS_LABELS: Record<AmendmentStatus, string> = { draft: "En préparation", signed: "Signé" };
export const AMENDMENT_STATUS_TONES: Record<AmendmentStatus, "warning" | "success"> = { draft: "warning", signed: "success" };

/** What an amendment does to a fiche, as a choice in its form. */
export const AMENDMENT_FICHE_CHANGE_LABELS: Record<AmendmentFicheChange, string> = {
  added: "Ajoutée par l’avenant",
  changed: "Modifiée par l’avenant",
  closed: "Close par l’avenant",
};

/** "Avenant n° 2". */
export const amendmentLabel = (number: number) => `Avenant n°\u00a0${number}`;

/** The fields of an amendment as its audit events keep them. */
export const AMENDMENT_FIELD_LABELS: Record<string, string> = {
  purpose: "Objet",
  councilAdoptedOn: "Délibération du conseil",
  deliberationReference: "Référence de la délibération",
  signedOn: "Signature",
  fiche: "Fiche",
  change: "Changement",
  fiches: "Fiches",
  signatory: "Signataire",
  signerName: "Personne signataire",
  signerTitle: "Qualité",
  deliberationDate: "Date de la délibération",
  signatories: "Signataires",
};

/** « CPAM de la Drôme — Camille Martin, directrice », as a signature names who signed. */
export function signatureSigner(signature: { organisation: { name: string }; signerName: string | null; signerTitle: string | null }) {
  const person = [signature.signerName, signature.signerTitle].filter(Boolean).join(", ");
  return person ? `${signature.organisation.name} — ${person}` : signature.organisation.name;
}

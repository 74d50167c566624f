// French labels for contract-related values.
import type { ClsmStatus, ContractStatus, DocumentKind } from "@/lib/db/generated/enums";
import { formatOrdinal } from "@/lib/format";

export const CONTRACT_STATUS_LABELS = {
  preparation: "En préparation",
  signed: "Signé",
  in_progress: "En cours",
  mid_term_evaluation: "Évaluation à mi-parcours",
  final_evaluation: "Évaluation finale",
  closed: "Clos",
  renewed: "Renouvelé",
} satisfies Record<ContractStatus, string>;

/** What the public reads of a contract's status (lib/contracts/public-status.ts): its dates may say more than the stored status. */
export type PublicStatusKey = ContractStatus | "upcoming" | "expired";

export const PUBLIC_STATUS_LABELS = {
  ...CONTRACT_STATUS_LABELS,
  upcoming: "Pas encore commencé",
  expired: "Arrivé à échéance",
} satisfies Record<PublicStatusKey, string>;

/** Every status the public may read. */
export const PUBLIC_STATUS_KEYS = Object.keys(PUBLIC_STATUS_LABELS) as [PublicStatusKey, ...PublicStatusKey[]];

export const CLSM_STATUS_LABELS = {
  unknown: "Non renseigné",
  none: "Pas de CLSM",
  in_creation: "CLSM en création",
  active: "CLSM en place",
} satisfies Record<ClsmStatus, string>;

export const DOCUMENT_KIND_LABELS = {
  letter_of_intent: "Lettre d’intention",
  framing_letter: "Lettre de cadrage",
  charter: "Charte",
  funding_agreement: "Convention de financement",
  diagnosis: "Diagnostic local de santé",
  contract: "Contrat",
  amendment: "Avenant",
  deliberation: "Délibération",
  minutes: "Compte-rendu",
  evaluation_report: "Rapport d’évaluation",
  other: "Document",
} satisfies Record<DocumentKind, string>;

/** "1er contrat local de santé", "2e contrat local de santé". */
export function generationLabel(generation: number): string {
  return `${formatOrdinal(generation)} contrat local de santé`;
}

/** "Axe 2", or "Axe transversal" for an unnumbered transversal axis. */
export function axisLabel(axis: { number: number | null; isTransversal: boolean }): string {
  if (axis.number === null) return axis.isTransversal ? "Axe transversal" : "Axe";
  return `Axe ${axis.number}`;
}

export function ficheLabel(number: number): string {
  return `Fiche n°\u00a0${number}`;
}

export const VISIBILITY_LABELS = { draft: "Brouillon (non publié)", published: "Publié" } as const;

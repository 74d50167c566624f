import type { OrganisationKind } from "@/lib/db/generated/enums";

export const ORGANISATION_KIND_LABELS = {
  ars: "Agence régionale de santé",
  prefecture: "Préfecture",
  state_service: "Service de l’État",
  education_nationale: "Éducation nationale",
  conseil_regional: "Conseil régional",
  conseil_departemental: "Conseil départemental",
  local_authority: "Collectivité territoriale",
  cpam: "Assurance maladie",
  caf: "Caisse d’allocations familiales",
  msa: "Mutualité sociale agricole",
  hospital: "Établissement hospitalier",
  clinic: "Clinique",
  cpts: "Communauté professionnelle territoriale de santé",
  professional_order: "Ordre professionnel",
  dac: "Dispositif d’appui à la coordination",
  observatory: "Observatoire",
  association: "Association",
  other: "Autre organisme",
} satisfies Record<OrganisationKind, string>;

import type { MembershipRole } from "@/lib/db/generated/enums";

/** Role names as functions, so that they read the same for everyone. */
export const MEMBERSHIP_ROLE_LABELS = {
  platform_admin: "Administration de la plateforme",
  ars_officer: "Agence régionale de santé",
  coordinator: "Coordination du contrat",
  contributor: "Contribution (pilotage de fiches)",
  partner: "Partenaire",
  national_reader: "Lecture nationale (ministère, agence nationale)",
} satisfies Record<MembershipRole, string>;

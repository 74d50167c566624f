// French labels of a contract's governance meetings.
import type { MeetingKind } from "@/lib/db/generated/enums";

export const MEETING_KIND_LABELS = {
  copil: "Comité de pilotage (COPIL)",
  cotech: "Comité technique (COTECH)",
  working_group: "Groupe de travail",
  plenary: "Assemblée plénière",
  other: "Autre réunion",
} satisfies Record<MeetingKind, string>;

/** The short names lists and reports use. */
export const MEETING_KIND_SHORT_LABELS = {
  copil: "COPIL",
  cotech: "COTECH",
  working_group: "Groupe de travail",
  plenary: "Plénière",
  other: "Réunion",
} satisfies Record<MeetingKind, string>;

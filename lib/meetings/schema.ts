// Inputs of a contract's governance meetings (COPIL, COTECH, working groups…) and their field
// catalogue: when, what kind, who attended by organisation, what was decided, the minutes.
import { z } from "zod";
import { defineCatalogue, entriesOf, listOf, rulesOf } from "@/lib/catalogue";
import { MeetingKind } from "@/lib/db/generated/enums";
import { formatCount, isoDay } from "@/lib/format";
import { optionalInteger, optionalText, refineDistinctOrganisations, requiredDate, uuidField, versionField } from "@/lib/validation/fields";
import { MEETING_KIND_LABELS } from "./labels";

/** A meeting as history and exports read it. */
export type MeetingRecord = {
  kind: MeetingKind;
  heldOn: Date;
  topic: string | null;
  participantCount: number | null;
  residentCount: number | null;
  decisions: string | null;
  minutes: string | null;
  attendances: ReadonlyArray<{ attendeeCount: number | null; organisation: { name: string } }>;
};

/** Organisations a meeting lists at most. */
export const MEETING_ATTENDANCES_MAX = 100;
const COUNT_MAX = 100_000;

const attendanceRow = z.object({
  organisationId: uuidField("Choisissez une organisation, ou retirez la ligne."),
  attendeeCount: optionalInteger(1, COUNT_MAX, "Un nombre entier d’au moins 1, ou rien."),
});

const entry = entriesOf<MeetingRecord>();
const governance = { publicPage: false, confidential: false } as const;

export const MEETING_FIELDS = defineCatalogue<MeetingRecord>()({
  kind: entry.choice("kind", MeetingKind, MEETING_KIND_LABELS, "Choisissez le type de réunion.", {
    label: "Type de réunion",
    api: "kind",
    input: { initial: "copil" },
    ...governance,
  }),
  heldOn: {
    ...entry.date("heldOn", { label: "Date de la réunion", api: "held_on", ...governance }),
    rule: requiredDate("Saisissez la date de la réunion."),
    history: { key: "heldOn", value: (meeting) => isoDay(meeting.heldOn) },
  },
  topic: entry.text("topic", optionalText(200), {
    label: "Objet",
    api: "topic",
    input: { kind: "text", hint: "Par exemple «\u00a0Bilan annuel\u00a0» ou «\u00a0Santé mentale\u00a0»." },
    ...governance,
  }),
  participantCount: entry.text("participantCount", optionalInteger(0, COUNT_MAX, "Un nombre entier positif ou nul."), {
    label: "Nombre de participants",
    api: "participant_count",
    input: { kind: "integer" },
    ...governance,
  }),
  residentCount: entry.text("residentCount", optionalInteger(0, COUNT_MAX, "Un nombre entier positif ou nul."), {
    label: "Dont habitants",
    api: "resident_count",
    input: { kind: "integer", hint: "Habitants ou usagers présents, s’il y en avait." },
    ...governance,
  }),
  decisions: entry.text("decisions", optionalText(20_000, { multiline: true }), {
    label: "Décisions",
    api: "decisions",
    input: { kind: "textarea", rows: 4, hint: "Une décision par ligne." },
    ...governance,
  }),
  minutes: entry.text("minutes", optionalText(50_000, { multiline: true }), {
    label: "Compte rendu",
    api: "minutes",
    input: { kind: "textarea", rows: 6 },
    ...governance,
  }),
  attendances: {
    ...listOf("Organisations présentes", attendanceRow, MEETING_ATTENDANCES_MAX, {
      api: "attendances",
      list: { row: "l’organisation", add: "Ajouter une organisation" },
    }),
    history: {
      key: "attendances",
      value: (meeting) =>
        meeting.attendances
          .map(({ organisation, attendeeCount }) =>
            attendeeCount ? `${organisation.name} (${formatCount(attendeeCount, "personne", "personnes")})` : organisation.name,
          )
          .join("\n"),
    },
  },
});

export const meetingFieldsSchema = z.object(rulesOf(MEETING_FIELDS)).superRefine((input, context) => {
  refineDistinctOrganisations(input.attendances, ["attendances"], "Cette organisation est déjà dans la liste.", context);
  if (input.participantCount !== null && input.residentCount !== null && input.residentCount > input.participantCount)
    context.addIssue({ code: "custom", path: ["residentCount"], message: "Pas plus d’habitants que de participants." });
});

export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const createMeetingSchema = z.intersection(z.object({ contractId: uuidField("Contrat introuvable.") }), meetingFieldsSchema);
export const updateMeetingSchema = z.intersection(
  z.object({ meetingId: uuidField("Réunion introuvable."), version: versionField }),
  meetingFieldsSchema,
);
export const deleteMeetingSchema = z.object({ meetingId: uuidField("Réunion introuvable."), version: versionField });

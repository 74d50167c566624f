// Select fragments of meetings shared by their reads and writes.
import type { Prisma } from "@/lib/db/generated/client";

/** A meeting's attendances by organisation, by name. */
export const attendancesSelect = {
  orderBy: { organisation: { name: "asc" } },
  select: { organisationId: true, attendeeCount: true, organisation: { select: { name: true } } },
} satisfies Prisma.Meeting$attendancesArgs;

/** What MEETING_FIELDS declares, as history and the form read it. */
export const meetingValuesSelect = {
  kind: true,
  heldOn: true,
  topic: true,
  participantCount: true,
  residentCount: true,
  decisions: true,
  minutes: true,
  attendances: attendancesSelect,
} satisfies Prisma.MeetingSelect;

/** A meeting as the governance page and reports show it. */
export const meetingSelect = { id: true, version: true, ...meetingValuesSelect } satisfies Prisma.MeetingSelect;

export type MeetingSummary = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

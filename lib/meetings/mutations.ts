// A contract's governance meetings, recorded by its territory's coordinators ("contract.edit"):
// created, edited from the version loaded, deleted after a confirmation; each write with its
// audit event. The organisations attending must exist on the platform.
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { onContract } from "@/lib/actions/targets";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { changeAudited, insertAudited } from "@/lib/audit/record";
import { historySnapshot } from "@/lib/catalogue";
import type { Tx } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { MEETING_KIND_SHORT_LABELS } from "./labels";
import { loadMeetingResource } from "./resource";
import { createMeetingSchema, deleteMeetingSchema, MEETING_FIELDS, updateMeetingSchema, type MeetingFields } from "./schema";
import { meetingValuesSelect } from "./selects";

/** "COPIL du 12 mars 2026", as the audit log and messages name a meeting. */
const meetingLabel = (meeting: Pick<MeetingFields, "kind" | "heldOn">) =>
  `${MEETING_KIND_SHORT_LABELS[meeting.kind]} du ${formatDate(meeting.heldOn)}`;

/** The first row naming an organisation the platform does not hold, as a field error; null when all exist. */
async function unknownOrganisation(context: ActionContext, fields: MeetingFields): Promise<ActionResult<never> | null> {
  const ids = fields.attendances.map((row) => row.organisationId);
  if (!ids.length) return null;
  const known = new Set(
    (await context.db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((organisation) => organisation.id),
  );
  const missing = ids.findIndex((id) => !known.has(id));
  return missing === -1 ? null : fieldError(`attendances.${missing}.organisationId`, "Cette organisation est introuvable.");
}

/** The meeting's own columns, and its attendance rows. */
const rowsOf = ({ attendances, ...values }: MeetingFields) => ({
  values,
  attendances: attendances.map(({ organisationId, attendeeCount }) => ({ organisationId, attendeeCount })),
});

const readBack = async (tx: Tx, meetingId: string) =>
  historySnapshot(MEETING_FIELDS, await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingValuesSelect }));

export const createMeeting = onContract("meeting.create", createMeetingSchema, async (context, input, { territoryId = null }) => {
  const { contractId, ...fields } = input;
  const refusal = await unknownOrganisation(context, fields);
  if (refusal) return refusal;
  const { values, attendances } = rowsOf(fields);
  await context.db.$transaction((tx) =>
    insertAudited(
      tx,
      context,
      { action: "meeting.create", entityType: "Meeting", entityLabel: meetingLabel(fields), territoryId, after: readBack },
      (tx) => tx.meeting.create({ data: { contractId, ...values, attendances: { create: attendances } }, select: { id: true } }),
    ),
  );
  return ok(null, `${meetingLabel(fields)}\u00a0: la réunion est enregistrée.`);
});

const onMeeting = actionsOn("contract.edit", (db, { meetingId }: { meetingId: string }) => loadMeetingResource(db, meetingId));

export const updateMeeting = onMeeting("meeting.update", updateMeetingSchema, async (context, input, { territoryId = null }) => {
  const { meetingId, version, ...fields } = input;
  const refusal = await unknownOrganisation(context, fields);
  if (refusal) return refusal;
  const { values, attendances } = rowsOf(fields);
  await saveVersioned(
    context,
    {
      action: "meeting.update",
      entityType: "Meeting",
      entityId: meetingId,
      entityLabel: meetingLabel(fields),
      territoryId,
      baseVersion: version,
    },
    async (tx) => {
      const before = await readBack(tx, meetingId);
      assertVersionMatched(
        await tx.meeting.updateMany({ where: { id: meetingId, version }, data: { ...values, version: { increment: 1 } } }),
      );
      await tx.meetingAttendance.deleteMany({ where: { meetingId } });
      await tx.meetingAttendance.createMany({ data: attendances.map((row) => ({ meetingId, ...row })) });
      return { before, after: await readBack(tx, meetingId) };
    },
  );
  return ok(null, `${meetingLabel(fields)}\u00a0: la réunion est enregistrée.`);
});

export const deleteMeeting = onMeeting("meeting.delete", deleteMeetingSchema, async (context, input, { territoryId = null }) => {
  const meeting = await context.db.meeting.findUniqueOrThrow({ where: { id: input.meetingId }, select: meetingValuesSelect });
  const label = meetingLabel(meeting);
  await changeAudited(
    context,
    { action: "meeting.delete", entityType: "Meeting", entityId: input.meetingId, entityLabel: label, territoryId },
    async (tx) => {
      assertVersionMatched(await tx.meeting.deleteMany({ where: { id: input.meetingId, version: input.version } }));
      return { before: historySnapshot(MEETING_FIELDS, meeting) };
    },
  );
  return ok(null, `${label}\u00a0: la réunion est supprimée.`);
});

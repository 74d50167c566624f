// The scope keys authorization reads of a meeting: its contract's.
import { NotFoundError, type Resource } from "@/lib/authz";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db } from "@/lib/db/client";

export async function loadMeetingResource(db: Db, meetingId: string): Promise<Resource> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { contractId: true } });
  if (!meeting) throw new NotFoundError();
  return loadContractResource(db, meeting.contractId);
}

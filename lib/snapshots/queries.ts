// Reads of contract snapshots: the stored content parsed back with its schema, so that a page
// or a report reads typed data and a damaged or unknown content fails loudly.
import { NotFoundError } from "@/lib/authz";
import type { Db, Tx } from "@/lib/db/client";
import { contractSnapshotContentSchema } from "./schema";

/** One snapshot with its content parsed; a NotFoundError when there is none with this id. */
export async function readContractSnapshot(db: Db | Tx, snapshotId: string) {
  const snapshot = await db.contractSnapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, contractId: true, version: true, reason: true, createdAt: true, content: true },
  });
  if (!snapshot) throw new NotFoundError();
  return { ...snapshot, content: contractSnapshotContentSchema.parse(snapshot.content) };
}

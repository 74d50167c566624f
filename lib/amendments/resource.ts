// The scope keys authorization reads of an amendment: its contract's (territory and region).
import { NotFoundError, type Resource } from "@/lib/authz";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db } from "@/lib/db/client";

export async function loadAmendmentResource(db: Db, amendmentId: string): Promise<Resource> {
  const amendment = await db.amendment.findUnique({ where: { id: amendmentId }, select: { contractId: true } });
  if (!amendment) throw new NotFoundError();
  return loadContractResource(db, amendment.contractId);
}

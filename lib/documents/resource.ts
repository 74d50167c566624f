// The scope keys authorization reads of a document: its contract's.
import { NotFoundError, type Resource } from "@/lib/authz";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db } from "@/lib/db/client";

export async function loadDocumentResource(db: Db, documentId: string): Promise<Resource> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { contractId: true } });
  if (!document) throw new NotFoundError();
  return loadContractResource(db, document.contractId);
}

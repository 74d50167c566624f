// The scope keys authorization reads of a contract (lib/authz): its territory and region. Axes,
// fiches, imports and organisations created for a contract are authorized through it.
import { NotFoundError } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

/** The scope keys of a contract; a NotFoundError when there is no such contract. */
export async function loadContractResource(db: Db, contractId: string) {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: { territory: { select: TERRITORY_SCOPE_SELECT } },
  });
  if (!contract) throw new NotFoundError();
  return territoryResource(contract.territory);
}

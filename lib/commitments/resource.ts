// The scope keys authorization reads of a commitment (lib/authz): the committed organisation,
// and the territory, region and draft state of the contract it belongs to. A commitment in the
// trash (its fiche or its objective) is not found.
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { isDraftContract, TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

const contractKeys = {
  select: { contract: { select: { status: true, visibility: true, territory: { select: TERRITORY_SCOPE_SELECT } } } },
} as const;

export async function loadCommitmentResource(db: Db, commitmentId: string): Promise<Resource> {
  const commitment = await db.commitment.findUnique({
    where: { id: commitmentId },
    select: {
      organisationId: true,
      fiche: { select: { deletedAt: true, ...contractKeys.select } },
      objective: { select: { deletedAt: true, fiche: { select: { deletedAt: true, ...contractKeys.select } } } },
    },
  });
  const fiche = commitment?.fiche ?? commitment?.objective?.fiche;
  if (!commitment || !fiche || fiche.deletedAt || commitment.objective?.deletedAt) throw new NotFoundError();
  return {
    ...territoryResource(fiche.contract.territory),
    organisationId: commitment.organisationId,
    draft: isDraftContract(fiche.contract),
  };
}

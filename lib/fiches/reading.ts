// A fiche's read-only page, for whoever reads its contract in the workspace (ARS officers,
// partners, contributors): every field of the catalogue, its objectives with their commitments,
// budget lines, milestones and indicators with their latest value, in one query.
import type { Actor } from "@/lib/authz";
import { readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { indicatorRecordSelect, listedIndicators } from "@/lib/indicators/selects";
import { contractAccessSelect } from "@/lib/workspaces/resource";
import { ficheRecordSelect } from "./selects";

const ficheReadingSelect = (actor: Actor) =>
  ({
    id: true,
    pilotUserId: true,
    ...ficheRecordSelect,
    indicators: {
      ...listedIndicators,
      select: {
        id: true,
        ...indicatorRecordSelect,
        measurements: { orderBy: { measuredOn: "desc" }, take: 1, select: { value: true, measuredOn: true } },
      },
    },
    contract: {
      select: { ...contractAccessSelect(actor), id: true, title: true, status: true, territory: { select: territoryKeysSelect } },
    },
  }) satisfies Prisma.FicheActionSelect;

export type FicheReading = Prisma.FicheActionGetPayload<{ select: ReturnType<typeof ficheReadingSelect> }>;

/** A fiche outside the trash, by its contract and territory, for whoever may read the contract; otherwise a NotFoundError. */
export async function getFicheReading(actor: Actor, territorySlug: string, contractId: string, ficheId: string): Promise<FicheReading> {
  const fiche = await getDb().ficheAction.findFirst({
    relationLoadStrategy: "join",
    where: { id: ficheId, contractId, deletedAt: null, contract: { territory: { slug: territorySlug } } },
    select: ficheReadingSelect(actor),
  });
  readableOrNotFound(actor, fiche?.contract ?? null);
  return fiche!;
}

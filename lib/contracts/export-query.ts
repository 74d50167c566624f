// Everything a contract export (.xlsx, PDF) holds, in one query: the contract, its signatories
// and partners, axes, every field of each fiche (its catalogue), objectives with commitments,
// and indicators with their latest measurement.
import type { Actor } from "@/lib/authz";
import type { Prisma } from "@/lib/db/generated/client";
import { ficheRecordSelect, listedFiches } from "@/lib/fiches/selects";
import { indicatorRecordSelect, listedIndicators } from "@/lib/indicators/selects";
import { contractAccessSelect } from "@/lib/workspaces/resource";
import { findContractInTerritory, readableOrNotFound } from "./queries";
import { axisHeadingSelect, contractPartiesSelect, contractRecordSelect, territoryKeysSelect } from "./selects";

const exportSelect = (actor: Actor) =>
  ({
    // What authorization reads and every field of the catalogue (./schema.ts); the parties extend its signatories.
    ...contractAccessSelect(actor),
    ...contractRecordSelect,
    id: true,
    territory: { select: { ...territoryKeysSelect, region: { select: { name: true } } } },
    ...contractPartiesSelect,
    axes: {
      orderBy: { position: "asc" },
      select: {
        id: true,
        ...axisHeadingSelect,
        fiches: {
          ...listedFiches,
          select: {
            id: true,
            // Every field of the catalogue (lib/fiches/schema.ts), then the indicators with their latest value.
            ...ficheRecordSelect,
            indicators: {
              ...listedIndicators,
              select: {
                ...indicatorRecordSelect,
                measurements: { orderBy: { measuredOn: "desc" }, take: 1, select: { value: true, measuredOn: true } },
              },
            },
          },
        },
      },
    },
  }) satisfies Prisma.ContractSelect;

export type ContractExport = Prisma.ContractGetPayload<{ select: ReturnType<typeof exportSelect> }>;

/** The contract for export, for whoever may read it in the workspace; otherwise not found. */
export async function getContractExport(actor: Actor, territorySlug: string, contractId: string): Promise<ContractExport> {
  return readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, exportSelect(actor)));
}

// Everything a contract export holds, in one query: the contract, its signatories and
// partners, axes, fiches with partners, budget, objectives with commitments, and indicators
// with their latest measurement.
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { contractAccessSelect } from "@/lib/workspaces/resource";
import { readableOrNotFound } from "./queries";

const exportSelect = (actor: Actor) =>
  ({
    // What authorization reads; the signatories and partners below extend its own.
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    generation: true,
    summary: true,
    councilAdoptedOn: true,
    signedOn: true,
    startsOn: true,
    endsOn: true,
    durationMonths: true,
    prsReference: true,
    diagnosisSource: true,
    diagnosisYear: true,
    territory: { select: { id: true, slug: true, name: true, regionId: true, region: { select: { name: true } } } },
    findings: { orderBy: { position: "asc" }, select: { text: true } },
    signatories: {
      orderBy: { position: "asc" },
      select: {
        organisationId: true,
        signedOn: true,
        signerName: true,
        signerTitle: true,
        deliberationReference: true,
        organisation: { select: { name: true } },
      },
    },
    partners: { orderBy: { position: "asc" }, select: { organisationId: true, role: true, organisation: { select: { name: true } } } },
    axes: {
      orderBy: { position: "asc" },
      select: {
        number: true,
        title: true,
        description: true,
        isTransversal: true,
        fiches: {
          where: { deletedAt: null },
          orderBy: { number: "asc" },
          select: {
            number: true,
            title: true,
            generalObjective: true,
            description: true,
            targetPublic: true,
            status: true,
            progress: true,
            weight: true,
            startsOn: true,
            endsOn: true,
            themes: true,
            pilotOrganisation: { select: { name: true } },
            pilotContactName: true,
            partners: { select: { organisation: { select: { name: true } } } },
            budgetLines: { select: { amount: true } },
            objectives: {
              where: { deletedAt: null },
              orderBy: { position: "asc" },
              select: {
                title: true,
                dueOn: true,
                status: true,
                progress: true,
                weight: true,
                commitments: { select: { description: true, organisation: { select: { name: true } } } },
              },
            },
            indicators: {
              where: { deletedAt: null },
              orderBy: { createdAt: "asc" },
              select: {
                name: true,
                level: true,
                unit: true,
                direction: true,
                baselineValue: true,
                baselineOn: true,
                targetValue: true,
                targetOn: true,
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
export async function findContractExport(actor: Actor, territorySlug: string, contractId: string): Promise<ContractExport> {
  const contract = await getDb().contract.findFirst({
    relationLoadStrategy: "join",
    where: { id: contractId, territory: { slug: territorySlug } },
    select: exportSelect(actor),
  });
  return readableOrNotFound(actor, contract);
}

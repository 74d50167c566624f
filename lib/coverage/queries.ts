// The workspace's « Besoins et actions » page: one query for the contract, its findings with the
// fiches answering each, and its fiches answering none.
import type { Actor } from "@/lib/authz";
import { findContractInTerritory, readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import type { Prisma } from "@/lib/db/generated/client";
import { listedFiches } from "@/lib/fiches/selects";
import { contractAccessSelect } from "@/lib/workspaces/resource";
import { findingCoverage } from "./coverage";
import { findingFichesSelect } from "./selects";

const coverageSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    territory: { select: territoryKeysSelect },
    findings: findingFichesSelect,
    axes: {
      orderBy: { position: "asc" },
      select: {
        fiches: {
          where: { ...listedFiches.where, findings: { none: {} } },
          orderBy: listedFiches.orderBy,
          select: { id: true, number: true, title: true, pilotUserId: true },
        },
      },
    },
  }) satisfies Prisma.ContractSelect;

/** A contract's needs and actions, for whoever reads it in the workspace; otherwise a NotFoundError. */
export async function getContractCoverage(actor: Actor, territorySlug: string, contractId: string) {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, coverageSelect(actor)));
  return {
    contract,
    coverage: findingCoverage(
      contract.findings.map((finding) => ({ id: finding.id, text: finding.text, fiches: finding.fiches.map(({ fiche }) => fiche) })),
    ),
    /** Fiches outside the trash that answer no finding, by number. */
    unlinkedFiches: contract.axes.flatMap((axis) => axis.fiches).sort((a, b) => a.number - b.number),
  };
}

export type ContractCoverage = Awaited<ReturnType<typeof getContractCoverage>>;

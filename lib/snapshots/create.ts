// The one snapshot mechanism: an immutable, versioned copy of a contract's whole content, built
// by walking the field catalogues, so that a field added to a catalogue is frozen with the rest.
// Campaign closing, publication, signature and amendments use it (docs/adr/0009-contract-snapshots.md).
import type { Actor } from "@/lib/authz";
import { frozenValue, frozenValues, historySnapshot } from "@/lib/catalogue";
import { COMMITMENT_REPORT_FIELDS } from "@/lib/commitments/schema";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { lockContract } from "@/lib/contracts/lock";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { SnapshotReason } from "@/lib/db/generated/enums";
import type { EvaluationContent } from "@/lib/evaluations/schema";
import { COMMITMENT_FIELDS, FICHE_FIELDS, OBJECTIVE_FIELDS } from "@/lib/fiches/schema";
import { isoDay } from "@/lib/format";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import { SNAPSHOT_SCHEMA_VERSION, type ContractSnapshotContent } from "./schema";
import {
  snapshotAxisSelect,
  snapshotCommitmentSelect,
  snapshotContractSelect,
  snapshotFicheSelect,
  snapshotIndicatorSelect,
} from "./selects";

type CommitmentRow = Prisma.CommitmentGetPayload<{ select: typeof snapshotCommitmentSelect }>;
type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof snapshotIndicatorSelect }>;

const frozenCommitment = (commitment: CommitmentRow) => ({
  id: commitment.id,
  organisationId: commitment.organisationId,
  organisation: commitment.organisation.name,
  values: { ...frozenValues(COMMITMENT_FIELDS, commitment), ...frozenValues(COMMITMENT_REPORT_FIELDS, commitment) },
  shown: historySnapshot(COMMITMENT_REPORT_FIELDS, commitment),
});

const frozenIndicator = (indicator: IndicatorRow) => ({
  id: indicator.id,
  objectiveId: indicator.objectiveId,
  owner: indicator.owner?.name ?? null,
  values: frozenValues(INDICATOR_FIELDS, indicator),
  shown: historySnapshot(INDICATOR_FIELDS, indicator),
  measurements: indicator.measurements.map((measurement) => frozenValue(measurement) as Record<string, string | null>),
});

/** Rows grouped by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string | null) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    if (value !== null) groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return (value: string) => groups.get(value) ?? [];
}

/**
 * The contract's content as it stands in `tx`, in a fixed number of queries whatever its size:
 * the contract, its axes, its live fiches (with objectives, budget lines and milestones), their
 * commitments, their live indicators with measurements. With `ficheIds`, only those fiches.
 */
export async function readContractContent(
  tx: Tx,
  contractId: string,
  { ficheIds }: { ficheIds?: readonly string[] } = {},
): Promise<ContractSnapshotContent> {
  const liveFiche = { contractId, deletedAt: null, ...(ficheIds ? { id: { in: [...ficheIds] } } : {}) };
  // The two ways a commitment hangs on a fiche, each by its index: one OR over both scanned every
  // commitment of the platform (650 ms on the national dataset's largest contract).
  const commitmentArgs = {
    relationLoadStrategy: "join" as const,
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: snapshotCommitmentSelect,
  };
  const [contract, axes, fiches, ficheCommitments, objectiveCommitments, indicators] = [
    await tx.contract.findUniqueOrThrow({ relationLoadStrategy: "join", where: { id: contractId }, select: snapshotContractSelect }),
    await tx.axis.findMany({ where: { contractId }, orderBy: { position: "asc" }, select: snapshotAxisSelect }),
    await tx.ficheAction.findMany({
      relationLoadStrategy: "join",
      where: liveFiche,
      orderBy: { number: "asc" },
      select: snapshotFicheSelect,
    }),
    await tx.commitment.findMany({ ...commitmentArgs, where: { fiche: liveFiche } }),
    await tx.commitment.findMany({ ...commitmentArgs, where: { objective: { deletedAt: null, fiche: liveFiche } } }),
    await tx.indicator.findMany({
      relationLoadStrategy: "join",
      where: { deletedAt: null, fiche: liveFiche },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: snapshotIndicatorSelect,
    }),
  ];
  // A commitment hangs on a fiche or on an objective: each group keeps its query's order.
  const commitments = [...ficheCommitments, ...objectiveCommitments];
  const commitmentsOfObjective = groupBy(commitments, (commitment) => commitment.objectiveId);
  const commitmentsOfFiche = groupBy(commitments, (commitment) => commitment.ficheId);
  const indicatorsOfFiche = groupBy(indicators, (indicator) => indicator.ficheId);

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    contract: { id: contract.id, values: frozenValues(CONTRACT_FIELDS, contract), shown: historySnapshot(CONTRACT_FIELDS, contract) },
    axes: axes.map((axis) => ({ ...axis })),
    fiches: fiches.map((fiche) => ({
      id: fiche.id,
      axisId: fiche.axisId,
      // Closed by a signed amendment (lib/amendments): the fiche stays in the contract's history.
      closedOn: isoDay(fiche.closedOn),
      // Objectives are records of their own below, with their ids, commitments and reports.
      values: frozenValues(FICHE_FIELDS, fiche, { omit: ["objectives"] }),
      shown: historySnapshot(FICHE_FIELDS, fiche),
      objectives: fiche.objectives.map((objective) => ({
        id: objective.id,
        values: frozenValues(OBJECTIVE_FIELDS, objective, { omit: ["commitments"] }),
        shown: historySnapshot(OBJECTIVE_FIELDS, objective),
        commitments: commitmentsOfObjective(objective.id).map(frozenCommitment),
      })),
      commitments: commitmentsOfFiche(fiche.id).map(frozenCommitment),
      indicators: indicatorsOfFiche(fiche.id).map(frozenIndicator),
    })),
  };
}

/**
 * Freezes the contract's content in `tx` as its next snapshot (version 1, 2, 3… per contract)
 * and returns it. The row is never changed afterwards: a trigger refuses it. A publication
 * freezes only the fiches it publishes (`ficheIds`), with the contract and its axes.
 */
export async function createContractSnapshot(
  tx: Tx,
  contractId: string,
  reason: SnapshotReason,
  actor: Pick<Actor, "userId">,
  { evaluation, ficheIds }: { evaluation?: EvaluationContent; ficheIds?: readonly string[] } = {},
) {
  // Two snapshots of one contract at once would take the same version: the contract's lock orders them.
  await lockContract(tx, contractId);
  const content: ContractSnapshotContent = {
    ...(await readContractContent(tx, contractId, { ficheIds })),
    ...(evaluation ? { evaluation } : {}),
  };
  const { _max } = await tx.contractSnapshot.aggregate({ where: { contractId }, _max: { version: true } });
  return tx.contractSnapshot
    .create({
      data: {
        contractId,
        version: (_max.version ?? 0) + 1,
        reason,
        content: content as Prisma.InputJsonValue,
        createdById: actor.userId,
      },
      select: { id: true, version: true, createdAt: true },
    })
    .then((snapshot) => ({ ...snapshot, content }));
}

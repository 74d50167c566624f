// What a contract snapshot reads: each record with the select its catalogue walks (the
// concept's own fragment), plus the ids and structure the snapshot keeps beside the values.
import type { Prisma } from "@/lib/db/generated/client";
import { commitmentReportSelect } from "@/lib/commitments/selects";
import { axisHeadingSelect, contractRecordSelect } from "@/lib/contracts/selects";
import { ficheRecordSelect } from "@/lib/fiches/selects";
import { indicatorRecordSelect } from "@/lib/indicators/selects";

export const snapshotContractSelect = { id: true, ...contractRecordSelect } satisfies Prisma.ContractSelect;

export const snapshotAxisSelect = { id: true, position: true, ...axisHeadingSelect } satisfies Prisma.AxisSelect;

/** A live fiche with its objectives (their ids too), budget lines and milestones, as its catalogue reads them. */
export const snapshotFicheSelect = {
  id: true,
  axisId: true,
  closedOn: true,
  ...ficheRecordSelect,
  objectives: { ...ficheRecordSelect.objectives, select: { id: true, ...ficheRecordSelect.objectives.select } },
} satisfies Prisma.FicheActionSelect;

/** A commitment with both its sides: what the fiche's form says of it and the partner's report. */
export const snapshotCommitmentSelect = {
  id: true,
  ficheId: true,
  objectiveId: true,
  organisationId: true,
  organisation: { select: { name: true } },
  description: true,
  ...commitmentReportSelect,
  reportedAt: true,
} satisfies Prisma.CommitmentSelect;

/** A measurement as the snapshot keeps it (measurements have no catalogue: their columns are the record). */
export const snapshotMeasurementSelect = {
  measuredOn: true,
  value: true,
  numerator: true,
  denominator: true,
  source: true,
  comment: true,
} satisfies Prisma.MeasurementSelect;

export const snapshotIndicatorSelect = {
  id: true,
  ficheId: true,
  objectiveId: true,
  ownerId: true,
  owner: { select: { name: true } },
  ...indicatorRecordSelect,
  measurements: { orderBy: { measuredOn: "asc" }, select: snapshotMeasurementSelect },
} satisfies Prisma.IndicatorSelect;

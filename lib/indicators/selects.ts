// Select fragments shared by the reads of indicators.
import type { Prisma } from "@/lib/db/generated/client";

/** A fiche's indicators outside the trash, in the order they were added. */
export const listedIndicators = { where: { deletedAt: null }, orderBy: { createdAt: "asc" } } satisfies Prisma.FicheAction$indicatorsArgs;

/** Everything the indicator catalogue (./schema.ts) reads: its definition, from baseline to target. */
export const indicatorRecordSelect = {
  name: true,
  level: true,
  unit: true,
  direction: true,
  baselineValue: true,
  baselineOn: true,
  targetValue: true,
  targetOn: true,
  frequency: true,
  dataSource: true,
} satisfies Prisma.IndicatorSelect;

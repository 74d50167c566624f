// The content of a contract snapshot, as stored in ContractSnapshot.content and read back: each
// record's catalogue fields under their API names (`values`, as stored) and as history shows
// them (`shown`, readable), with the ids and structure that tie them together.
import { z } from "zod";
import { evaluationContentSchema } from "@/lib/evaluations/schema";

/** Raised when what `content` holds changes shape; a reader of an older version knows it by this. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const jsonValues = z.record(z.string(), z.json());
const shownValues = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const frozenRecord = z.object({ id: z.uuid(), values: jsonValues, shown: shownValues });

const commitment = frozenRecord.extend({ organisationId: z.uuid(), organisation: z.string() });

const indicator = frozenRecord.extend({
  objectiveId: z.uuid().nullable(),
  owner: z.string().nullable(),
  measurements: z.array(jsonValues),
});

const fiche = frozenRecord.extend({
  axisId: z.uuid(),
  /** The day a signed amendment closed the fiche (yyyy-mm-dd); absent from snapshots taken before amendments existed. */
  closedOn: z.string().nullable().optional(),
  objectives: z.array(frozenRecord.extend({ commitments: z.array(commitment) })),
  /** Commitments to the whole fiche rather than to one of its objectives. */
  commitments: z.array(commitment),
  indicators: z.array(indicator),
});

export const contractSnapshotContentSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  contract: frozenRecord,
  axes: z.array(
    z.object({
      id: z.uuid(),
      position: z.number(),
      number: z.number().nullable(),
      title: z.string(),
      description: z.string().nullable(),
      isTransversal: z.boolean(),
    }),
  ),
  fiches: z.array(fiche),
  /** A closed campaign's evaluation (assessments, budget spent, contributions, meetings), frozen with the content. */
  evaluation: evaluationContentSchema.optional(),
});

export type ContractSnapshotContent = z.infer<typeof contractSnapshotContentSchema>;
export type FrozenFiche = ContractSnapshotContent["fiches"][number];

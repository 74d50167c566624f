// The public version of a fiche, cut from its publication snapshot by the field catalogues: only
// fields marked `publicPage`, less those the coordinator withheld. Every public channel reads
// this content (lib/publication/queries.ts), so a field is public or not in one place.
import { z } from "zod";
import type { Catalogue, FrozenValue, HistoryValue } from "@/lib/catalogue";
import { COMMITMENT_FIELDS, FICHE_FIELDS, OBJECTIVE_FIELDS } from "@/lib/fiches/schema";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import type { FrozenFiche } from "@/lib/snapshots/schema";

const values = z.record(z.string(), z.json());
const shown = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const publicFicheContentSchema = z.object({
  values,
  shown,
  objectives: z.array(z.object({ id: z.uuid(), values, commitments: z.array(z.object({ organisation: z.string(), values })) })),
  /** Commitments to the whole fiche rather than to one of its objectives. */
  commitments: z.array(z.object({ organisation: z.string(), values })),
  indicators: z.array(
    z.object({
      id: z.uuid(),
      objectiveId: z.uuid().nullable(),
      values,
      measurements: z.array(z.object({ measuredOn: z.string(), value: z.string().nullable() })),
    }),
  ),
});
export type PublicFicheContent = z.infer<typeof publicFicheContentSchema>;

/** A frozen record's values and shown values, kept for the catalogue's public fields not withheld. */
function publicPart<Row>(
  catalogue: Catalogue<Row, never>,
  record: { values: Record<string, FrozenValue>; shown?: Record<string, HistoryValue> },
  withheld: readonly string[] = [],
) {
  const fields = Object.entries(catalogue).filter(([name, field]) => field.publicPage && !withheld.includes(name));
  const apiNames = new Set(fields.map(([, field]) => field.api));
  const historyKeys = new Set(fields.flatMap(([, field]) => (field.history ? [field.history.key] : [])));
  return {
    values: Object.fromEntries(Object.entries(record.values).filter(([key]) => apiNames.has(key))),
    shown: Object.fromEntries(Object.entries(record.shown ?? {}).filter(([key]) => historyKeys.has(key))),
  };
}

const publicCommitment = (commitment: FrozenFiche["commitments"][number]) => ({
  organisation: commitment.organisation,
  values: publicPart(COMMITMENT_FIELDS, commitment).values,
});

/** What the public may read of a frozen fiche, its `withheld` fields left out. */
export function publicFicheContent(fiche: FrozenFiche, withheld: readonly string[]): PublicFicheContent {
  const { values: ficheValues, shown: ficheShown } = publicPart(FICHE_FIELDS, fiche, withheld);
  return {
    values: ficheValues,
    shown: ficheShown,
    objectives: fiche.objectives.map((objective) => ({
      id: objective.id,
      values: publicPart(OBJECTIVE_FIELDS, objective).values,
      commitments: objective.commitments.map(publicCommitment),
    })),
    commitments: fiche.commitments.map(publicCommitment),
    indicators: fiche.indicators.map((indicator) => ({
      id: indicator.id,
      objectiveId: indicator.objectiveId,
      values: publicPart(INDICATOR_FIELDS, indicator).values,
      // A measurement's day and value: its source and comment are the team's notes.
      measurements: indicator.measurements.map((measurement) => ({
        measuredOn: String(measurement.measuredOn),
        value: measurement.value === null ? null : String(measurement.value),
      })),
    })),
  };
}

/** What filters select published fiches by (the open data API's theme, determinant, PRS objective), copied into PublicFiche's own columns. */
export function publicFicheFacets(content: PublicFicheContent) {
  const words = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
  const { themes, determinants, prs_objective: prsObjective } = content.values;
  return { themes: words(themes), determinants: words(determinants), prsObjective: typeof prsObjective === "string" ? prsObjective : null };
}

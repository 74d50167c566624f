// What a fiche carried over to the next contract holds: its fields walked from the field
// catalogues (FICHE_FIELDS, OBJECTIVE_FIELDS, COMMITMENT_FIELDS through the form's values), so a
// field added to a catalogue is carried without touching this file, except the fields that
// describe the ending contract's period, which start afresh as a new fiche's.
import { formValuesOf, type Catalogue } from "@/lib/catalogue";
import { ficheFormValues, type ficheFormSelect } from "@/lib/fiches/queries";
import { FICHE_FIELDS, ficheFieldsSchema, OBJECTIVE_FIELDS, type FicheFieldName, type FicheFields } from "@/lib/fiches/schema";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The fiche's fields that belong to the ending contract's period, reset to a new fiche's value:
 * its status and progress, its schedule (dates, dated milestones), its budget (the funders' amounts
 * for those years) and the findings it answers (the ending contract's diagnosis; the next contract
 * has its own). Indicators are not fields of the fiche and are not carried: their baselines and
 * targets are dated for the ending period, and their measurements stay readable on the earlier
 * fiche, which the new one links to.
 */
export const FICHE_PERIOD_FIELDS = [
  "status",
  "progress",
  "startsOn",
  "endsOn",
  "milestones",
  "budgetLines",
  "findingIds",
] as const satisfies readonly FicheFieldName[];

/** An objective's fields that belong to the ending period: what was reached, and by when. */
export const OBJECTIVE_PERIOD_FIELDS = ["status", "progress", "dueOn"] as const satisfies ReadonlyArray<keyof typeof OBJECTIVE_FIELDS>;

type FormValues = Record<string, unknown>;

/** A new record's form value for each named field: its input's initial text, or no rows for a list. */
function freshValues<C extends Catalogue<never, never>>(catalogue: C, names: ReadonlyArray<keyof C & string>): FormValues {
  const initial: FormValues = formValuesOf(catalogue, null);
  return Object.fromEntries(names.map((name) => [name, catalogue[name].input ? initial[name] : []]));
}

const FRESH_FICHE = freshValues(FICHE_FIELDS, FICHE_PERIOD_FIELDS);
const FRESH_OBJECTIVE = freshValues(OBJECTIVE_FIELDS, OBJECTIVE_PERIOD_FIELDS);

export type CarriedFiche = Prisma.FicheActionGetPayload<{ select: typeof ficheFormSelect }>;

/**
 * The new fiche's input, as its form would send it, checked by the form's own schema: the earlier
 * fiche's values in the new contract's axis and numbering, continuing the earlier fiche.
 * `error` names what the earlier fiche holds that the form no longer accepts.
 */
export function carriedFicheInput(
  fiche: CarriedFiche,
  place: { axisId: string; number: number },
): { input: FicheFields } | { error: string } {
  const values = ficheFormValues(fiche, { axisId: place.axisId });
  const parsed = ficheFieldsSchema.safeParse({
    ...values,
    ...FRESH_FICHE,
    axisId: place.axisId,
    number: String(place.number),
    continuesFicheId: fiche.id,
    // New objectives (no ids of the earlier fiche's), their progress afresh.
    objectives: values.objectives.map((objective) => ({ ...objective, id: "", ...FRESH_OBJECTIVE })),
  });
  if (parsed.success) return { input: parsed.data };
  return { error: parsed.error.issues[0]?.message ?? "Valeur invalide." };
}

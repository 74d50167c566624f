// What an amendment changed, read between two contents of the one snapshot mechanism
// (lib/snapshots): the contract before it and the contract it signed (or the live contract, read
// by the same function, while it is a draft). Fiches added, closed, removed, and changed field by
// field as history shows each field; the contract's own fields likewise. Follow-up (a fiche's
// status and progress, its objectives' progress) moves between amendments by itself: it is not
// what an amendment changes, and is left out.
import { z } from "zod";
import { formatDate } from "@/lib/format";
import type { HistoryValue } from "@/lib/catalogue";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import type { ContractSnapshotContent, FrozenFiche } from "@/lib/snapshots/schema";

export type FicheRef = { id: string; number: number; title: string };
export type FieldChange = { key: string; label: string; before: HistoryValue; after: HistoryValue };
export type ChangedFiche = FicheRef & { changes: FieldChange[] };
export type ContractDiff = {
  /** Changes of the contract's own fields (its end, its title…). */
  contract: FieldChange[];
  added: FicheRef[];
  changed: ChangedFiche[];
  closed: Array<FicheRef & { closedOn: string | null }>;
  /** Fiches moved to the trash meanwhile: no longer in the contract, though no amendment closed them. */
  removed: FicheRef[];
};

/** A fiche's or a contract's catalogue field as the diff compares it, with what the public may see of it. */
type Compared = { key: string; label: string; field: string; publicPage: boolean; confidential: boolean };

/** Follow-up, not content: what the team reports as the contract runs. */
const FOLLOW_UP_FICHE_KEYS = new Set(["ficheStatus", "progress", "objectives"]);
const FOLLOW_UP_CONTRACT_KEYS = new Set(["status", "visibility"]);

function comparedFields(catalogue: typeof FICHE_FIELDS | typeof CONTRACT_FIELDS, followUp: ReadonlySet<string>): Compared[] {
  return Object.entries(catalogue).flatMap(([field, entry]) =>
    entry.history && !followUp.has(entry.history.key)
      ? [{ key: entry.history.key, label: entry.label, field, publicPage: entry.publicPage, confidential: entry.confidential }]
      : [],
  );
}

const FICHE_COMPARED: Compared[] = [
  ...comparedFields(FICHE_FIELDS, FOLLOW_UP_FICHE_KEYS),
  // Objectives and indicators as lines of their own, without their progress.
  { key: "objectivesPlanned", label: "Objectifs opérationnels", field: "objectives", publicPage: true, confidential: false },
  { key: "indicatorsPlanned", label: "Indicateurs", field: "indicators", publicPage: true, confidential: false },
];
const CONTRACT_COMPARED = comparedFields(CONTRACT_FIELDS, FOLLOW_UP_CONTRACT_KEYS);

const text = (value: unknown) => (value === null || value === undefined || value === "" ? null : String(value));
const day = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(new Date(value)) : null);

/** A fiche's objectives as planned: title, due date and partners' commitments, one a line. */
function plannedObjectives(fiche: FrozenFiche): string | null {
  const lines = fiche.objectives.map((objective, index) => {
    const due = day(objective.values.due_on);
    const commitments = objective.commitments.map(
      (commitment) => `\n   ${commitment.organisation}\u00a0: ${text(commitment.values.description) ?? ""}`,
    );
    return `${index + 1}. ${text(objective.values.title) ?? ""}${due ? `, échéance ${due}` : ""}${commitments.join("")}`;
  });
  return lines.join("\n") || null;
}

/** A fiche's indicators as planned: name, target and its date, one a line. */
function plannedIndicators(fiche: FrozenFiche): string | null {
  const lines = fiche.indicators.map((indicator) => {
    const target = text(indicator.values.target_value);
    const unit = text(indicator.values.unit);
    const on = day(indicator.values.target_on);
    return `${text(indicator.values.name) ?? ""}${target ? `, cible ${target}${unit ? `\u00a0${unit}` : ""}` : ""}${on ? ` au ${on}` : ""}`;
  });
  return lines.join("\n") || null;
}

function ficheValue(fiche: FrozenFiche, key: string): HistoryValue {
  if (key === "objectivesPlanned") return plannedObjectives(fiche);
  if (key === "indicatorsPlanned") return plannedIndicators(fiche);
  return fiche.shown[key] ?? null;
}

export const ficheRef = (fiche: FrozenFiche): FicheRef => ({
  id: fiche.id,
  number: Number(fiche.values.number),
  title: text(fiche.values.title) ?? "",
});

/** Changes of the compared fields from one record to the other. */
function fieldChanges(compared: readonly Compared[], before: (key: string) => HistoryValue, after: (key: string) => HistoryValue) {
  // An empty text or list is nothing, as it is on either side.
  const value = (shown: HistoryValue | undefined) => (shown === "" || shown === undefined ? null : shown);
  return compared.flatMap(({ key, label }) => {
    const [was, is] = [value(before(key)), value(after(key))];
    return was === is ? [] : [{ key, label, before: was, after: is }];
  });
}

/** The differences from `before` to `after`, fiches in their number's order. */
export function diffContents(before: ContractSnapshotContent, after: ContractSnapshotContent): ContractDiff {
  const was = new Map(before.fiches.map((fiche) => [fiche.id, fiche]));
  const is = new Set(after.fiches.map((fiche) => fiche.id));
  const diff: ContractDiff = {
    contract: fieldChanges(
      CONTRACT_COMPARED,
      (key) => before.contract.shown[key] ?? null,
      (key) => after.contract.shown[key] ?? null,
    ),
    added: [],
    changed: [],
    closed: [],
    removed: before.fiches.filter((fiche) => !is.has(fiche.id)).map(ficheRef),
  };
  for (const fiche of after.fiches) {
    const previous = was.get(fiche.id);
    if (!previous) {
      diff.added.push(ficheRef(fiche));
      continue;
    }
    if (fiche.closedOn && !previous.closedOn) diff.closed.push({ ...ficheRef(fiche), closedOn: fiche.closedOn });
    const changes = fieldChanges(
      FICHE_COMPARED,
      (key) => ficheValue(previous, key),
      (key) => ficheValue(fiche, key),
    );
    if (changes.length) diff.changed.push({ ...ficheRef(fiche), changes });
  }
  const byNumber = (a: FicheRef, b: FicheRef) => a.number - b.number;
  for (const list of [diff.added, diff.changed, diff.closed, diff.removed]) list.sort(byNumber);
  return diff;
}

const historyValue = z.union([z.string(), z.number(), z.null()]);
const ficheRefSchema = z.object({ id: z.uuid(), number: z.number().int(), title: z.string() });
const fieldChangeSchema = z.object({ key: z.string(), label: z.string(), before: historyValue, after: historyValue });

/** A diff as a signed amendment keeps it (Amendment.differences), read back. */
export const contractDiffSchema = z.object({
  contract: z.array(fieldChangeSchema),
  added: z.array(ficheRefSchema),
  changed: z.array(ficheRefSchema.extend({ changes: z.array(fieldChangeSchema) })),
  closed: z.array(ficheRefSchema.extend({ closedOn: z.string().nullable() })),
  removed: z.array(ficheRefSchema),
}) satisfies z.ZodType<ContractDiff>;

/** Whether the diff holds anything. */
export const isEmptyDiff = (diff: ContractDiff) =>
  !diff.contract.length && !diff.added.length && !diff.changed.length && !diff.closed.length && !diff.removed.length;

/** What a fiche's public page may show of it, by id (lib/publication): none for a confidential fiche. */
export type PublicFicheFacts = ReadonlyMap<string, { confidential: boolean; withheldFields: readonly string[] }>;

/**
 * The diff as the public may read it: no confidential fiche at all (nor one the public cannot
 * know), only the fields public pages show, less those each fiche withholds; removals are the
 * team's housekeeping and stay out.
 */
export function publicDiff(diff: ContractDiff, fiches: PublicFicheFacts): ContractDiff {
  const visible = (fiche: FicheRef) => fiches.get(fiche.id)?.confidential === false;
  const publicKeys = (withheld: readonly string[]) =>
    new Set(FICHE_COMPARED.filter((field) => field.publicPage && !withheld.includes(field.field)).map((field) => field.key));
  const contractKeys = new Set(CONTRACT_COMPARED.filter((field) => field.publicPage && !field.confidential).map((field) => field.key));
  return {
    contract: diff.contract.filter((change) => contractKeys.has(change.key)),
    added: diff.added.filter(visible),
    closed: diff.closed.filter(visible),
    changed: diff.changed.filter(visible).flatMap((fiche) => {
      const keys = publicKeys(fiches.get(fiche.id)?.withheldFields ?? []);
      const changes = fiche.changes.filter((change) => keys.has(change.key));
      return changes.length ? [{ ...fiche, changes }] : [];
    }),
    removed: [],
  };
}

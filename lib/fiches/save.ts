// What saving a fiche writes: its columns, walked from the field catalogue, and its lists
// (findings answered, partners, milestones, budget, objectives with commitments).
import { RefusedError } from "@/lib/actions/errors";
import type { Tx } from "@/lib/db/client";
import { FICHE_FIELD_LIST, type FICHE_FIELDS, type FicheFields } from "./schema";

type ScalarName = {
  [K in keyof typeof FICHE_FIELDS]: (typeof FICHE_FIELDS)[K]["scalar"] extends true ? K : never;
}[keyof typeof FICHE_FIELDS];
const COLUMNS = FICHE_FIELD_LIST.filter((field) => field.scalar && field.name !== "number").map((field) => field.name as ScalarName);

/** The fiche's own columns, as the catalogue's scalar fields (the number is set by the caller). */
export function ficheColumns(input: FicheFields): Omit<Pick<FicheFields, ScalarName>, "number"> {
  return Object.fromEntries(COLUMNS.map((name) => [name, input[name]])) as Omit<Pick<FicheFields, ScalarName>, "number">;
}

/** Replaces the fiche's lists; objectives keep their ids (indicators and commitments hang on them). */
export async function syncChildren(tx: Tx, ficheId: string, input: FicheFields) {
  await tx.ficheFinding.deleteMany({ where: { ficheId } });
  await tx.ficheFinding.createMany({ data: input.findingIds.map((findingId) => ({ ficheId, findingId })) });
  await tx.fichePartner.deleteMany({ where: { ficheId } });
  await tx.fichePartner.createMany({
    data: input.partners.map((partner) => ({ ficheId, organisationId: partner.organisationId, role: partner.role })),
  });
  await tx.milestone.deleteMany({ where: { ficheId } });
  await tx.milestone.createMany({ data: input.milestones.map((milestone) => ({ ficheId, ...milestone })) });
  await syncBudgetLines(tx, ficheId, input.budgetLines);

  const existing = await tx.operationalObjective.findMany({ where: { ficheId }, select: { id: true, deletedAt: true } });
  const active = new Set(existing.filter((objective) => !objective.deletedAt).map((objective) => objective.id));
  const keptIds = new Set(input.objectives.flatMap((objective) => (objective.id && active.has(objective.id) ? [objective.id] : [])));
  const now = new Date();
  // Objectives removed from the form go to the trash, recoverable for 30 days.
  await tx.operationalObjective.updateMany({
    where: { ficheId, deletedAt: null, id: { notIn: [...keptIds] } },
    data: { deletedAt: now, version: { increment: 1 } },
  });
  // (ficheId, position) is unique, trashed objectives included: make room, then number in order.
  await tx.operationalObjective.updateMany({ where: { ficheId }, data: { position: { increment: 100_000 } } });
  for (const [index, objective] of input.objectives.entries()) {
    const data = {
      position: index + 1,
      title: objective.title,
      description: objective.description,
      dueOn: objective.dueOn,
      status: objective.status,
      progress: objective.progress,
      weight: objective.weight,
    };
    const id =
      objective.id && keptIds.has(objective.id)
        ? objective.id
        : (await tx.operationalObjective.create({ data: { ...data, ficheId }, select: { id: true } })).id;
    if (objective.id && keptIds.has(objective.id))
      await tx.operationalObjective.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    // Commitments keep what partners reported (status, progress, comment): upsert by organisation.
    await tx.commitment.deleteMany({
      where: { objectiveId: id, organisationId: { notIn: objective.commitments.map((commitment) => commitment.organisationId) } },
    });
    for (const commitment of objective.commitments) {
      await tx.commitment.upsert({
        where: { objectiveId_organisationId: { objectiveId: id, organisationId: commitment.organisationId } },
        create: { objectiveId: id, organisationId: commitment.organisationId, description: commitment.description },
        update: { description: commitment.description },
      });
    }
  }
}

export const SPENT_LINE_MESSAGE =
  "Une ligne de budget retirée porte des dépenses d’une évaluation close, dont les chiffres ne changent plus\u00a0: elle ne peut pas être retirée. Rechargez la page pour la retrouver.";

/**
 * Budget lines keep their ids (their row's hidden id, when it is one of this fiche's lines): an
 * assessment records what was spent of each, and a line removed takes its spending with it. A
 * line that holds spending of a closed campaign cannot be removed: that campaign is frozen.
 */
async function syncBudgetLines(tx: Tx, ficheId: string, rows: FicheFields["budgetLines"]) {
  const known = new Set((await tx.budgetLine.findMany({ where: { ficheId }, select: { id: true } })).map((line) => line.id));
  const kept = new Set<string>();
  const lines = rows.map(({ id, ...line }) => {
    // A repeated id names its line once: the other rows are new lines.
    const keep = id !== undefined && known.has(id) && !kept.has(id);
    if (keep) kept.add(id);
    return { id: keep ? id : undefined, line };
  });
  const removed = [...known].filter((id) => !kept.has(id));
  if (
    removed.length &&
    (await tx.assessmentSpending.count({ where: { budgetLineId: { in: removed }, assessment: { campaign: { status: "closed" } } } }))
  )
    throw new RefusedError(SPENT_LINE_MESSAGE);
  await tx.budgetLine.deleteMany({ where: { ficheId, id: { in: removed } } });
  for (const { id, line } of lines) {
    if (id) await tx.budgetLine.update({ where: { id }, data: line });
    else await tx.budgetLine.create({ data: { ficheId, ...line }, select: { id: true } });
  }
}

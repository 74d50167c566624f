// What saving a fiche writes: its columns, walked from the field catalogue, and its lists
// (findings answered, partners, milestones, budget, objectives with commitments).
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
  await tx.budgetLine.deleteMany({ where: { ficheId } });
  await tx.budgetLine.createMany({ data: input.budgetLines.map((line) => ({ ficheId, ...line })) });

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

// Fiches actions as one unit: the fiche, its partners, schedule, budget, findings answered,
// objectives and commitments are saved together under the fiche's version, with one audit
// event. Deleting is a soft delete the coordinator can undo for 30 days (see ./trash.ts).
import { NotFoundError, can, type Actor, type Resource } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { saveVersioned } from "@/lib/audit/history";
import { recordAudit } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import { contractResource } from "@/lib/contracts/mutations";
import type { Db } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import type { Prisma } from "@/lib/db/generated/client";
import { GEOGRAPHIC_SCOPE_LABELS, PRIORITY_LABELS, PROGRESS_STATUS_LABELS } from "./labels";
import { createFicheSchema, ficheRefSchema, updateFicheSchema, type FicheFields } from "./schema";

type Tx = Prisma.TransactionClient;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const euros = (amount: { toString(): string }) =>
  `${Number(amount.toString()).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`;

/** The scope keys of a fiche: its territory, region and pilot (a contributor edits the fiches they pilot). */
export async function ficheResource(db: Db, ficheId: string) {
  const fiche = await db.ficheAction.findUnique({
    where: { id: ficheId },
    select: { pilotUserId: true, contract: { select: { territory: { select: { id: true, regionId: true } } } } },
  });
  if (!fiche) throw new NotFoundError();
  return { territoryId: fiche.contract.territory.id, regionId: fiche.contract.territory.regionId, pilotUserId: fiche.pilotUserId };
}

const snapshotSelect = {
  number: true,
  title: true,
  axis: { select: { title: true } },
  context: true,
  generalObjective: true,
  description: true,
  targetPublic: true,
  vulnerableGroups: true,
  geographicScope: true,
  geographicScopeDetail: true,
  pilotOrganisation: { select: { name: true } },
  pilotContactName: true,
  pilotContactEmail: true,
  pilotUser: { select: { email: true } },
  startsOn: true,
  endsOn: true,
  prsObjective: true,
  determinants: true,
  themes: true,
  status: true,
  progress: true,
  priority: true,
  weight: true,
  continuesFiche: { select: { number: true, title: true } },
  findings: { select: { finding: { select: { position: true, text: true } } } },
  partners: { select: { organisation: { select: { name: true } }, role: true } },
  milestones: { orderBy: [{ dueOn: "asc" }, { title: "asc" }], select: { title: true, dueOn: true, doneOn: true } },
  budgetLines: {
    orderBy: { createdAt: "asc" },
    select: { funder: { select: { name: true } }, funderLabel: true, fundingInstrument: true, year: true, amount: true },
  },
  objectives: {
    where: { deletedAt: null },
    orderBy: { position: "asc" },
    select: {
      title: true,
      dueOn: true,
      status: true,
      progress: true,
      commitments: { select: { organisation: { select: { name: true } }, description: true } },
    },
  },
} satisfies Prisma.FicheActionSelect;

/** The fiche as its history shows it: readable values, lists as lines. */
export async function ficheSnapshot(tx: Tx, ficheId: string) {
  const fiche = await tx.ficheAction.findUniqueOrThrow({ relationLoadStrategy: "join", where: { id: ficheId }, select: snapshotSelect });
  const lines = (items: string[]) => items.join("\n");
  return {
    number: fiche.number,
    title: fiche.title,
    axis: fiche.axis.title,
    context: fiche.context,
    generalObjective: fiche.generalObjective,
    description: fiche.description,
    targetPublic: fiche.targetPublic,
    vulnerableGroups: fiche.vulnerableGroups,
    geographicScope: GEOGRAPHIC_SCOPE_LABELS[fiche.geographicScope],
    geographicScopeDetail: fiche.geographicScopeDetail,
    pilotOrganisation: fiche.pilotOrganisation?.name ?? null,
    pilotContactName: fiche.pilotContactName,
    pilotContactEmail: fiche.pilotContactEmail,
    pilotUser: fiche.pilotUser?.email ?? null,
    startsOn: day(fiche.startsOn),
    endsOn: day(fiche.endsOn),
    prsObjective: fiche.prsObjective,
    determinants: lines(fiche.determinants),
    themes: fiche.themes.join(", "),
    ficheStatus: PROGRESS_STATUS_LABELS[fiche.status],
    progress: `${fiche.progress}\u00a0%`,
    priority: fiche.priority ? PRIORITY_LABELS[fiche.priority] : null,
    weight: fiche.weight,
    continuesFiche: fiche.continuesFiche ? `n°\u00a0${fiche.continuesFiche.number} ${fiche.continuesFiche.title}` : null,
    findingsAnswered: lines(
      fiche.findings
        .map(({ finding }) => finding)
        .sort((a, b) => a.position - b.position)
        .map((finding) => finding.text),
    ),
    partners: lines(fiche.partners.map((partner) => partner.organisation.name + (partner.role ? ` (${partner.role})` : "")).sort()),
    milestones: lines(
      fiche.milestones.map(
        (milestone) => `${milestone.title}${milestone.dueOn ? ` – ${day(milestone.dueOn)}` : ""}${milestone.doneOn ? " (faite)" : ""}`,
      ),
    ),
    budgetLines: lines(
      fiche.budgetLines.map(
        (line) =>
          `${line.funder?.name ?? line.funderLabel}${line.fundingInstrument ? ` (${line.fundingInstrument})` : ""}${line.year ? ` ${line.year}` : ""} : ${euros(line.amount)}`,
      ),
    ),
    objectives: lines(
      fiche.objectives.map(
        (objective, index) =>
          `${index + 1}. ${objective.title} – ${PROGRESS_STATUS_LABELS[objective.status]}, ${objective.progress}\u00a0%${objective.dueOn ? `, échéance ${day(objective.dueOn)}` : ""}` +
          objective.commitments.map((commitment) => `\n   ${commitment.organisation.name} : ${commitment.description}`).join(""),
      ),
    ),
  };
}

/**
 * Every id the form sends must belong where it claims: the axis and findings to this contract,
 * the pilot user to this territory, the continued fiche to the previous contract, organisations
 * to the platform. Answers the first mistake at its field.
 */
async function checkReferences(db: Db, contractId: string, input: FicheFields): Promise<ActionResult<never> | null> {
  const contract = await db.contract.findUniqueOrThrow({
    relationLoadStrategy: "join",
    where: { id: contractId },
    select: {
      previousContractId: true,
      territoryId: true,
      axes: { select: { id: true } },
      findings: { select: { id: true } },
    },
  });
  if (!contract.axes.some((axis) => axis.id === input.axisId)) return fieldError("axisId", "Choisissez un axe de ce contrat.");
  const findings = new Set(contract.findings.map((finding) => finding.id));
  if (input.findingIds.some((id) => !findings.has(id)))
    return fieldError("findingIds", "Choisissez des constats du diagnostic de ce contrat.");
  if (
    input.pilotUserId &&
    !(await db.membership.findFirst({ where: { userId: input.pilotUserId, territoryId: contract.territoryId }, select: { id: true } }))
  )
    return fieldError("pilotUserId", "Choisissez une personne membre du territoire.");
  if (
    input.continuesFicheId &&
    !(
      contract.previousContractId &&
      (await db.ficheAction.findFirst({
        where: { id: input.continuesFicheId, contractId: contract.previousContractId },
        select: { id: true },
      }))
    )
  )
    return fieldError("continuesFicheId", "Choisissez une fiche du contrat précédent.");
  const organisationFields: Array<[string, string | null]> = [
    ["pilotOrganisationId", input.pilotOrganisationId],
    ...input.partners.map((partner, index): [string, string] => [`partners.${index}.organisationId`, partner.organisationId]),
    ...input.budgetLines.map((line, index): [string, string | null] => [`budgetLines.${index}.funderId`, line.funderId]),
    ...input.objectives.flatMap((objective, index) =>
      objective.commitments.map((commitment, row): [string, string] => [
        `objectives.${index}.commitments.${row}.organisationId`,
        commitment.organisationId,
      ]),
    ),
  ];
  const ids = [...new Set(organisationFields.flatMap(([, id]) => (id ? [id] : [])))];
  const known = new Set(
    (await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((organisation) => organisation.id),
  );
  const unknown = organisationFields.find(([, id]) => id && !known.has(id));
  return unknown ? fieldError(unknown[0], "Cette organisation n’existe pas.") : null;
}

function scalarData(input: FicheFields) {
  return {
    axisId: input.axisId,
    title: input.title,
    context: input.context,
    generalObjective: input.generalObjective,
    description: input.description,
    targetPublic: input.targetPublic,
    vulnerableGroups: input.vulnerableGroups,
    geographicScope: input.geographicScope,
    geographicScopeDetail: input.geographicScopeDetail,
    pilotOrganisationId: input.pilotOrganisationId,
    pilotContactName: input.pilotContactName,
    pilotContactEmail: input.pilotContactEmail,
    pilotUserId: input.pilotUserId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    prsObjective: input.prsObjective,
    determinants: input.determinants,
    themes: input.themes,
    status: input.status,
    progress: input.progress,
    priority: input.priority,
    weight: input.weight,
    continuesFicheId: input.continuesFicheId,
  };
}

/** Replaces the fiche's lists; objectives keep their ids (indicators and commitments hang on them). */
async function syncChildren(tx: Tx, ficheId: string, input: FicheFields) {
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

const duplicateNumber = (error: unknown) => uniqueViolationTarget(error)?.includes("number") ?? false;
const NUMBER_TAKEN = "Ce numéro est déjà celui d’une autre fiche de ce contrat (corbeille comprise).";

export const createFiche = defineAction({
  name: "fiche.create",
  operation: "contract.edit",
  input: createFicheSchema,
  resource: (db, input) => contractResource(db, input.contractId),
  async run(context: ActionContext, input, { territoryId = null }) {
    const refusal = await checkReferences(context.db, input.contractId, input);
    if (refusal) return refusal;
    try {
      const fiche = await context.db.$transaction(async (tx) => {
        await lockContract(tx, input.contractId);
        const number =
          input.number ??
          ((await tx.ficheAction.aggregate({ where: { contractId: input.contractId }, _max: { number: true } }))._max.number ?? 0) + 1;
        const created = await tx.ficheAction.create({
          data: { ...scalarData(input), contractId: input.contractId, number },
          select: { id: true },
        });
        await syncChildren(tx, created.id, input);
        await recordAudit(tx, context, {
          action: "fiche.create",
          entityType: "FicheAction",
          entityId: created.id,
          entityLabel: `Fiche n°\u00a0${number} ${input.title}`,
          territoryId,
          after: await ficheSnapshot(tx, created.id),
        });
        return created;
      });
      return ok({ ficheId: fiche.id }, "La fiche action est créée.");
    } catch (error) {
      if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
      throw error;
    }
  },
});

/** Who may change a fiche's place in the contract (axis, number) and its pilot account. */
const mayRestructure = (actor: Actor, resource: Resource) =>
  can(actor, "contract.edit", { territoryId: resource.territoryId, regionId: resource.regionId });

export const updateFiche = defineAction({
  name: "fiche.update",
  operation: "fiche.edit",
  input: updateFicheSchema,
  resource: (db, input) => ficheResource(db, input.ficheId),
  async run(context, input, resource) {
    const current = await context.db.ficheAction.findFirst({
      where: { id: input.ficheId, deletedAt: null },
      select: { contractId: true, axisId: true, number: true, pilotUserId: true },
    });
    if (!current) throw new NotFoundError();
    // A contributor edits the content of the fiches they pilot, not their place or pilot account.
    const fields: FicheFields = mayRestructure(context.actor, resource)
      ? input
      : { ...input, axisId: current.axisId, number: current.number, pilotUserId: current.pilotUserId };
    const refusal = await checkReferences(context.db, current.contractId, fields);
    if (refusal) return refusal;
    const versioned = {
      entityType: "FicheAction",
      entityId: input.ficheId,
      baseVersion: input.version,
      currentVersion: async () =>
        (await context.db.ficheAction.findUniqueOrThrow({ where: { id: input.ficheId }, select: { version: true } })).version,
    };
    try {
      await saveVersioned(context.db, versioned, () =>
        context.db.$transaction(async (tx) => {
          const before = await ficheSnapshot(tx, input.ficheId);
          const { count } = await tx.ficheAction.updateMany({
            where: { id: input.ficheId, version: input.version, deletedAt: null },
            data: { ...scalarData(fields), number: fields.number ?? current.number, version: { increment: 1 } },
          });
          if (count === 0) throw new ConflictError();
          await syncChildren(tx, input.ficheId, fields);
          await recordAudit(tx, context, {
            action: "fiche.update",
            entityType: "FicheAction",
            entityId: input.ficheId,
            entityLabel: `Fiche n°\u00a0${fields.number ?? current.number} ${fields.title}`,
            territoryId: resource.territoryId ?? null,
            before,
            after: await ficheSnapshot(tx, input.ficheId),
          });
        }),
      );
    } catch (error) {
      if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
      throw error;
    }
    return ok({ ficheId: input.ficheId }, "Fiche enregistrée.");
  },
});

export const deleteFiche = defineAction({
  name: "fiche.delete",
  operation: "contract.edit",
  input: ficheRefSchema,
  resource: (db, input) => ficheResource(db, input.ficheId),
  async run(context, input, { territoryId = null }) {
    const fiche = await context.db.ficheAction.findUniqueOrThrow({ where: { id: input.ficheId }, select: { number: true, title: true } });
    await context.db.$transaction(async (tx) => {
      const deletedAt = new Date();
      const { count } = await tx.ficheAction.updateMany({
        where: { id: input.ficheId, version: input.version, deletedAt: null },
        data: { deletedAt, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      await recordAudit(tx, context, {
        action: "fiche.delete",
        entityType: "FicheAction",
        entityId: input.ficheId,
        entityLabel: `Fiche n°\u00a0${fiche.number} ${fiche.title}`,
        territoryId,
        before: { deletedAt: null },
        after: { deletedAt },
      });
    });
    return ok(null, `La fiche n°\u00a0${fiche.number} est dans la corbeille pour 30\u00a0jours.`);
  },
});

// The fiche's pages' reads: for the form, one query for the fiche with everything it shows
// (objectives, commitments, partners, budget, the contract's axes, findings and members); for its
// indicators, one for them and their latest measurements; each with one for the organisations to
// pick from, however large the fiche.
import { assertCan, grantsOf, NotFoundError, type Actor } from "@/lib/authz";
import { todayInParis } from "@/lib/due/schedule";
import { contractDueSelect, dueItemsOfFiche, ficheDueSelect } from "@/lib/due/selects";
import { pageWindow } from "@/lib/params/list-params";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { listChangesOf } from "@/lib/audit/history";
import { formValuesOf } from "@/lib/catalogue";
import { organisationChoices } from "@/lib/organisations/queries";
import { getEditableContract } from "@/lib/contracts/queries";
import { contractFindingsSelect, territoryKeysSelect } from "@/lib/contracts/selects";
import { dateInputValue } from "@/lib/validation/fields";
import { indicatorRecordSelect, listedIndicators } from "@/lib/indicators/selects";
import { COMMITMENT_FIELDS, FICHE_FIELDS, OBJECTIVE_FIELDS } from "./schema";
import { budgetLinesSelect, ficheValuesSelect, listedFiches, milestonesSelect, objectivesSelect } from "./selects";
import { territoryResource, type TerritoryScope } from "@/lib/workspaces/resource";
import { byPrsOrder, prsObjectiveName } from "@/lib/prs-objectives/labels";

/** Measurements of an indicator the fiche page shows: the latest. */
export const MEASUREMENTS_SHOWN = 12;

const contractContextSelect = {
  id: true,
  title: true,
  generation: true,
  visibility: true,
  territory: {
    select: {
      ...territoryKeysSelect,
      memberships: {
        where: { role: { in: ["coordinator", "contributor"] } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
      region: { select: { prsObjectives: { select: { id: true, code: true, label: true, archivedAt: true } } } },
    },
  },
  axes: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, isTransversal: true } },
  findings: contractFindingsSelect,
  previousContract: { select: { title: true, fiches: { ...listedFiches, select: { id: true, number: true, title: true } } } },
} satisfies Prisma.ContractSelect;

type ContractContext = Prisma.ContractGetPayload<{ select: typeof contractContextSelect }>;

/** What the form's values are read from (`ficheFormValues`): the catalogue's fields, lists included. */
export const ficheFormSelect = {
  id: true,
  ...ficheValuesSelect,
  axisId: true,
  pilotOrganisationId: true,
  pilotUserId: true,
  continuesFicheId: true,
  prsObjectiveId: true,
  updatedAt: true,
  findings: { select: { findingId: true } },
  partners: { orderBy: { createdAt: "asc" }, select: { organisationId: true, role: true } },
  milestones: milestonesSelect,
  budgetLines: { ...budgetLinesSelect, select: { id: true, funderId: true, ...budgetLinesSelect.select } },
  objectives: {
    ...objectivesSelect,
    select: {
      id: true,
      ...objectivesSelect.select,
      commitments: { orderBy: { createdAt: "asc" }, select: { organisationId: true, description: true } },
    },
  },
} satisfies Prisma.FicheActionSelect;

type FicheFormRecord = Prisma.FicheActionGetPayload<{ select: typeof ficheFormSelect }>;

const ficheSelect = {
  ...ficheFormSelect,
  version: true,
  // Closed by a signed amendment: the page shows the fiche without its form (lib/amendments).
  closedOn: true,
  closedByAmendment: { select: { number: true } },
  confidential: true,
  withheldFields: true,
  publicVersion: { select: { version: true, publishedAt: true } },
  _count: { select: { indicators: { where: listedIndicators.where } } },
  contract: { select: contractContextSelect },
} satisfies Prisma.FicheActionSelect;

export type FicheForEdit = Prisma.FicheActionGetPayload<{ select: typeof ficheSelect }>;

const text = (value: string | number | null) => (value === null ? "" : String(value));
const amountText = (amount: { toString(): string }) =>
  Number(amount.toString())
    .toLocaleString("fr-FR", { maximumFractionDigits: 2 })
    .replace(/\u202f/g, " ");

/** The form's values: what the inputs show, as strings; a new fiche's start in the axis the page chose. */
export function ficheFormValues(fiche: FicheFormRecord | null, defaults: { axisId: string }) {
  return {
    ...formValuesOf(FICHE_FIELDS, fiche ?? defaults),
    themes: fiche?.themes ?? [],
    findingIds: fiche?.findings.map((finding) => finding.findingId) ?? [],
    partners: fiche?.partners.map((partner) => ({ organisationId: partner.organisationId, role: text(partner.role) })) ?? [],
    milestones:
      fiche?.milestones.map((milestone) => ({
        title: milestone.title,
        dueOn: dateInputValue(milestone.dueOn),
        doneOn: dateInputValue(milestone.doneOn),
      })) ?? [],
    budgetLines:
      fiche?.budgetLines.map((line) => ({
        id: line.id,
        funderId: line.funderId ?? "",
        funderLabel: text(line.funderLabel),
        fundingInstrument: text(line.fundingInstrument),
        year: text(line.year),
        amount: amountText(line.amount),
      })) ?? [],
    objectives:
      fiche?.objectives.map((objective) => ({
        id: objective.id,
        ...formValuesOf(OBJECTIVE_FIELDS, objective),
        commitments: objective.commitments.map((commitment) => formValuesOf(COMMITMENT_FIELDS, commitment)),
      })) ?? [],
  };
}

export type FicheFormValues = ReturnType<typeof ficheFormValues>;

/** What the form offers to choose from, taken from the contract; the region's archived PRS objectives only when the fiche names one. */
function choices(contract: ContractContext, prsObjectiveId: string | null = null) {
  return {
    prsObjectives: contract.territory.region.prsObjectives
      .filter((objective) => !objective.archivedAt || objective.id === prsObjectiveId)
      .sort(byPrsOrder)
      .map((objective) => ({ value: objective.id, label: prsObjectiveName(objective)! })),
    axes: contract.axes.map((axis) => ({
      value: axis.id,
      label: `${axis.number ? `Axe ${axis.number}` : "Axe transversal"} – ${axis.title}`,
    })),
    findings: contract.findings.map((finding) => ({ value: finding.id, label: finding.text })),
    members: contract.territory.memberships.map(({ user }) => ({
      value: user.id,
      label: user.name ? `${user.name} (${user.email})` : user.email,
    })),
    previousFiches:
      contract.previousContract?.fiches.map((fiche) => ({ value: fiche.id, label: `Fiche n°\u00a0${fiche.number} – ${fiche.title}` })) ??
      [],
  };
}

/** Every organisation the fiche form names: its pilot, partners, funders and committed partners. */
const organisationsNamedBy = (fiche: FicheForEdit) => [
  fiche.pilotOrganisationId,
  ...fiche.partners.map((partner) => partner.organisationId),
  ...fiche.budgetLines.map((line) => line.funderId),
  ...fiche.objectives.flatMap((objective) => objective.commitments.map((commitment) => commitment.organisationId)),
];

const resourceOf = (territory: TerritoryScope, pilotUserId: string | null = null) => ({ ...territoryResource(territory), pilotUserId });

type EditorKeys = { pilotUserId: string | null; contract: { territory: TerritoryScope } };

/** A fiche outside the trash, by its contract and territory, for an actor who may edit it; otherwise a NotFoundError. */
async function getEditableFiche<S extends Prisma.FicheActionSelect>(
  actor: Actor,
  { territorySlug, contractId, ficheId }: { territorySlug: string; contractId: string; ficheId: string },
  select: S,
): Promise<Prisma.FicheActionGetPayload<{ select: S }>> {
  const fiche = await getDb().ficheAction.findFirst({
    relationLoadStrategy: "join",
    where: { id: ficheId, contractId, deletedAt: null, contract: { territory: { slug: territorySlug } } },
    select,
  });
  if (!fiche) throw new NotFoundError();
  const { pilotUserId, contract } = fiche as unknown as EditorKeys;
  assertCan(actor, "fiche.edit", resourceOf(contract.territory, pilotUserId));
  return fiche as Prisma.FicheActionGetPayload<{ select: S }>;
}

export async function getFicheEditor(actor: Actor, territorySlug: string, contractId: string, ficheId: string) {
  const fiche = await getEditableFiche(actor, { territorySlug, contractId, ficheId }, ficheSelect);
  return {
    fiche,
    contract: fiche.contract,
    values: ficheFormValues(fiche, { axisId: fiche.axisId }),
    choices: choices(fiche.contract, fiche.prsObjectiveId),
    organisations: await organisationChoices(territorySlug, organisationsNamedBy(fiche)),
  };
}

/** A fiche's header, its tabs and its breadcrumb: what every page of the fiche shows. */
const ficheHeadingSelect = {
  id: true,
  number: true,
  title: true,
  pilotUserId: true,
  updatedAt: true,
  contract: { select: { id: true, title: true, territory: { select: territoryKeysSelect } } },
  _count: { select: { indicators: { where: listedIndicators.where } } },
} satisfies Prisma.FicheActionSelect;

const ficheIndicatorsSelect = {
  ...ficheHeadingSelect,
  objectives: { ...objectivesSelect, select: { id: true, title: true } },
  indicators: {
    ...listedIndicators,
    select: {
      id: true,
      version: true,
      ...indicatorRecordSelect,
      ownerId: true,
      objectiveId: true,
      // The latest ones only: an indicator measured monthly for years would make the page grow without end.
      measurements: {
        orderBy: { measuredOn: "desc" },
        take: MEASUREMENTS_SHOWN,
        select: { id: true, measuredOn: true, value: true, source: true, comment: true },
      },
      _count: { select: { measurements: true } },
    },
  },
} satisfies Prisma.FicheActionSelect;

export type FicheIndicator = Prisma.FicheActionGetPayload<{ select: typeof ficheIndicatorsSelect }>["indicators"][number];

/** The fiche's indicators page: its indicators with their latest measurements, its objectives and the organisations they name. */
export async function getFicheIndicators(actor: Actor, territorySlug: string, contractId: string, ficheId: string) {
  const fiche = await getEditableFiche(actor, { territorySlug, contractId, ficheId }, ficheIndicatorsSelect);
  return {
    fiche,
    contract: fiche.contract,
    organisations: await organisationChoices(
      territorySlug,
      fiche.indicators.map((indicator) => indicator.ownerId),
    ),
  };
}

export async function getNewFicheForm(actor: Actor, territorySlug: string, contractId: string) {
  const contract = await getEditableContract(actor, territorySlug, contractId, contractContextSelect);
  return {
    contract,
    values: ficheFormValues(null, { axisId: contract.axes[0]?.id ?? "" }),
    choices: choices(contract),
    organisations: await organisationChoices(territorySlug, []),
  };
}

/** A fiche's history, newest first: who changed what, field by field. */
export async function getFicheHistory(actor: Actor, territorySlug: string, contractId: string, ficheId: string) {
  const db = getDb();
  const fiche = await db.ficheAction.findFirst({
    where: { id: ficheId, contractId, contract: { territory: { slug: territorySlug } } },
    select: ficheHeadingSelect,
  });
  if (!fiche) throw new NotFoundError();
  assertCan(actor, "fiche.edit", resourceOf(fiche.contract.territory, fiche.pilotUserId));
  // Partners' reports on the fiche's commitments (in the trash or not) are part of its history.
  const commitments = await db.commitment.findMany({
    where: { OR: [{ ficheId: fiche.id }, { objective: { ficheId: fiche.id } }] },
    select: { id: true },
  });
  const changes = await listChangesOf(
    db,
    [
      { entityType: "FicheAction", entityIds: [fiche.id] },
      { entityType: "Commitment", entityIds: commitments.map((commitment) => commitment.id) },
    ],
    HISTORY_LENGTH,
  );
  return { fiche, changes };
}

const HISTORY_LENGTH = 200;

/** The import page: the contract and its axes, for those who may edit it. */
export function getImportPage(actor: Actor, territorySlug: string, contractId: string) {
  return getEditableContract(actor, territorySlug, contractId, {
    id: true,
    title: true,
    territory: { select: territoryKeysSelect },
    axes: { orderBy: { position: "asc" }, select: { number: true, title: true, isTransversal: true } },
  });
}

/** The territories where the actor edits fiches they pilot (as coordinator or contributor); null: everywhere (admins). */
function pilotingTerritories(actor: Actor): string[] | null {
  const grants = grantsOf(actor, "fiche.edit");
  if (grants.some(({ scope }) => scope === "everywhere")) return null;
  return grants.flatMap(({ scope, membership }) =>
    (scope === "territory" || scope === "pilotedFiche") && membership?.territoryId ? [membership.territoryId] : [],
  );
}

/** Whether "Mes fiches" can list anything for the actor (the header's link shows then). */
export const pilotsFiches = (actor: Actor) => Boolean(actor.userId) && pilotingTerritories(actor)?.length !== 0;

const pilotedFicheSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  progress: true,
  ...ficheDueSelect,
  contract: { select: { id: true, title: true, territory: { select: { slug: true, name: true } }, ...contractDueSelect } },
} satisfies Prisma.FicheActionSelect;

/**
 * "Mes fiches": a page of the fiches the actor pilots where they may edit them, outside the
 * trash, with what falls due on each (lib/due/schedule.ts). Two queries whatever the page holds.
 */
export async function listPilotedFiches(actor: Actor, { page }: { page: number }, today = todayInParis()) {
  const territories = pilotingTerritories(actor);
  if (!actor.userId || territories?.length === 0) return { entries: [], total: 0 };
  const where = {
    pilotUserId: actor.userId,
    deletedAt: null,
    ...(territories ? { contract: { territoryId: { in: territories } } } : {}),
  } satisfies Prisma.FicheActionWhereInput;
  const db = getDb();
  const [fiches, total] = await Promise.all([
    db.ficheAction.findMany({
      relationLoadStrategy: "join",
      where,
      orderBy: [{ contract: { territory: { name: "asc" } } }, { contract: { generation: "desc" } }, { number: "asc" }],
      ...pageWindow(page),
      select: pilotedFicheSelect,
    }),
    db.ficheAction.count({ where }),
  ]);
  const entries = fiches.map(({ id, number, title, status, progress, contract, ...due }) => ({
    id,
    number,
    title,
    status,
    progress,
    contract,
    due: dueItemsOfFiche(due, contract, today),
  }));
  return { entries, total };
}

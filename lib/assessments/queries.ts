// Reads of a campaign's pages: the campaign with a page of the contract's fiches and where each
// one's assessment stands; one fiche's assessment with the fiche around it (objectives,
// indicators, budget planned and spent). Whoever reads the contract in the workspace reads them
// ("workspace.read"); the form is for those who may edit the fiche, while the campaign is open.
// Each page is a fixed number of queries, whatever the number of fiches, lines or indicators.
import { can, NotFoundError, type Actor } from "@/lib/authz";
import { listRecentChanges } from "@/lib/audit/history";
import { campaignSummarySelect } from "@/lib/campaigns/selects";
import { formValuesOf } from "@/lib/catalogue";
import { findContractInTerritory, readableOrNotFound } from "@/lib/contracts/queries";
import { axisHeadingSelect, territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { todayInParis } from "@/lib/due/schedule";
import { budgetLineLabel } from "@/lib/fiches/labels";
import { objectivesSelect } from "@/lib/fiches/selects";
import { indicatorRecordSelect, listedIndicators } from "@/lib/indicators/selects";
import { judgementOf } from "@/lib/indicators/trajectory";
import { PAGE_SIZE, pageWindow } from "@/lib/params/list-params";
import { decimalInputValue } from "@/lib/validation/fields";
import { contractAccessSelect, territoryResource } from "@/lib/workspaces/resource";
import { ASSESSMENT_FIELDS } from "./schema";
import { assessedBudgetLinesSelect, assessmentRecordSelect, assessmentSummarySelect } from "./selects";

/** Assessment events the form page lists, newest first. */
export const HISTORY_SHOWN = 20;

/** The fiche's pilot as a reader knows it: its organisation and contact, or the account that pilots it. */
function pilotText(fiche: {
  pilotOrganisation: { name: string } | null;
  pilotContactName: string | null;
  pilotUser: { name: string | null } | null;
}) {
  return [fiche.pilotOrganisation?.name, fiche.pilotContactName].filter(Boolean).join(", ") || fiche.pilotUser?.name || null;
}

const pilotSelect = {
  pilotUserId: true,
  pilotContactName: true,
  pilotOrganisation: { select: { name: true } },
  pilotUser: { select: { name: true } },
} satisfies Prisma.FicheActionSelect;

/** The contract of a campaign page, what authorization reads of it, and the campaign (none: not found). */
const campaignContractSelect = (actor: Actor, campaignId: string) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    territory: { select: territoryKeysSelect },
    axes: { orderBy: { position: "asc" }, select: { id: true, ...axisHeadingSelect } },
    _count: { select: { fiches: { where: { deletedAt: null } } } },
    campaigns: {
      where: { id: campaignId },
      select: {
        ...campaignSummarySelect,
        // Assessed: a realisation status given (as "Mes fiches" and the reminders count them), for a fiche outside the trash.
        _count: { select: { assessments: { where: { realisationStatus: { not: null }, fiche: { deletedAt: null } } } } },
      },
    },
  }) satisfies Prisma.ContractSelect;

const campaignFicheSelect = (campaignId: string) =>
  ({
    id: true,
    axisId: true,
    number: true,
    title: true,
    ...pilotSelect,
    assessments: { where: { campaignId }, select: assessmentSummarySelect },
  }) satisfies Prisma.FicheActionSelect;

/**
 * The campaign page: the campaign, how many of the contract's fiches are assessed, and a page of
 * the fiches in the contract's order (by axis, then number) with their assessment. Two queries.
 */
export async function getCampaignPage(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  campaignId: string,
  { page }: { page: number },
) {
  const contract = readableOrNotFound(
    actor,
    await findContractInTerritory(territorySlug, contractId, campaignContractSelect(actor, campaignId)),
  );
  const campaign = contract.campaigns[0];
  if (!campaign) throw new NotFoundError();
  const fiches = await getDb().ficheAction.findMany({
    relationLoadStrategy: "join",
    where: { contractId: contract.id, deletedAt: null },
    orderBy: [{ axis: { position: "asc" } }, { number: "asc" }],
    ...pageWindow(page),
    select: campaignFicheSelect(campaign.id),
  });
  const axes = new Map(contract.axes.map((axis) => [axis.id, axis]));
  const groups: Array<{ axis: (typeof contract.axes)[number]; fiches: CampaignFiche[] }> = [];
  for (const fiche of fiches) {
    const axis = axes.get(fiche.axisId)!;
    if (groups.at(-1)?.axis !== axis) groups.push({ axis, fiches: [] });
    groups.at(-1)!.fiches.push({
      id: fiche.id,
      number: fiche.number,
      title: fiche.title,
      pilot: pilotText(fiche),
      assessment: fiche.assessments[0] ?? null,
    });
  }
  const { _count: assessedCount, ...shown } = campaign;
  return {
    contract: { id: contract.id, title: contract.title, territory: contract.territory },
    campaign: shown,
    progress: { assessed: assessedCount.assessments, total: contract._count.fiches },
    groups,
    pageCount: Math.ceil(contract._count.fiches / PAGE_SIZE),
  };
}

export type CampaignFiche = {
  id: string;
  number: number;
  title: string;
  pilot: string | null;
  assessment: Prisma.FicheAssessmentGetPayload<{ select: typeof assessmentSummarySelect }> | null;
};

/** A fiche of the contract outside the trash, with everything its assessment page shows, its contract and the campaign. */
const assessedFicheSelect = (actor: Actor, campaignId: string) =>
  ({
    id: true,
    number: true,
    title: true,
    status: true,
    progress: true,
    generalObjective: true,
    startsOn: true,
    endsOn: true,
    ...pilotSelect,
    axis: { select: { number: true, title: true, isTransversal: true } },
    objectives: { ...objectivesSelect, select: { id: true, title: true, status: true, progress: true, dueOn: true } },
    indicators: {
      ...listedIndicators,
      select: {
        id: true,
        ...indicatorRecordSelect,
        measurements: { orderBy: { measuredOn: "desc" }, take: 1, select: { measuredOn: true, value: true } },
      },
    },
    budgetLines: assessedBudgetLinesSelect,
    assessments: { where: { campaignId }, select: { id: true, version: true, updatedAt: true, ...assessmentRecordSelect } },
    contract: {
      select: {
        ...contractAccessSelect(actor),
        id: true,
        title: true,
        territory: { select: territoryKeysSelect },
        campaigns: { where: { id: campaignId }, select: campaignSummarySelect },
      },
    },
  }) satisfies Prisma.FicheActionSelect;

const ZERO = new Prisma.Decimal(0);
const sum = (amounts: ReadonlyArray<{ toString(): string }>) =>
  amounts.reduce<Prisma.Decimal>((total, amount) => total.plus(amount.toString()), ZERO);

/**
 * A fiche's assessment page: the fiche to read (objectives, indicators with their latest value,
 * budget lines planned and spent with exact totals), the assessment as the form shows it, whether
 * the reader may edit it, and its history. One query, and one more for the history once the
 * assessment exists. Amounts are exact decimal strings.
 */
export async function getAssessmentPage(actor: Actor, territorySlug: string, contractId: string, campaignId: string, ficheId: string) {
  const db = getDb();
  const found = await db.ficheAction.findFirst({
    relationLoadStrategy: "join",
    where: { id: ficheId, contractId, deletedAt: null, contract: { territory: { slug: territorySlug } } },
    select: assessedFicheSelect(actor, campaignId),
  });
  if (!found) throw new NotFoundError();
  const { contract, assessments, budgetLines, indicators, ...fiche } = found;
  const campaign = readableOrNotFound(actor, contract).campaigns[0];
  if (!campaign) throw new NotFoundError();
  const assessment = assessments[0] ?? null;
  const scope = { ...territoryResource(contract.territory), pilotUserId: fiche.pilotUserId };

  const spentByLine = new Map(assessment?.spending.map((row) => [row.budgetLineId, row.spent]) ?? []);
  const today = todayInParis();
  return {
    contract: { id: contract.id, title: contract.title, territory: contract.territory },
    campaign,
    fiche: { ...fiche, pilot: pilotText(fiche) },
    indicators: indicators.map(({ measurements, ...indicator }) => ({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      baselineValue: indicator.baselineValue?.toString() ?? null,
      targetValue: indicator.targetValue?.toString() ?? null,
      targetOn: indicator.targetOn,
      latest: measurements[0] ? { value: measurements[0].value.toString(), measuredOn: measurements[0].measuredOn } : null,
      judgement: judgementOf({ ...indicator, measurements }, today),
    })),
    budget: {
      lines: budgetLines.map((line) => ({
        id: line.id,
        label: budgetLineLabel(line),
        planned: line.amount.toString(),
        spent: spentByLine.get(line.id)?.toString() ?? null,
      })),
      planned: sum(budgetLines.map((line) => line.amount)).toString(),
      spent: sum([...spentByLine.values()]).toString(),
    },
    assessment: assessment && { id: assessment.id, version: assessment.version, updatedAt: assessment.updatedAt },
    record: assessment,
    values: {
      ...formValuesOf(ASSESSMENT_FIELDS, assessment),
      spending: budgetLines.map((line) => ({ budgetLineId: line.id, spent: decimalInputValue(spentByLine.get(line.id)) })),
    },
    editable: campaign.status === "open" && can(actor, "fiche.edit", scope),
    history: assessment ? await listRecentChanges(db, "FicheAssessment", assessment.id, HISTORY_SHOWN) : [],
  };
}

export type AssessmentPage = Awaited<ReturnType<typeof getAssessmentPage>>;

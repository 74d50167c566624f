// Saving a fiche's assessment in an evaluation campaign: whoever may edit the fiche (its
// territory's coordinators, the contributor who pilots it) writes it while the campaign is open.
// One action creates it (version 0) and updates it (the version the form loaded), with what was
// spent of each of the fiche's budget lines, and its audit event, in one transaction.
import { actionsOn } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { getConflictDetails } from "@/lib/audit/history";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/authz";
import { assertCampaignOpen } from "@/lib/campaigns/guard";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { ficheLabel } from "@/lib/contracts/labels";
import type { Db, Tx } from "@/lib/db/client";
import type { EvaluationKind } from "@/lib/db/generated/enums";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { historySnapshot } from "@/lib/catalogue";
import { loadAssessmentResource } from "./resource";
import { ASSESSMENT_FIELDS, saveAssessmentSchema, type AssessedBudgetLine, type AssessmentRecord } from "./schema";
import { assessmentRecordSelect } from "./selects";

export const BUDGET_LINE_GONE_MESSAGE = "Cette ligne de budget n’est plus celle de la fiche\u00a0: rechargez la page.";

/** The assessment as its history shows it, walked from its catalogue. */
const snapshot = (assessment: AssessmentRecord) => historySnapshot(ASSESSMENT_FIELDS, assessment);

/** The record's name in the audit log: « Fiche n° 3 · Évaluation à mi-parcours ». */
export const assessmentLabel = (ficheNumber: number, kind: EvaluationKind) => `${ficheLabel(ficheNumber)} · ${CAMPAIGN_KIND_LABELS[kind]}`;

/**
 * The fiche's budget lines, locked until the transaction ends: a fiche saved meanwhile cannot
 * remove a line between the check that spending names a line of this fiche and its insertion.
 */
async function lockBudgetLines(tx: Tx, ficheId: string): Promise<Map<string, AssessedBudgetLine>> {
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      funderName: string | null;
      funderLabel: string | null;
      fundingInstrument: string | null;
      year: number | null;
      amount: string;
    }>
  >`
    SELECT b.id, o.name AS "funderName", b."funderLabel", b."fundingInstrument", b.year, b.amount::text AS amount
    FROM "BudgetLine" b LEFT JOIN "Organisation" o ON o.id = b."funderId"
    WHERE b."ficheId" = ${ficheId}::uuid
    FOR KEY SHARE OF b`;
  return new Map(rows.map(({ id, funderName, ...line }) => [id, { ...line, funder: funderName === null ? null : { name: funderName } }]));
}

/** What others saved since `baseVersion` (0: before the assessment existed); not found when there is still nothing. */
async function conflictSince(db: Db, campaignId: string, ficheId: string, baseVersion: number): Promise<ConflictError> {
  const current = await db.ficheAssessment.findUnique({
    where: { campaignId_ficheId: { campaignId, ficheId } },
    select: { id: true, version: true },
  });
  if (!current) throw new NotFoundError();
  return new ConflictError(await getConflictDetails(db, "FicheAssessment", current.id, baseVersion, current.version));
}

const onAssessedFiche = actionsOn("fiche.edit", (db, target: { campaignId: string; ficheId: string }) =>
  loadAssessmentResource(db, target),
);

export const saveAssessment = onAssessedFiche("assessment.save", saveAssessmentSchema, async (context, input, { territoryId = null }) => {
  const { campaignId, ficheId, version, spending, ...values } = input;
  const spent = spending.flatMap((row) => (row.spent === null ? [] : [{ budgetLineId: row.budgetLineId, spent: row.spent }]));
  try {
    const refusal = await context.db.$transaction(async (tx) => {
      // Closed: refused whatever the version the form holds (the lock also orders saves within the campaign).
      await assertCampaignOpen(tx, campaignId);
      const lines = await lockBudgetLines(tx, ficheId);
      const gone = spending.findIndex((row) => !lines.has(row.budgetLineId));
      if (gone !== -1) return fieldError(`spending.${gone}.spent`, BUDGET_LINE_GONE_MESSAGE);

      // Moved to the trash since it was authorized: not found, like any fiche in the trash.
      const fiche = await tx.ficheAction.findFirst({
        where: { id: ficheId, deletedAt: null },
        select: { number: true, contract: { select: { campaigns: { where: { id: campaignId }, select: { kind: true } } } } },
      });
      if (!fiche) throw new NotFoundError();
      const existing = await tx.ficheAssessment.findUnique({
        where: { campaignId_ficheId: { campaignId, ficheId } },
        select: { id: true, version: true, ...assessmentRecordSelect },
      });
      if (version === 0 ? existing : existing?.version !== version) throw new ConflictError();

      let assessmentId: string;
      if (existing) {
        assertVersionMatched(
          await tx.ficheAssessment.updateMany({ where: { id: existing.id, version }, data: { ...values, version: { increment: 1 } } }),
        );
        assessmentId = existing.id;
        await tx.assessmentSpending.deleteMany({ where: { assessmentId } });
      } else {
        assessmentId = (await tx.ficheAssessment.create({ data: { campaignId, ficheId, ...values }, select: { id: true } })).id;
      }
      await tx.assessmentSpending.createMany({ data: spent.map((row) => ({ assessmentId, ...row })) });

      const after = { ...values, spending: spent.map((row) => ({ spent: row.spent, budgetLine: lines.get(row.budgetLineId)! })) };
      await recordAudit(tx, context, {
        action: "assessment.save",
        entityType: "FicheAssessment",
        entityId: assessmentId,
        entityLabel: assessmentLabel(fiche.number, fiche.contract.campaigns[0].kind),
        territoryId,
        before: existing ? snapshot(existing) : null,
        after: snapshot(after),
      });
      return null;
    });
    if (refusal) return refusal;
  } catch (error) {
    // Saved meanwhile by someone else, or created at the same moment (the unique key is the last word).
    if ((error instanceof ConflictError && !error.details) || uniqueViolationTarget(error))
      throw await conflictSince(context.db, campaignId, ficheId, version);
    throw error;
  }
  return ok(null, "Le bilan de la fiche est enregistré.");
});

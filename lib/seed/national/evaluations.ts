// The evaluation of the national dataset's largest contract (territory fictif-0001's), for
// measuring the evaluation pages at their worst: a mid-term campaign with an assessment of every
// fiche, what was spent of each budget line, the partners' contributions and the period's
// meetings, closed as the app closes one (its evaluation frozen in a snapshot,
// lib/campaigns/mutations.ts closeCampaign); then the final campaign, open, a third of its fiches
// assessed. Set-based inserts, about ten statements; values that look random are hashes.
import type { Db } from "@/lib/db/client";
import { readLiveEvaluation } from "@/lib/evaluations/read";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { NATIONAL_TERRITORY_PREFIX } from "./plan";
import type { LoadReport } from "./load";

const LARGEST_TERRITORY = `${NATIONAL_TERRITORY_PREFIX}0001`;
/** Interactive transactions that read or snapshot a 120-fiche contract. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/** A stable pseudo-random integer in [0, m) from a text and a number (SQL). */
const pick = (text: string, salt: number, modulo: number) => `(abs(hashtext(${text} || '${salt}')) % ${modulo})`;

/** Assessments of `campaign`'s fiches (those whose number is a multiple of `every`), with what was spent of their budget lines. */
async function assess(tx: Pick<Db, "$executeRawUnsafe">, campaignId: string, contractId: string, every: number, report: LoadReport) {
  const run = async (table: string, sql: string, ...values: unknown[]) => {
    const started = performance.now();
    const rows = await tx.$executeRawUnsafe(sql, ...values);
    report.push({ table, rows, milliseconds: Math.round(performance.now() - started) });
  };
  const rating = (salt: number) => `1 + ${pick("f.id::text", salt, 4)}`;
  await run(
    "FicheAssessment",
    `INSERT INTO "FicheAssessment" ("campaignId", "ficheId", "realisationStatus", "achievementRate",
       "relevanceRating", "relevanceComment", "coherenceRating", "coherenceComment", "effectivenessRating", "effectivenessComment",
       "efficiencyRating", "efficiencyComment", "impactRating", "impactComment", difficulties, synthesis, recommendations, "updatedAt")
     SELECT $1::uuid, f.id, s.status::"RealisationStatus",
            CASE s.status WHEN 'completed' THEN 100 WHEN 'not_started' THEN 0 WHEN 'abandoned' THEN 10 ELSE 30 + ${pick("f.id::text", 2, 60)} END,
            ${rating(3)}, 'Répond à un besoin du diagnostic (fictif).', ${rating(4)}, 'Cohérente avec le projet régional de santé (fictif).',
            ${rating(5)}, 'Objectifs en partie atteints (fictif).', ${rating(6)}, 'Moyens proportionnés (fictif).',
            ${rating(7)}, 'Effets attendus à moyen terme (fictif).',
            'Difficultés fictives : recrutement et mobilisation des habitants.', 'Synthèse fictive de l’évaluation de la fiche n° ' || f.number || '.',
            'Recommandation fictive : poursuivre l’action en l’adaptant.', now()
     FROM "FicheAction" f
     CROSS JOIN LATERAL (SELECT (ARRAY['completed', 'partially_completed', 'partially_completed', 'not_started', 'abandoned', 'completed'])[1 + ${pick("f.id::text", 1, 6)}] AS status) s
     WHERE f."contractId" = $2::uuid AND f."deletedAt" IS NULL AND f.number % $3 = 0`,
    campaignId,
    contractId,
    every,
  );
  await run(
    "AssessmentSpending",
    `INSERT INTO "AssessmentSpending" ("assessmentId", "budgetLineId", spent, "updatedAt")
     SELECT a.id, b.id, round(b.amount * (30 + ${pick("b.id::text", 8, 71)}) / 100, 2), now()
     FROM "FicheAssessment" a JOIN "BudgetLine" b ON b."ficheId" = a."ficheId"
     WHERE a."campaignId" = $1::uuid`,
    campaignId,
  );
}

/** Loads the largest contract's two campaigns into a national dataset (./load.ts) that has none. */
export async function loadNationalEvaluations(db: Db): Promise<LoadReport> {
  const report: LoadReport = [];
  const [contract] = await db.$queryRaw<{ id: string; startsOn: Date; userId: string }[]>`
    SELECT c.id, c."startsOn", m."userId" FROM "Territory" t
    JOIN "Contract" c ON c."territoryId" = t.id
    JOIN "Membership" m ON m."territoryId" = t.id AND m.role = 'coordinator'
    WHERE t.slug = ${LARGEST_TERRITORY} ORDER BY c.generation DESC LIMIT 1`;
  if (!contract) throw new Error(`No contract in ${LARGEST_TERRITORY}: load the national dataset first`);
  const starts = contract.startsOn;
  const day = (months: number, days = 0) => {
    const date = new Date(starts);
    date.setUTCMonth(date.getUTCMonth() + months);
    date.setUTCDate(date.getUTCDate() + days);
    return date;
  };

  const midTerm = await db.$transaction(async (tx) => {
    const campaign = await tx.evaluationCampaign.create({
      data: {
        contractId: contract.id,
        kind: "mid_term",
        periodStart: starts,
        periodEnd: day(30, -1),
        opensOn: day(30),
        closesOn: day(32),
        synthesis: "Synthèse fictive de l’évaluation à mi-parcours.",
        recommendations: "Recommandations fictives de l’évaluation à mi-parcours.",
      },
      select: { id: true, contractId: true, periodStart: true },
    });
    await assess(tx, campaign.id, contract.id, 1, report);
    const started = performance.now();
    // Each partner's account of its commitments, one in eight left unreported.
    const contributions = await tx.$executeRawUnsafe(
      `INSERT INTO "CommitmentContribution" ("campaignId", "commitmentId", outcome, contribution, "amountSpent", "reportedAt", "updatedAt")
       SELECT $1::uuid, k.id, (ARRAY['kept', 'kept', 'partly_kept', 'not_kept', 'kept', 'partly_kept', 'kept'])[1 + ${pick("k.id::text", 9, 7)}]::"ContributionOutcome",
              'Contribution fictive du partenaire.', 100 * (1 + ${pick("k.id::text", 10, 50)}), now(), now()
       FROM "Commitment" k
       JOIN "OperationalObjective" o ON o.id = k."objectiveId"
       JOIN "FicheAction" f ON f.id = o."ficheId"
       WHERE f."contractId" = $2::uuid AND ${pick("k.id::text", 11, 8)} <> 0`,
      campaign.id,
      contract.id,
    );
    report.push({ table: "CommitmentContribution", rows: contributions, milliseconds: Math.round(performance.now() - started) });
    // A COPIL a year and a COTECH a quarter of the period, attended by the contract's signatories.
    const meetings = await tx.$executeRawUnsafe(
      `INSERT INTO "Meeting" ("contractId", kind, "heldOn", topic, "participantCount", minutes, decisions, "updatedAt")
       SELECT $1::uuid, (CASE WHEN q % 4 = 0 THEN 'copil' ELSE 'cotech' END)::"MeetingKind", ($2::date + q * interval '3 months')::date,
              'Suivi du contrat (fictif)', 8 + q, 'Compte rendu fictif.', 'Décisions fictives.', now()
       FROM generate_series(1, 9) q`,
      contract.id,
      starts,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "MeetingAttendance" ("meetingId", "organisationId", "attendeeCount")
       SELECT m.id, s."organisationId", 1 + ${pick("m.id::text", 12, 3)}
       FROM "Meeting" m JOIN "Signatory" s ON s."contractId" = m."contractId" WHERE m."contractId" = $1::uuid`,
      contract.id,
    );
    report.push({ table: "Meeting", rows: meetings, milliseconds: 0 });
    return campaign;
  }, TRANSACTION);

  // Closed as closeCampaign closes it: the evaluation frozen with the contract in a snapshot.
  const started = performance.now();
  await db.$transaction(async (tx) => {
    const closedAt = day(32);
    const evaluation = await readLiveEvaluation(tx, midTerm, closedAt);
    const snapshot = await createContractSnapshot(tx, contract.id, "campaign_close", { userId: contract.userId }, { evaluation });
    await tx.evaluationCampaign.update({
      where: { id: midTerm.id },
      data: { status: "closed", closedAt: snapshot.createdAt, snapshotId: snapshot.id, version: { increment: 1 } },
    });
  }, TRANSACTION);
  report.push({ table: "ContractSnapshot (mid-term closed)", rows: 1, milliseconds: Math.round(performance.now() - started) });

  await db.$transaction(async (tx) => {
    const final = await tx.evaluationCampaign.create({
      data: { contractId: contract.id, kind: "final", periodStart: starts, periodEnd: day(60, -1), opensOn: day(57), closesOn: day(62) },
      select: { id: true },
    });
    await assess(tx, final.id, contract.id, 3, report);
  }, TRANSACTION);
  return report;
}

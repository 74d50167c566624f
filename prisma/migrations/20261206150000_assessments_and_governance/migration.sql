-- Assessments of fiches within a campaign get their achievement rate, a comment per criterion,
-- difficulties, and budget spent per budget line (planned by funder) instead of two totals;
-- partners account for their commitments per campaign; meetings record their minutes, decisions
-- and the organisations that attended. The indicator table and partners' inputs left the
-- assessment: the campaign's snapshot freezes indicators, and contributions are their own rows.

-- CreateEnum
CREATE TYPE "ContributionOutcome" AS ENUM ('kept', 'partly_kept', 'not_kept');

-- AlterTable
ALTER TABLE "FicheAssessment" DROP CONSTRAINT "FicheAssessment_budget_check";
ALTER TABLE "FicheAssessment" DROP COLUMN "budgetPlanned",
DROP COLUMN "budgetSpent",
DROP COLUMN "indicatorSnapshot",
DROP COLUMN "partnerInputs",
ADD COLUMN "achievementRate" INTEGER,
ADD COLUMN "relevanceComment" TEXT,
ADD COLUMN "coherenceComment" TEXT,
ADD COLUMN "effectivenessComment" TEXT,
ADD COLUMN "efficiencyComment" TEXT,
ADD COLUMN "impactComment" TEXT,
ADD COLUMN "difficulties" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "minutes" TEXT,
ADD COLUMN "decisions" TEXT;

-- CreateTable
CREATE TABLE "AssessmentSpending" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessmentId" UUID NOT NULL,
    "budgetLineId" UUID NOT NULL,
    "spent" DECIMAL(14,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentSpending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentContribution" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "campaignId" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "outcome" "ContributionOutcome",
    "contribution" TEXT,
    "amountSpent" DECIMAL(14,2),
    "reportedAt" TIMESTAMPTZ(3),
    "reportedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommitmentContribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "attendeeCount" INTEGER,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentSpending_budgetLineId_idx" ON "AssessmentSpending"("budgetLineId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSpending_assessmentId_budgetLineId_key" ON "AssessmentSpending"("assessmentId", "budgetLineId");

-- CreateIndex
CREATE INDEX "CommitmentContribution_commitmentId_idx" ON "CommitmentContribution"("commitmentId");

-- CreateIndex
CREATE INDEX "CommitmentContribution_reportedById_idx" ON "CommitmentContribution"("reportedById");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentContribution_campaignId_commitmentId_key" ON "CommitmentContribution"("campaignId", "commitmentId");

-- CreateIndex
CREATE INDEX "MeetingAttendance_organisationId_idx" ON "MeetingAttendance"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_organisationId_key" ON "MeetingAttendance"("meetingId", "organisationId");

-- AddForeignKey
ALTER TABLE "AssessmentSpending" ADD CONSTRAINT "AssessmentSpending_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "FicheAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSpending" ADD CONSTRAINT "AssessmentSpending_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentContribution" ADD CONSTRAINT "CommitmentContribution_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EvaluationCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentContribution" ADD CONSTRAINT "CommitmentContribution_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentContribution" ADD CONSTRAINT "CommitmentContribution_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Checks Prisma cannot express (tests/integration/database-constraints.test.ts).
ALTER TABLE "FicheAssessment" ADD CONSTRAINT "FicheAssessment_achievement_check" CHECK ("achievementRate" IS NULL OR "achievementRate" BETWEEN 0 AND 100);
ALTER TABLE "AssessmentSpending" ADD CONSTRAINT "AssessmentSpending_spent_check" CHECK ("spent" >= 0);
ALTER TABLE "CommitmentContribution" ADD CONSTRAINT "CommitmentContribution_amount_check" CHECK ("amountSpent" IS NULL OR "amountSpent" >= 0);
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_count_check" CHECK ("attendeeCount" IS NULL OR "attendeeCount" >= 1);

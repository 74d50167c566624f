-- Review workflow (issue 14): ARS officers' threads on a contract, an axis, a fiche or a campaign,
-- their comments, and the stages where the agency signs off (the draft, an evaluation report).

-- CreateEnum
CREATE TYPE "ReviewTargetKind" AS ENUM ('contract', 'axis', 'fiche', 'campaign');

-- CreateEnum
CREATE TYPE "ReviewThreadStatus" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "ReviewSubjectKind" AS ENUM ('draft', 'evaluation_report');

-- CreateEnum
CREATE TYPE "ReviewStageState" AS ENUM ('not_submitted', 'submitted', 'changes_requested', 'favourable');

-- CreateTable
CREATE TABLE "ReviewThread" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "targetKind" "ReviewTargetKind" NOT NULL,
    "targetId" UUID NOT NULL,
    "status" "ReviewThreadStatus" NOT NULL DEFAULT 'open',
    "createdById" UUID,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewThread_pkey" PRIMARY KEY ("id"),
    -- A resolved thread says when; an open one does not.
    CONSTRAINT "ReviewThread_resolution_check" CHECK (("status" = 'resolved') = ("resolvedAt" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "threadId" UUID NOT NULL,
    "authorId" UUID,
    "fromAgency" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReviewComment_body_check" CHECK (length("body") BETWEEN 1 AND 5000)
);

-- CreateTable
CREATE TABLE "ReviewStage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "subjectKind" "ReviewSubjectKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "state" "ReviewStageState" NOT NULL DEFAULT 'not_submitted',
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewStage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewThread_contractId_status_idx" ON "ReviewThread"("contractId", "status");

-- CreateIndex
CREATE INDEX "ReviewThread_targetId_idx" ON "ReviewThread"("targetId");

-- CreateIndex
CREATE INDEX "ReviewThread_createdById_idx" ON "ReviewThread"("createdById");

-- CreateIndex
CREATE INDEX "ReviewThread_resolvedById_idx" ON "ReviewThread"("resolvedById");

-- CreateIndex
CREATE INDEX "ReviewComment_threadId_createdAt_idx" ON "ReviewComment"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_authorId_idx" ON "ReviewComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewStage_subjectKind_subjectId_key" ON "ReviewStage"("subjectKind", "subjectId");

-- CreateIndex
CREATE INDEX "ReviewStage_contractId_state_idx" ON "ReviewStage"("contractId", "state");

-- CreateIndex
CREATE INDEX "ReviewStage_decidedById_idx" ON "ReviewStage"("decidedById");

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ReviewThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewStage" ADD CONSTRAINT "ReviewStage_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewStage" ADD CONSTRAINT "ReviewStage_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

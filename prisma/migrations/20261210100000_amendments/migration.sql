-- Amendments (avenants, issue 16): a signed contract changes by numbered, dated amendments, each
-- reviewed by the agency like the draft (ReviewSubjectKind and ReviewTargetKind 'amendment') and frozen at signature in
-- a contract snapshot (SnapshotReason 'amendment'); the contract as signed is frozen at signature
-- (SnapshotReason 'signature'). A fiche an amendment closes keeps its row, with the day it closed.

-- AlterEnum
ALTER TYPE "SnapshotReason" ADD VALUE 'signature';

-- AlterEnum
ALTER TYPE "ReviewSubjectKind" ADD VALUE 'amendment';

-- AlterEnum: the agency's threads on an amendment (a change request's reason opens one).
ALTER TYPE "ReviewTargetKind" ADD VALUE 'amendment';

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('draft', 'signed');

-- CreateEnum
CREATE TYPE "AmendmentFicheChange" AS ENUM ('added', 'changed', 'closed');

-- CreateTable
CREATE TABLE "Amendment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'draft',
    "councilAdoptedOn" DATE,
    "deliberationReference" VARCHAR(120),
    "signedOn" DATE,
    "baseSnapshotId" UUID NOT NULL,
    "snapshotId" UUID,
    "createdById" UUID,
    "signedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Amendment_number_check" CHECK ("number" >= 1),
    CONSTRAINT "Amendment_purpose_check" CHECK (length("purpose") BETWEEN 1 AND 5000),
    -- A signed amendment says when and holds its snapshot; a draft has neither.
    CONSTRAINT "Amendment_signature_check" CHECK (
      ("status" = 'signed') = ("signedOn" IS NOT NULL) AND ("status" = 'signed') = ("snapshotId" IS NOT NULL)
    )
);

-- CreateTable
CREATE TABLE "AmendmentFiche" (
    "amendmentId" UUID NOT NULL,
    "ficheId" UUID NOT NULL,
    "change" "AmendmentFicheChange" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmendmentFiche_pkey" PRIMARY KEY ("amendmentId", "ficheId")
);

-- AlterTable
ALTER TABLE "FicheAction" ADD COLUMN "closedOn" DATE,
ADD COLUMN "closedByAmendmentId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_snapshotId_key" ON "Amendment"("snapshotId");

-- CreateIndex
CREATE INDEX "Amendment_baseSnapshotId_idx" ON "Amendment"("baseSnapshotId");

-- CreateIndex
CREATE INDEX "Amendment_createdById_idx" ON "Amendment"("createdById");

-- CreateIndex
CREATE INDEX "Amendment_signedById_idx" ON "Amendment"("signedById");

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_contractId_number_key" ON "Amendment"("contractId", "number");

-- CreateIndex: at most one draft amendment per contract (Prisma cannot say WHERE; the drift test checks the columns).
CREATE UNIQUE INDEX "Amendment_draft_key" ON "Amendment"("contractId", "status") WHERE "status" = 'draft';

-- CreateIndex
CREATE INDEX "AmendmentFiche_ficheId_idx" ON "AmendmentFiche"("ficheId");

-- CreateIndex
CREATE INDEX "FicheAction_closedByAmendmentId_idx" ON "FicheAction"("closedByAmendmentId");

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_baseSnapshotId_fkey" FOREIGN KEY ("baseSnapshotId") REFERENCES "ContractSnapshot"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ContractSnapshot"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentFiche" ADD CONSTRAINT "AmendmentFiche_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentFiche" ADD CONSTRAINT "AmendmentFiche_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_closedByAmendmentId_fkey" FOREIGN KEY ("closedByAmendmentId") REFERENCES "Amendment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

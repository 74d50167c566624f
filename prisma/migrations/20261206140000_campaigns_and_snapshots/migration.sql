-- Evaluation campaigns get their period, planned closing date and the snapshot frozen when they
-- close; contract snapshots are one immutable, versioned copy of a contract's content, reused by
-- campaign closing now, publication and amendments later (docs/adr/0009-contract-snapshots.md).

-- CreateEnum
CREATE TYPE "SnapshotReason" AS ENUM ('campaign_close', 'publication', 'amendment');

-- AlterTable
ALTER TABLE "EvaluationCampaign" ADD COLUMN "periodStart" DATE,
ADD COLUMN "periodEnd" DATE,
ADD COLUMN "closesOn" DATE,
ADD COLUMN "snapshotId" UUID;

-- CreateTable
CREATE TABLE "ContractSnapshot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" "SnapshotReason" NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "ContractSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractSnapshot_createdById_idx" ON "ContractSnapshot"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "ContractSnapshot_contractId_version_key" ON "ContractSnapshot"("contractId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCampaign_snapshotId_key" ON "EvaluationCampaign"("snapshotId");

-- At most one open campaign per contract; closed ones stay as they were.
CREATE UNIQUE INDEX "EvaluationCampaign_open_key" ON "EvaluationCampaign"("contractId", "status") WHERE "status" = 'open';

-- AddForeignKey
ALTER TABLE "EvaluationCampaign" ADD CONSTRAINT "EvaluationCampaign_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ContractSnapshot"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSnapshot" ADD CONSTRAINT "ContractSnapshot_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSnapshot" ADD CONSTRAINT "ContractSnapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks Prisma cannot express (tests/integration/database-constraints.test.ts).
ALTER TABLE "ContractSnapshot" ADD CONSTRAINT "ContractSnapshot_version_check" CHECK ("version" >= 1);
ALTER TABLE "EvaluationCampaign" ADD CONSTRAINT "EvaluationCampaign_period_check" CHECK ("periodStart" IS NULL OR "periodEnd" IS NULL OR "periodStart" <= "periodEnd");

-- A snapshot is never changed nor deleted on its own: only a foreign key's action may touch it
-- (its contract deleted, its author's account deleted: createdById set to null, nothing else).
CREATE FUNCTION "ContractSnapshot_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    IF NEW."createdById" IS NULL AND NEW."id" = OLD."id" AND NEW."contractId" = OLD."contractId"
       AND NEW."version" = OLD."version" AND NEW."reason" = OLD."reason" AND NEW."content" = OLD."content"
       AND NEW."createdAt" = OLD."createdAt" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'ContractSnapshot % is immutable', OLD."id";
END;
$$;

CREATE TRIGGER "ContractSnapshot_immutable"
  BEFORE UPDATE OR DELETE ON "ContractSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "ContractSnapshot_immutable"();

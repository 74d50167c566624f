-- Publication of fiches (issue 15): the public sees the version a coordinator published, kept in
-- PublicFiche from its publication snapshot; a fiche can be confidential, or withhold some of
-- its fields. TypeScript data migrations (lib/db/data-migrations.ts) are recorded by name: the
-- first publishes the fiches that were public before publication existed.

-- AlterTable
ALTER TABLE "FicheAction" ADD COLUMN "confidential" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "withheldFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PublicFiche" (
    "ficheId" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "snapshotId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "axisId" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublicFiche_pkey" PRIMARY KEY ("ficheId")
);

-- CreateTable
CREATE TABLE "DataMigration" (
    "name" VARCHAR(200) NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataMigration_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "PublicFiche_contractId_number_idx" ON "PublicFiche"("contractId", "number");

-- CreateIndex
CREATE INDEX "PublicFiche_snapshotId_idx" ON "PublicFiche"("snapshotId");

-- AddForeignKey
ALTER TABLE "PublicFiche" ADD CONSTRAINT "PublicFiche_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicFiche" ADD CONSTRAINT "PublicFiche_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicFiche" ADD CONSTRAINT "PublicFiche_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "ContractSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Territories carry the official INSEE codes of their départements and communes (the State's
-- administrative reference), and an ARS officer's membership the départements of a délégation
-- départementale (empty: the whole region). Issue 14's portfolio, map and scoping read them.

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN "departmentCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "communeCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "departmentCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE INDEX "Territory_departmentCodes_idx" ON "Territory" USING GIN ("departmentCodes");

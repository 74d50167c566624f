-- A contract's mental-health component (loi 3DS of 21 February 2022: every CLS has one, often
-- through a conseil local de santé mentale) and its CLSM: the compliance checks of issue 14 read them.

-- CreateEnum
CREATE TYPE "ClsmStatus" AS ENUM ('unknown', 'none', 'in_creation', 'active');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "mentalHealthComponent" TEXT,
ADD COLUMN "clsmStatus" "ClsmStatus" NOT NULL DEFAULT 'unknown',
ADD COLUMN "clsmName" VARCHAR(200);

-- Issue 14: a national reader (ministry, national health agency) reads every region's workspaces
-- and portfolios, on no scope; an invitation of an ARS officer carries the départements of a
-- délégation départementale to the membership it gives (empty: the whole region).

ALTER TYPE "MembershipRole" ADD VALUE 'national_reader';

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "departmentCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The new enum value cannot be used in the transaction that adds it: the checks compare its text.
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_scope_check";
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope_check" CHECK (
  ("role"::text IN ('platform_admin', 'national_reader') AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "territoryId" IS NOT NULL AND "organisationId" IS NOT NULL AND "regionId" IS NULL));

ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_scope_check";
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_scope_check" CHECK (
  ("role"::text IN ('platform_admin', 'national_reader') AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "territoryId" IS NOT NULL AND "organisationId" IS NOT NULL AND "regionId" IS NULL));

-- Only an ARS officer's role is limited to départements.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_departments_check" CHECK (cardinality("departmentCodes") = 0 OR "role" = 'ars_officer');
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_departments_check" CHECK (cardinality("departmentCodes") = 0 OR "role" = 'ars_officer');

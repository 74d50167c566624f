-- Partners (issue 12): a partner's role names the territory that invited them as well as their
-- organisation, and a commitment carries the partner's own report (status, progress, resources,
-- a dated comment) under a version of its own.

-- A partner membership held for an organisation alone becomes one per territory where that
-- organisation takes part in a contract (signatory, partner, or a commitment), the territories
-- it could reach until now; then the scope check requires the territory.
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_scope_check";

INSERT INTO "Membership" ("userId", "role", "territoryId", "organisationId", "createdAt", "updatedAt")
SELECT DISTINCT ON (m."userId", c."territoryId", m."organisationId") m."userId", m."role", c."territoryId", m."organisationId", m."createdAt", now()
FROM "Membership" m
JOIN "Contract" c ON
  EXISTS (SELECT 1 FROM "Signatory" s WHERE s."contractId" = c."id" AND s."organisationId" = m."organisationId")
  OR EXISTS (SELECT 1 FROM "ContractPartner" p WHERE p."contractId" = c."id" AND p."organisationId" = m."organisationId")
  OR EXISTS (
    SELECT 1 FROM "FicheAction" f JOIN "Commitment" k ON k."ficheId" = f."id"
    WHERE f."contractId" = c."id" AND k."organisationId" = m."organisationId")
  OR EXISTS (
    SELECT 1 FROM "FicheAction" f JOIN "OperationalObjective" o ON o."ficheId" = f."id" JOIN "Commitment" k ON k."objectiveId" = o."id"
    WHERE f."contractId" = c."id" AND k."organisationId" = m."organisationId")
WHERE m."role" = 'partner' AND m."territoryId" IS NULL
ON CONFLICT DO NOTHING;

DELETE FROM "Membership" WHERE "role" = 'partner' AND "territoryId" IS NULL;

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope_check" CHECK (
  ("role" = 'platform_admin' AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "territoryId" IS NOT NULL AND "organisationId" IS NOT NULL AND "regionId" IS NULL));

-- An invitation of a partner without a territory cannot be honoured any more: pending ones are
-- withdrawn (the audit log keeps their history), past ones had already given their role.
DELETE FROM "Invitation" WHERE "role" = 'partner' AND "territoryId" IS NULL;

ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_scope_check";
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_scope_check" CHECK (
  ("role" = 'platform_admin' AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "territoryId" IS NOT NULL AND "organisationId" IS NOT NULL AND "regionId" IS NULL));

-- The partner's report. "resources" was free text the application never wrote.
ALTER TABLE "Commitment"
  DROP COLUMN "resources",
  ADD COLUMN "humanResources" TEXT,
  ADD COLUMN "financialAmount" DECIMAL(14,2),
  ADD COLUMN "financialDetails" TEXT,
  ADD COLUMN "inKindResources" TEXT,
  ADD COLUMN "commentedOn" DATE,
  ADD COLUMN "reportedAt" TIMESTAMPTZ(3),
  ADD COLUMN "reportedById" UUID;

ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_financialAmount_check" CHECK ("financialAmount" >= 0);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_comment_date_check" CHECK ("commentedOn" IS NULL OR "comment" IS NOT NULL);

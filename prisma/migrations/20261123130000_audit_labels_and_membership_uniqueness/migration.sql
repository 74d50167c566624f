-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "entityLabel" VARCHAR(300) NOT NULL DEFAULT '';

-- One membership per (user, role, scope): granting twice is refused by the database, not only
-- by the code. NULLS NOT DISTINCT makes the platform-admin row (all scopes null) unique too.
CREATE UNIQUE INDEX "Membership_user_role_scope_key" ON "Membership"("userId", "role", "regionId", "territoryId", "organisationId") NULLS NOT DISTINCT;

-- Access requests: a ProConnect agent asks to become a partner of a territory for the
-- organisation their SIRET names; a coordinator of the territory confirms (a partner membership
-- follows) or refuses. The request itself gives no right.

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('pending', 'confirmed', 'refused');

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "proposedOrganisationId" UUID NOT NULL,
    "siret" VARCHAR(14) NOT NULL,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'pending',
    "organisationId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- One pending request per user and territory; decided ones are kept as they were.
CREATE UNIQUE INDEX "AccessRequest_pending_key" ON "AccessRequest"("userId", "territoryId") WHERE "status" = 'pending';

-- CreateIndex
CREATE INDEX "AccessRequest_territoryId_status_idx" ON "AccessRequest"("territoryId", "status");

-- CreateIndex
CREATE INDEX "AccessRequest_proposedOrganisationId_idx" ON "AccessRequest"("proposedOrganisationId");

-- CreateIndex
CREATE INDEX "AccessRequest_organisationId_idx" ON "AccessRequest"("organisationId");

-- CreateIndex
CREATE INDEX "AccessRequest_decidedById_idx" ON "AccessRequest"("decidedById");

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_proposedOrganisationId_fkey" FOREIGN KEY ("proposedOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Checks Prisma cannot express (tests/integration/database-constraints.test.ts).
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_siret_check" CHECK ("siret" ~ '^[0-9]{14}$');
-- A pending request is undecided; a decided one says when.
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_decision_check" CHECK (("status" = 'pending') = ("decidedAt" IS NULL));
-- Only a confirmed request names the organisation granted (which may be deleted since).
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_granted_check" CHECK ("status" = 'confirmed' OR "organisationId" IS NULL);

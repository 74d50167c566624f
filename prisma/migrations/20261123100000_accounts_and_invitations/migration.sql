-- AlterTable
ALTER TABLE "FicheAction" ADD COLUMN     "pilotUserId" UUID;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "siret" VARCHAR(14);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_siret_key" ON "Organisation"("siret");

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "provider" VARCHAR(60) NOT NULL,
    "providerAccountId" VARCHAR(255) NOT NULL,
    "siret" VARCHAR(14),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" VARCHAR(254) NOT NULL,
    "token" VARCHAR(128) NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" VARCHAR(300) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "regionId" UUID,
    "territoryId" UUID,
    "organisationId" UUID,
    "tokenHash" VARCHAR(64) NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedById" UUID,
    "revokedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevEmail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "SignInFailure_key_occurredAt_idx" ON "SignInFailure"("key", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_territoryId_idx" ON "Invitation"("territoryId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "DevEmail_createdAt_idx" ON "DevEmail"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "FicheAction_pilotUserId_idx" ON "FicheAction"("pilotUserId");

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_pilotUserId_fkey" FOREIGN KEY ("pilotUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Check constraints (see the init migration for the Membership twin of the scope rule)
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_lowercase_check" CHECK ("email" = lower("email"));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_scope_check" CHECK (
  ("role" = 'platform_admin' AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "organisationId" IS NOT NULL AND num_nonnulls("regionId", "territoryId") = 0));

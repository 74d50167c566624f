-- CreateEnum
CREATE TYPE "TerritoryKind" AS ENUM ('commune', 'communaute_communes', 'communaute_agglomeration', 'communaute_urbaine', 'metropole', 'petr', 'pays', 'other');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('ars', 'prefecture', 'state_service', 'education_nationale', 'conseil_regional', 'conseil_departemental', 'local_authority', 'cpam', 'caf', 'msa', 'hospital', 'clinic', 'cpts', 'professional_order', 'dac', 'observatory', 'association', 'other');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('preparation', 'signed', 'in_progress', 'mid_term_evaluation', 'final_evaluation', 'closed', 'renewed');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "ProgressStatus" AS ENUM ('not_started', 'in_progress', 'completed', 'delayed', 'abandoned');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "GeographicScope" AS ENUM ('whole_territory', 'communes', 'qpv', 'other');

-- CreateEnum
CREATE TYPE "IndicatorLevel" AS ENUM ('process', 'result', 'impact');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('increase', 'decrease');

-- CreateEnum
CREATE TYPE "CollectionFrequency" AS ENUM ('monthly', 'quarterly', 'half_yearly', 'yearly', 'mid_term_and_final', 'once');

-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('mid_term', 'final');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "RealisationStatus" AS ENUM ('completed', 'partially_completed', 'not_started', 'abandoned');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('copil', 'cotech', 'working_group', 'plenary', 'other');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('letter_of_intent', 'framing_letter', 'charter', 'funding_agreement', 'diagnosis', 'contract', 'amendment', 'deliberation', 'minutes', 'evaluation_report', 'other');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('platform_admin', 'ars_officer', 'coordinator', 'contributor', 'partner');

-- CreateTable
CREATE TABLE "Region" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "inseeCode" VARCHAR(3) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "arsId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Territory" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "kind" "TerritoryKind" NOT NULL,
    "regionId" UUID NOT NULL,
    "department" VARCHAR(80),
    "inseeCode" VARCHAR(5),
    "siren" VARCHAR(9),
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(120) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "siren" VARCHAR(9),
    "regionId" UUID,
    "website" VARCHAR(300),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "territoryId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "status" "ContractStatus" NOT NULL DEFAULT 'preparation',
    "visibility" "Visibility" NOT NULL DEFAULT 'draft',
    "summary" TEXT,
    "councilAdoptedOn" DATE,
    "signedOn" DATE,
    "startsOn" DATE,
    "endsOn" DATE,
    "durationMonths" INTEGER,
    "timeframeNote" TEXT,
    "prsReference" VARCHAR(200),
    "diagnosisSource" VARCHAR(200),
    "diagnosisYear" INTEGER,
    "diagnosisSummary" TEXT,
    "concertationSummary" TEXT,
    "declaredFicheCount" INTEGER,
    "previousContractId" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiagnosisFinding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "theme" VARCHAR(120),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiagnosisFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Axis" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "number" INTEGER,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT,
    "isTransversal" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Axis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FicheAction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "axisId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "context" TEXT,
    "generalObjective" TEXT,
    "description" TEXT,
    "targetPublic" TEXT,
    "vulnerableGroups" TEXT,
    "geographicScope" "GeographicScope" NOT NULL DEFAULT 'whole_territory',
    "geographicScopeDetail" TEXT,
    "pilotOrganisationId" UUID,
    "pilotContactName" VARCHAR(160),
    "pilotContactEmail" VARCHAR(254),
    "startsOn" DATE,
    "endsOn" DATE,
    "prsObjective" TEXT,
    "determinants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ProgressStatus" NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "priority" "Priority",
    "weight" INTEGER,
    "continuesFicheId" UUID,
    "deletedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FicheAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FicheFinding" (
    "ficheId" UUID NOT NULL,
    "findingId" UUID NOT NULL,

    CONSTRAINT "FicheFinding_pkey" PRIMARY KEY ("ficheId","findingId")
);

-- CreateTable
CREATE TABLE "FichePartner" (
    "ficheId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FichePartner_pkey" PRIMARY KEY ("ficheId","organisationId")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ficheId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "dueOn" DATE,
    "doneOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ficheId" UUID NOT NULL,
    "funderId" UUID,
    "funderLabel" VARCHAR(200),
    "fundingInstrument" VARCHAR(120),
    "year" INTEGER,
    "amount" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationalObjective" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ficheId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT,
    "dueOn" DATE,
    "status" "ProgressStatus" NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "weight" INTEGER,
    "deletedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OperationalObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "signerName" VARCHAR(160),
    "signerTitle" VARCHAR(160),
    "signedOn" DATE,
    "deliberationReference" VARCHAR(120),
    "deliberationDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractPartner" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "role" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContractPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "objectiveId" UUID,
    "ficheId" UUID,
    "description" TEXT NOT NULL,
    "resources" TEXT,
    "status" "ProgressStatus" NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ficheId" UUID NOT NULL,
    "objectiveId" UUID,
    "name" VARCHAR(300) NOT NULL,
    "level" "IndicatorLevel" NOT NULL,
    "unit" VARCHAR(60),
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'increase',
    "baselineValue" DECIMAL(18,4),
    "baselineOn" DATE,
    "targetValue" DECIMAL(18,4),
    "targetOn" DATE,
    "frequency" "CollectionFrequency" NOT NULL DEFAULT 'yearly',
    "dataSource" VARCHAR(300),
    "ownerId" UUID,
    "isRatio" BOOLEAN NOT NULL DEFAULT false,
    "ratioBase" INTEGER,
    "numeratorLabel" VARCHAR(200),
    "denominatorLabel" VARCHAR(200),
    "deletedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "indicatorId" UUID NOT NULL,
    "measuredOn" DATE NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "numerator" DECIMAL(18,4),
    "denominator" DECIMAL(18,4),
    "source" VARCHAR(300),
    "comment" TEXT,
    "authorId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationCampaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'open',
    "opensOn" DATE,
    "closedAt" TIMESTAMPTZ(3),
    "synthesis" TEXT,
    "recommendations" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FicheAssessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "campaignId" UUID NOT NULL,
    "ficheId" UUID NOT NULL,
    "realisationStatus" "RealisationStatus",
    "relevanceRating" INTEGER,
    "coherenceRating" INTEGER,
    "effectivenessRating" INTEGER,
    "efficiencyRating" INTEGER,
    "impactRating" INTEGER,
    "budgetPlanned" DECIMAL(14,2),
    "budgetSpent" DECIMAL(14,2),
    "partnerInputs" TEXT,
    "synthesis" TEXT,
    "recommendations" TEXT,
    "indicatorSnapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FicheAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingGroup" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "workingGroupId" UUID,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" VARCHAR(200),
    "participantCount" INTEGER,
    "residentCount" INTEGER,
    "minutesDocumentId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contractId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "issuedOn" DATE,
    "issuedPrecision" "DatePrecision" NOT NULL DEFAULT 'day',
    "url" VARCHAR(500),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(160),
    "passwordHash" TEXT,
    "emailVerified" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "regionId" UUID,
    "territoryId" UUID,
    "organisationId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "territoryId" UUID,
    "action" VARCHAR(80) NOT NULL,
    "entityType" VARCHAR(80) NOT NULL,
    "entityId" UUID NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(45),

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_inseeCode_key" ON "Region"("inseeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Region_arsId_key" ON "Region"("arsId");

-- CreateIndex
CREATE UNIQUE INDEX "Territory_slug_key" ON "Territory"("slug");

-- CreateIndex
CREATE INDEX "Territory_regionId_idx" ON "Territory"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_siren_key" ON "Organisation"("siren");

-- CreateIndex
CREATE INDEX "Organisation_regionId_idx" ON "Organisation"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_previousContractId_key" ON "Contract"("previousContractId");

-- CreateIndex
CREATE INDEX "Contract_visibility_status_idx" ON "Contract"("visibility", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_territoryId_generation_key" ON "Contract"("territoryId", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "DiagnosisFinding_contractId_position_key" ON "DiagnosisFinding"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Axis_contractId_position_key" ON "Axis"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Axis_contractId_number_key" ON "Axis"("contractId", "number");

-- CreateIndex
CREATE INDEX "FicheAction_axisId_idx" ON "FicheAction"("axisId");

-- CreateIndex
CREATE INDEX "FicheAction_pilotOrganisationId_idx" ON "FicheAction"("pilotOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "FicheAction_contractId_number_key" ON "FicheAction"("contractId", "number");

-- CreateIndex
CREATE INDEX "FicheFinding_findingId_idx" ON "FicheFinding"("findingId");

-- CreateIndex
CREATE INDEX "FichePartner_organisationId_idx" ON "FichePartner"("organisationId");

-- CreateIndex
CREATE INDEX "Milestone_ficheId_idx" ON "Milestone"("ficheId");

-- CreateIndex
CREATE INDEX "BudgetLine_ficheId_idx" ON "BudgetLine"("ficheId");

-- CreateIndex
CREATE INDEX "BudgetLine_funderId_idx" ON "BudgetLine"("funderId");

-- CreateIndex
CREATE UNIQUE INDEX "OperationalObjective_ficheId_position_key" ON "OperationalObjective"("ficheId", "position");

-- CreateIndex
CREATE INDEX "Signatory_organisationId_idx" ON "Signatory"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Signatory_contractId_organisationId_key" ON "Signatory"("contractId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Signatory_contractId_position_key" ON "Signatory"("contractId", "position");

-- CreateIndex
CREATE INDEX "ContractPartner_organisationId_idx" ON "ContractPartner"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPartner_contractId_organisationId_key" ON "ContractPartner"("contractId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPartner_contractId_position_key" ON "ContractPartner"("contractId", "position");

-- CreateIndex
CREATE INDEX "Commitment_organisationId_idx" ON "Commitment"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_objectiveId_organisationId_key" ON "Commitment"("objectiveId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_ficheId_organisationId_key" ON "Commitment"("ficheId", "organisationId");

-- CreateIndex
CREATE INDEX "Indicator_ficheId_idx" ON "Indicator"("ficheId");

-- CreateIndex
CREATE INDEX "Indicator_objectiveId_idx" ON "Indicator"("objectiveId");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_indicatorId_measuredOn_key" ON "Measurement"("indicatorId", "measuredOn");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCampaign_contractId_kind_key" ON "EvaluationCampaign"("contractId", "kind");

-- CreateIndex
CREATE INDEX "FicheAssessment_ficheId_idx" ON "FicheAssessment"("ficheId");

-- CreateIndex
CREATE UNIQUE INDEX "FicheAssessment_campaignId_ficheId_key" ON "FicheAssessment"("campaignId", "ficheId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkingGroup_contractId_name_key" ON "WorkingGroup"("contractId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkingGroup_contractId_position_key" ON "WorkingGroup"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_minutesDocumentId_key" ON "Meeting"("minutesDocumentId");

-- CreateIndex
CREATE INDEX "Meeting_contractId_heldOn_idx" ON "Meeting"("contractId", "heldOn");

-- CreateIndex
CREATE INDEX "Meeting_workingGroupId_idx" ON "Meeting"("workingGroupId");

-- CreateIndex
CREATE INDEX "Document_contractId_idx" ON "Document"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "Membership_regionId_idx" ON "Membership"("regionId");

-- CreateIndex
CREATE INDEX "Membership_territoryId_idx" ON "Membership"("territoryId");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE INDEX "AuditEvent_territoryId_occurredAt_idx" ON "AuditEvent"("territoryId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_arsId_fkey" FOREIGN KEY ("arsId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_previousContractId_fkey" FOREIGN KEY ("previousContractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiagnosisFinding" ADD CONSTRAINT "DiagnosisFinding_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "Axis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_pilotOrganisationId_fkey" FOREIGN KEY ("pilotOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_continuesFicheId_fkey" FOREIGN KEY ("continuesFicheId") REFERENCES "FicheAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheFinding" ADD CONSTRAINT "FicheFinding_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheFinding" ADD CONSTRAINT "FicheFinding_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "DiagnosisFinding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FichePartner" ADD CONSTRAINT "FichePartner_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FichePartner" ADD CONSTRAINT "FichePartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_funderId_fkey" FOREIGN KEY ("funderId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationalObjective" ADD CONSTRAINT "OperationalObjective_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPartner" ADD CONSTRAINT "ContractPartner_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPartner" ADD CONSTRAINT "ContractPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "OperationalObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "OperationalObjective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationCampaign" ADD CONSTRAINT "EvaluationCampaign_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAssessment" ADD CONSTRAINT "FicheAssessment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EvaluationCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FicheAssessment" ADD CONSTRAINT "FicheAssessment_ficheId_fkey" FOREIGN KEY ("ficheId") REFERENCES "FicheAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_minutesDocumentId_fkey" FOREIGN KEY ("minutesDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Check constraints (not expressible in schema.prisma; tested in tests/integration/database-constraints.test.ts)
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_generation_check" CHECK ("generation" >= 1);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_durationMonths_check" CHECK ("durationMonths" IS NULL OR "durationMonths" BETWEEN 1 AND 240);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_declaredFicheCount_check" CHECK ("declaredFicheCount" IS NULL OR "declaredFicheCount" >= 0);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_dates_check" CHECK ("endsOn" IS NULL OR "startsOn" IS NULL OR "endsOn" >= "startsOn");
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_diagnosisYear_check" CHECK ("diagnosisYear" IS NULL OR "diagnosisYear" BETWEEN 1990 AND 2100);
ALTER TABLE "DiagnosisFinding" ADD CONSTRAINT "DiagnosisFinding_position_check" CHECK ("position" >= 1);
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_position_check" CHECK ("position" >= 1);
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_number_check" CHECK ("number" IS NULL OR "number" >= 1);
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_number_check" CHECK ("number" >= 1);
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_weight_check" CHECK ("weight" IS NULL OR "weight" >= 0);
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_dates_check" CHECK ("endsOn" IS NULL OR "startsOn" IS NULL OR "endsOn" >= "startsOn");
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_funder_check" CHECK ("funderId" IS NOT NULL OR "funderLabel" IS NOT NULL);
ALTER TABLE "OperationalObjective" ADD CONSTRAINT "OperationalObjective_position_check" CHECK ("position" >= 1);
ALTER TABLE "OperationalObjective" ADD CONSTRAINT "OperationalObjective_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "OperationalObjective" ADD CONSTRAINT "OperationalObjective_weight_check" CHECK ("weight" IS NULL OR "weight" >= 0);
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_position_check" CHECK ("position" >= 1);
ALTER TABLE "ContractPartner" ADD CONSTRAINT "ContractPartner_position_check" CHECK ("position" >= 1);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_target_check" CHECK (num_nonnulls("objectiveId", "ficheId") = 1);
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_ratioBase_check" CHECK ("ratioBase" IS NULL OR "ratioBase" > 0);
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_denominator_check" CHECK ("denominator" IS NULL OR "denominator" > 0);
ALTER TABLE "FicheAssessment" ADD CONSTRAINT "FicheAssessment_ratings_check" CHECK (
  ("relevanceRating" IS NULL OR "relevanceRating" BETWEEN 1 AND 4) AND
  ("coherenceRating" IS NULL OR "coherenceRating" BETWEEN 1 AND 4) AND
  ("effectivenessRating" IS NULL OR "effectivenessRating" BETWEEN 1 AND 4) AND
  ("efficiencyRating" IS NULL OR "efficiencyRating" BETWEEN 1 AND 4) AND
  ("impactRating" IS NULL OR "impactRating" BETWEEN 1 AND 4));
ALTER TABLE "FicheAssessment" ADD CONSTRAINT "FicheAssessment_budget_check" CHECK (("budgetPlanned" IS NULL OR "budgetPlanned" >= 0) AND ("budgetSpent" IS NULL OR "budgetSpent" >= 0));
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_position_check" CHECK ("position" >= 1);
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_counts_check" CHECK (("participantCount" IS NULL OR "participantCount" >= 0) AND ("residentCount" IS NULL OR "residentCount" >= 0));
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));
-- A membership's scope matches its role: platform admins have none, ARS officers a region,
-- coordinators and contributors a territory, partners an organisation.
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_scope_check" CHECK (
  ("role" = 'platform_admin' AND num_nonnulls("regionId", "territoryId", "organisationId") = 0) OR
  ("role" = 'ars_officer' AND "regionId" IS NOT NULL AND num_nonnulls("territoryId", "organisationId") = 0) OR
  ("role" IN ('coordinator', 'contributor') AND "territoryId" IS NOT NULL AND num_nonnulls("regionId", "organisationId") = 0) OR
  ("role" = 'partner' AND "organisationId" IS NOT NULL AND num_nonnulls("regionId", "territoryId") = 0));

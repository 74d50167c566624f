-- Amendments (issue 16, continued): each signatory of the contract signs an amendment, with the
-- deliberation that empowered them, and an amendment has documents (its signed text, the
-- deliberations) among its contract's. Amendments signed before this migration keep their date
-- and no signature rows: who signed them was not recorded, and the pages say so.

-- CreateTable
CREATE TABLE "AmendmentSignature" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "amendmentId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "signerName" VARCHAR(160),
    "signerTitle" VARCHAR(160),
    "signedOn" DATE NOT NULL,
    "deliberationReference" VARCHAR(120),
    "deliberationDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AmendmentSignature_pkey" PRIMARY KEY ("id"),
    -- The deliberation empowers the signatory: it comes first.
    CONSTRAINT "AmendmentSignature_deliberation_check" CHECK ("deliberationDate" IS NULL OR "deliberationDate" <= "signedOn")
);

-- CreateIndex
CREATE UNIQUE INDEX "AmendmentSignature_amendmentId_organisationId_key" ON "AmendmentSignature"("amendmentId", "organisationId");

-- CreateIndex
CREATE INDEX "AmendmentSignature_organisationId_idx" ON "AmendmentSignature"("organisationId");

-- AddForeignKey
ALTER TABLE "AmendmentSignature" ADD CONSTRAINT "AmendmentSignature_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentSignature" ADD CONSTRAINT "AmendmentSignature_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "amendmentId" UUID;

-- CreateIndex
CREATE INDEX "Document_amendmentId_idx" ON "Document"("amendmentId");

-- AddForeignKey: a deleted (draft) amendment leaves its documents in the contract.
ALTER TABLE "Document" ADD CONSTRAINT "Document_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A document belongs to an amendment of its own contract only. A composite foreign key cannot
-- say so with ON DELETE SET NULL on one column before PostgreSQL 15: a trigger checks it.
CREATE FUNCTION "Document_amendment_contract"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."amendmentId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Amendment" a WHERE a."id" = NEW."amendmentId" AND a."contractId" = NEW."contractId"
  ) THEN
    RAISE EXCEPTION 'Document_amendment_contract_check: amendment % is not of contract %', NEW."amendmentId", NEW."contractId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Document_amendment_contract"
  BEFORE INSERT OR UPDATE OF "amendmentId", "contractId" ON "Document"
  FOR EACH ROW EXECUTE FUNCTION "Document_amendment_contract"();

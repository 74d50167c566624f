-- Documents with a file (issue 16): the bytes of each document's file in a table of their own, so
-- that listing documents never reads them; whether the public sees a document.

-- AlterTable: the documents recorded so far were all shown on the public pages; new ones are not
-- until a coordinator says so.
ALTER TABLE "Document" ADD COLUMN "isPublic" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Document" SET "isPublic" = true;

-- CreateTable
CREATE TABLE "DocumentFile" (
    "documentId" UUID NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mediaType" VARCHAR(100) NOT NULL,
    "originalName" VARCHAR(255) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentFile_pkey" PRIMARY KEY ("documentId")
);

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The row says what its content is.
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_content_check"
  CHECK ("sizeBytes" = octet_length("content") AND "sizeBytes" > 0 AND "sha256" ~ '^[0-9a-f]{64}$');

-- Files are already compressed (PDF, OOXML and OpenDocument archives, PNG, JPEG): stored out of
-- line without PostgreSQL trying to compress them again.
ALTER TABLE "DocumentFile" ALTER COLUMN "content" SET STORAGE EXTERNAL;

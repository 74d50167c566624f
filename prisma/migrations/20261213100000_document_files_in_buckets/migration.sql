-- With S3-compatible storage configured (OPENCLS_S3_BUCKET), a file's bytes are an object of the
-- bucket and its row keeps an empty content: the row still says what the file is (size, SHA-256),
-- and holds either all of its bytes or none.
ALTER TABLE "DocumentFile" DROP CONSTRAINT "DocumentFile_content_check";
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_content_check"
  CHECK ("sizeBytes" > 0 AND octet_length("content") IN (0, "sizeBytes") AND "sha256" ~ '^[0-9a-f]{64}$');

// Documents' files in an S3-compatible bucket (OPENCLS_S3_*: lib/documents/config.ts). The row
// stays in PostgreSQL with an empty `content`; the bytes are the object
// documents/<document id>/<SHA-256>, so a new file never overwrites the bytes of the one it
// replaces, which a transaction that rolls back still names. An object goes only once no committed
// row names it:
// - after each write, committed or not, the objects it touched are checked (deleteUnreferenced);
// - one left behind (the check failed, the process stopped, a backup was reading the bucket) is
//   deleted by the nightly sweep once it is a day old, older than any transaction still running.
// A check holds the document's row lock, which a write takes before it uploads, so that a file
// put back meanwhile is never lost; and an advisory lock that a backup holds exclusively while it
// copies the objects its snapshot names (lib/db/backup.ts), so that none of them goes meanwhile.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { StartupError } from "@/lib/config/startup-error";
import type { Db, Tx } from "@/lib/db/client";
import type { S3StorageConfig } from "./config";
import { intactBytes } from "./file-check";
import type { FileWrites } from "./storage";

/** Taken shared by each deletion, exclusively by a backup reading the objects: "OCDO". */
export const DOCUMENT_OBJECTS_LOCK = 0x4f43444f;
/** How old an object no row names must be before the sweep deletes it. */
export const SWEEP_AFTER_MS = 86_400_000;
const PREFIX = "documents/";
const KEY = /^documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f]{64})$/;

export const objectKey = (documentId: string, sha256: string) => `${PREFIX}${documentId}/${sha256}`;

/** The document's row lock, which every write of its file takes before uploading; `share` to wait for them. */
const lockDocument = (tx: Tx, documentId: string, mode: "update" | "share") =>
  mode === "update"
    ? tx.$queryRaw`SELECT 1 FROM "Document" WHERE id = ${documentId}::uuid FOR NO KEY UPDATE`
    : tx.$queryRaw`SELECT 1 FROM "Document" WHERE id = ${documentId}::uuid FOR SHARE`;

type ObjectName = { documentId: string; sha256: string };

export type S3Bucket = ReturnType<typeof s3Bucket>;

export function s3Bucket(config: S3StorageConfig) {
  const { bucket } = config;
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums only where the API requires them: some S3-compatible servers refuse the SDK's
    // newer default ones, and the bytes are checked against their SHA-256 on every read anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const where = `bucket ${bucket}${config.endpoint ? ` at ${config.endpoint}` : ""}`;

  const upload = (documentId: string, sha256: string, Body: Uint8Array, mediaType: string) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: objectKey(documentId, sha256),
        Body,
        ContentType: mediaType,
        ContentLength: Body.length,
      }),
    );

  /** The object's bytes, checked against the digest that names it. */
  async function read(documentId: string, { sha256, sizeBytes }: { sha256: string; sizeBytes: number }): Promise<Uint8Array> {
    const Key = objectKey(documentId, sha256);
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key })).catch((error: unknown) => {
      if (error instanceof S3ServiceException && error.name === "NoSuchKey")
        throw new Error(`The file of document ${documentId} is missing from ${where} (${Key}): restore it from a backup.`);
      throw error;
    });
    return intactBytes(documentId, await object.Body!.transformToByteArray(), { sha256, sizeBytes });
  }

  /** Deletes the object unless a committed row names it; false when it stays (named, or a backup is reading the bucket). */
  async function deleteUnreferenced(db: Db, { documentId, sha256 }: ObjectName): Promise<boolean> {
    return db.$transaction(
      async (tx) => {
        const [{ free }] = await tx.$queryRaw<
          [{ free: boolean }]
        >`SELECT pg_try_advisory_xact_lock_shared(${DOCUMENT_OBJECTS_LOCK}) AS free`;
        if (!free) return false;
        // Waits for a write in progress on the document, which may be putting this very file back.
        await lockDocument(tx, documentId, "share");
        if (await tx.documentFile.count({ where: { documentId, sha256 } })) return false;
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(documentId, sha256) }));
        return true;
      },
      // A write holding the document's row may take its whole minute (lib/documents/mutations.ts).
      { timeout: 90_000, maxWait: 10_000 },
    );
  }

  return {
    bucket,

    read,

    deleteUnreferenced,

    async writing<T>(db: Db, write: (files: FileWrites) => Promise<T>): Promise<T> {
      const touched = new Map<string, ObjectName>();
      const touch = (documentId: string, sha256: string) => touched.set(objectKey(documentId, sha256), { documentId, sha256 });
      const previous = async (tx: Tx, documentId: string) => {
        const file = await tx.documentFile.findUnique({ where: { documentId }, select: { sha256: true } });
        if (file) touch(documentId, file.sha256);
        return file;
      };
      const files: FileWrites = {
        async put(tx, documentId, { bytes, sha256, mediaType, originalName }) {
          await lockDocument(tx, documentId, "update");
          await previous(tx, documentId);
          touch(documentId, sha256);
          await upload(documentId, sha256, bytes, mediaType);
          const row = { content: new Uint8Array(0), sha256, sizeBytes: bytes.length, mediaType, originalName, createdAt: new Date() };
          await tx.documentFile.upsert({
            where: { documentId },
            create: { documentId, ...row },
            update: row,
            select: { documentId: true },
          });
        },
        async remove(tx, documentId) {
          if (await previous(tx, documentId)) await tx.documentFile.delete({ where: { documentId }, select: { documentId: true } });
        },
      };
      try {
        return await write(files);
      } finally {
        for (const name of touched.values()) {
          await deleteUnreferenced(db, name).catch((error: unknown) =>
            console.error(`opencls: ${objectKey(name.documentId, name.sha256)} is left to the nightly sweep:`, error),
          );
        }
      }
    },

    /** Deletes the objects no row names that are older than a day; how many went. */
    async sweep(db: Db, now = new Date()): Promise<number> {
      let deleted = 0;
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: PREFIX })) {
        const old = (page.Contents ?? []).flatMap(({ Key, LastModified }) => {
          const [, documentId, sha256] = KEY.exec(Key ?? "") ?? [];
          return documentId && LastModified && now.getTime() - LastModified.getTime() >= SWEEP_AFTER_MS ? [{ documentId, sha256 }] : [];
        });
        // One query a page (up to 1,000 objects) spares the named ones a check of their own.
        const named = await db.documentFile.findMany({
          where: { documentId: { in: old.map((name) => name.documentId) } },
          select: { documentId: true, sha256: true },
        });
        const keys = new Set(named.map((name) => objectKey(name.documentId, name.sha256)));
        for (const name of old) {
          if (!keys.has(objectKey(name.documentId, name.sha256)) && (await deleteUnreferenced(db, name))) deleted += 1;
        }
      }
      return deleted;
    },

    /**
     * Moves the files whose bytes are in their row (kept before the bucket was configured, or
     * restored from a backup) into the bucket, one transaction each; how many moved.
     */
    async moveIntoBucket(db: Db): Promise<number> {
      const files = await db.$queryRaw<
        Array<{ documentId: string }>
      >`SELECT "documentId" FROM "DocumentFile" WHERE octet_length("content") > 0`;
      let moved = 0;
      for (const { documentId } of files) {
        await db.$transaction(
          async (tx) => {
            await lockDocument(tx, documentId, "update");
            const file = await tx.documentFile.findUnique({
              where: { documentId },
              select: { content: true, sha256: true, sizeBytes: true, mediaType: true },
            });
            // Replaced or deleted meanwhile.
            if (!file?.content.length) return;
            await upload(documentId, file.sha256, intactBytes(documentId, file.content, file), file.mediaType);
            await tx.documentFile.update({ where: { documentId }, data: { content: new Uint8Array(0) }, select: { documentId: true } });
            moved += 1;
          },
          { timeout: 90_000 },
        );
      }
      return moved;
    },

    /** At start: the bucket answers to these credentials. */
    async check(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
        const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
        const reason =
          status === 404
            ? "no such bucket"
            : status === 403
              ? "access denied to these credentials"
              : (error as Error).message || String(error);
        throw new StartupError(`Cannot use ${where} for documents' files: ${reason}.`);
      });
    },
  };
}

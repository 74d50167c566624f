// Where documents' files are kept: one small interface, two stores (docs/adr/0015), so that the
// actions and the downloads do not change with the store. The DocumentFile row (name, type, size,
// SHA-256) stays in PostgreSQL whatever the store, and lists read only it.
// - PostgreSQL, the default: the bytes are the row's `content`, written in the transaction that
//   records the document's change, deleted with the document (a foreign key's cascade).
// - S3-compatible storage, when OPENCLS_S3_BUCKET and its companions are set
//   (lib/documents/s3-storage.ts): the bytes are an object of the bucket and `content` is empty.
// Either way every backup (npm run db:backup) holds the bytes, and every read checks them
// against the row's SHA-256.
import type { Db, Tx } from "@/lib/db/client";
import { s3StorageConfig } from "./config";
import { intactBytes } from "./file-check";
import { s3Bucket, type S3Bucket } from "./s3-storage";

/** A checked file (lib/documents/file-check.ts), ready to keep. */
export type CheckedFile = {
  bytes: Buffer;
  sha256: string;
  mediaType: string;
  originalName: string;
};

/** A document's file as read back, its bytes checked against its digest. */
export type StoredFile = Omit<CheckedFile, "bytes"> & { bytes: Uint8Array; sizeBytes: number };

/** The file changes of one transaction. */
export type FileWrites = {
  /** Keeps the file as the document's, in place of any it had. */
  put(tx: Tx, documentId: string, file: CheckedFile): Promise<void>;
  /** Removes the document's file; nothing when it has none. */
  remove(tx: Tx, documentId: string): Promise<void>;
};

export type DocumentFileStorage = {
  readonly name: string;
  /** The document's file with its bytes, or null when it has none; an error when its bytes are not the ones kept. */
  get(db: Db | Tx, documentId: string): Promise<StoredFile | null>;
  /**
   * Runs `write`, which commits one transaction changing documents' files through `files`; then,
   * whether it committed or not, lets go of the bytes no row needs any more.
   */
  writing<T>(db: Db, write: (files: FileWrites) => Promise<T>): Promise<T>;
};

const postgresqlWrites: FileWrites = {
  async put(tx, documentId, { bytes, sha256, mediaType, originalName }) {
    const row = { content: new Uint8Array(bytes), sha256, sizeBytes: bytes.length, mediaType, originalName, createdAt: new Date() };
    await tx.documentFile.upsert({ where: { documentId }, create: { documentId, ...row }, update: row, select: { documentId: true } });
  },
  async remove(tx, documentId) {
    await tx.documentFile.deleteMany({ where: { documentId } });
  },
};

/** The document's file: its bytes from its row, or from the bucket when the row holds none. */
async function getFile(db: Db | Tx, documentId: string, bucket: S3Bucket | undefined): Promise<StoredFile | null> {
  const file = await db.documentFile.findUnique({
    where: { documentId },
    select: { content: true, sha256: true, sizeBytes: true, mediaType: true, originalName: true },
  });
  if (!file) return null;
  const { content, ...rest } = file;
  // Bytes in the row: the PostgreSQL store's, or a file kept before the bucket was configured or
  // restored from a backup, which the S3 store serves as they are.
  if (content.length) return { ...rest, bytes: intactBytes(documentId, content, rest) };
  if (!bucket)
    throw new Error(
      `The file of document ${documentId} is kept in S3-compatible storage, which this instance is not configured for (OPENCLS_S3_BUCKET).`,
    );
  return { ...rest, bytes: await bucket.read(documentId, rest) };
}

export const postgresqlStorage = {
  name: "postgresql",
  get: (db, documentId) => getFile(db, documentId, undefined),
  writing: (_db, write) => write(postgresqlWrites),
} as const satisfies DocumentFileStorage;

export type S3FileStorage = DocumentFileStorage & S3Bucket & { name: "s3" };

function s3Storage(bucket: S3Bucket): S3FileStorage {
  return { ...bucket, name: "s3", get: (db, documentId) => getFile(db, documentId, bucket) };
}

let configured: { key: string; storage: S3FileStorage } | undefined;

/** The store this instance uses, as the environment says (checked at start: lib/config/server-config.ts). */
export function documentStorage(env: Record<string, string | undefined> = process.env): typeof postgresqlStorage | S3FileStorage {
  const config = s3StorageConfig(env);
  if (!config) return postgresqlStorage;
  const key = JSON.stringify(config);
  if (configured?.key !== key) configured = { key, storage: s3Storage(s3Bucket(config)) };
  return configured.storage;
}

// Where documents' files are kept. One small interface, so that another store (S3-compatible
// object storage) can take the bytes without the actions or the downloads changing: the
// DocumentFile row (name, type, size, SHA-256) stays in PostgreSQL whatever the store, and lists
// read only it. The PostgreSQL store, the default and today the only one, keeps the bytes in that
// row's `content` column: written in the transaction that records the document's change, deleted
// with the document (a foreign key's cascade), and in every backup (npm run db:backup).
import type { Db, Tx } from "@/lib/db/client";

/** A checked file (lib/documents/file-check.ts), ready to keep. */
export type CheckedFile = {
  bytes: Buffer;
  sha256: string;
  mediaType: string;
  originalName: string;
};

export type DocumentFileStorage = {
  readonly name: string;
  /** Keeps the file as the document's, in place of any it had, within the transaction that records the change. */
  put(tx: Tx, documentId: string, file: CheckedFile): Promise<void>;
  /** The document's file with its bytes, or null when it has none. */
  get(db: Db | Tx, documentId: string): Promise<(Omit<CheckedFile, "bytes"> & { bytes: Uint8Array; sizeBytes: number }) | null>;
  /** Removes the document's file, within the transaction that records it; nothing when it has none. */
  remove(tx: Tx, documentId: string): Promise<void>;
};

export const postgresqlStorage: DocumentFileStorage = {
  name: "postgresql",
  async put(tx, documentId, { bytes, sha256, mediaType, originalName }) {
    const row = { content: new Uint8Array(bytes), sha256, sizeBytes: bytes.length, mediaType, originalName, createdAt: new Date() };
    await tx.documentFile.upsert({ where: { documentId }, create: { documentId, ...row }, update: row, select: { documentId: true } });
  },
  async get(db, documentId) {
    const file = await db.documentFile.findUnique({
      where: { documentId },
      select: { content: true, sha256: true, sizeBytes: true, mediaType: true, originalName: true },
    });
    if (!file) return null;
    const { content, ...rest } = file;
    return { ...rest, bytes: content };
  },
  async remove(tx, documentId) {
    await tx.documentFile.deleteMany({ where: { documentId } });
  },
};

/**
 * The store this instance uses. S3-compatible storage is not built yet: it would implement the
 * same three operations (put: upload the object, then write the row without its bytes; get:
 * fetch the object; remove: delete the row, then the object once the transaction has committed).
 */
export function documentStorage(): DocumentFileStorage {
  return postgresqlStorage;
}

// Select fragments of documents shared by their reads and writes. None reads a file's bytes:
// only the stores do (lib/documents/storage.ts), for a download or a backup.
import type { Prisma } from "@/lib/db/generated/client";

/** What DOCUMENT_FIELDS declares, as history and the form read it. */
export const documentValuesSelect = {
  kind: true,
  title: true,
  issuedOn: true,
  url: true,
  isPublic: true,
  amendmentId: true,
  amendment: { select: { number: true } },
} satisfies Prisma.DocumentSelect;

/** What a list says of a document's file: its name, type and size. */
export const documentFileSummarySelect = { originalName: true, mediaType: true, sizeBytes: true } satisfies Prisma.DocumentFileSelect;

/** A document as a list of links reads it: what it is, when, and where it is read (lib/contracts/documents.ts). */
export const documentLinkSelect = {
  id: true,
  kind: true,
  title: true,
  issuedOn: true,
  issuedPrecision: true,
  url: true,
  file: { select: documentFileSummarySelect },
} satisfies Prisma.DocumentSelect;

/** A document as the workspace's documents page shows it. */
export const documentSelect = {
  id: true,
  version: true,
  ...documentValuesSelect,
  issuedPrecision: true,
  file: { select: documentFileSummarySelect },
  meeting: { select: { kind: true, heldOn: true } },
} satisfies Prisma.DocumentSelect;

export type DocumentSummary = Prisma.DocumentGetPayload<{ select: typeof documentSelect }>;
export type DocumentFileSummary = Prisma.DocumentFileGetPayload<{ select: typeof documentFileSummarySelect }>;

/** Documents a page lists at most: a contract's life holds a few dozen. */
export const DOCUMENTS_LIMIT = 200;

/** The order of a contract's documents everywhere: the oldest first, undated ones before. */
export const documentOrder = [
  { issuedOn: { sort: "asc", nulls: "first" } },
  { title: "asc" },
  { id: "asc" },
] satisfies Prisma.DocumentOrderByWithRelationInput[];

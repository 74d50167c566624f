// Select fragments of amendments shared by their reads and writes.
import type { Prisma } from "@/lib/db/generated/client";

/** A signatory's signature of an amendment: who signed, when, and the deliberation that empowered them. */
export const amendmentSignatureSelect = {
  id: true,
  organisationId: true,
  version: true,
  signerName: true,
  signerTitle: true,
  signedOn: true,
  deliberationReference: true,
  deliberationDate: true,
  organisation: { select: { name: true } },
} satisfies Prisma.AmendmentSignatureSelect;

export type AmendmentSignatureView = Prisma.AmendmentSignatureGetPayload<{ select: typeof amendmentSignatureSelect }>;

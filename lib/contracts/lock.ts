import type { Prisma } from "@/lib/db/generated/client";

/**
 * Serializes changes to a contract's structure (axis order, fiche numbers) within a
 * transaction: two people reordering or numbering at once never interleave.
 */
export async function lockContract(tx: Prisma.TransactionClient, contractId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Contract" WHERE "id" = ${contractId}::uuid FOR UPDATE`;
}

// The fictional contract's signed amendments (prisma/seed/territoire-de-demonstration.json), made
// as the amendment actions make them (lib/amendments/mutations.ts): the contract as signed frozen
// without the fiches they add, the fiches they close closed on their signature day, then the
// contract as amended frozen, each in a real snapshot (both taken when the data is loaded), the
// agency's favourable opinion and each signatory's signature recorded. Only the fictional file
// holds any (lib/seed/schema.ts).
import type { Tx } from "@/lib/db/client";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { userId, type SeedContext } from "./context";
import type { FictionalContractFile, PartyRef } from "./schema";

type FileAmendment = FictionalContractFile["amendments"][number];

/** The amendment's signatures, each signatory's, on its day unless the file says otherwise. */
function signatureRows(amendment: FileAmendment, amendmentId: string, partyId: (ref: PartyRef) => string, context: SeedContext) {
  return amendment.signatures.map((signature) => ({
    amendmentId,
    organisationId: partyId(signature.organisation),
    signerName: signature.signerName,
    signerTitle: signature.signerTitle,
    signedOn: context.on(signature.signedOn ?? amendment.signedOn)!,
    deliberationReference: signature.deliberationReference,
    deliberationDate: context.on(signature.deliberationDate),
  }));
}

/**
 * Inserts the file's amendments into a contract that has none. A contract with amendments keeps
 * them; a signed one loaded before signatures were recorded one by one gets the file's.
 */
export async function insertAmendments(
  tx: Tx,
  file: FictionalContractFile,
  contractId: string,
  context: SeedContext,
  partyId: (ref: PartyRef) => string,
): Promise<void> {
  if (!file.amendments.length) return;
  const existing = await tx.amendment.findMany({
    where: { contractId },
    select: { id: true, number: true, status: true, _count: { select: { signatures: true } } },
  });
  if (existing.length) {
    const unsigned = existing.filter((amendment) => amendment.status === "signed" && !amendment._count.signatures);
    const rows = unsigned.flatMap((amendment) => {
      const described = file.amendments[amendment.number - 1];
      return described ? signatureRows(described, amendment.id, partyId, context) : [];
    });
    if (rows.length) await tx.amendmentSignature.createMany({ data: rows, skipDuplicates: true });
    return;
  }
  const fiches = await tx.ficheAction.findMany({ where: { contractId, deletedAt: null }, select: { id: true, number: true } });
  const idOf = (number: number) => fiches.find((fiche) => fiche.number === number)!.id;
  const later = new Set(file.amendments.flatMap((amendment) => amendment.adds));
  // The contract as signed held none of the fiches its amendments add.
  let base = await createContractSnapshot(
    tx,
    contractId,
    "signature",
    { userId: null },
    {
      ficheIds: fiches.filter((fiche) => !later.has(fiche.number)).map((fiche) => fiche.id),
    },
  );
  for (const [index, amendment] of file.amendments.entries()) {
    const signedOn = context.on(amendment.signedOn)!;
    const signer = userId(context, amendment.by);
    const added = new Set(file.amendments.slice(index + 1).flatMap((next) => next.adds));
    await tx.ficheAction.updateMany({
      where: { id: { in: amendment.closes.map(idOf) } },
      data: { closedOn: signedOn },
    });
    const snapshot = await createContractSnapshot(
      tx,
      contractId,
      "amendment",
      { userId: signer },
      {
        ficheIds: fiches.filter((fiche) => !added.has(fiche.number)).map((fiche) => fiche.id),
      },
    );
    const created = await tx.amendment.create({
      data: {
        contractId,
        number: index + 1,
        purpose: amendment.purpose,
        status: "signed",
        councilAdoptedOn: context.on(amendment.councilAdoptedOn),
        deliberationReference: amendment.deliberationReference,
        signedOn,
        baseSnapshotId: base.id,
        snapshotId: snapshot.id,
        createdById: signer,
        signedById: signer,
        fiches: {
          create: [
            ...amendment.adds.map((number) => ({ ficheId: idOf(number), change: "added" as const })),
            ...amendment.changes.map((number) => ({ ficheId: idOf(number), change: "changed" as const })),
            ...amendment.closes.map((number) => ({ ficheId: idOf(number), change: "closed" as const })),
          ],
        },
      },
      select: { id: true },
    });
    await tx.ficheAction.updateMany({ where: { id: { in: amendment.closes.map(idOf) } }, data: { closedByAmendmentId: created.id } });
    await tx.amendmentSignature.createMany({ data: signatureRows(amendment, created.id, partyId, context) });
    await tx.reviewStage.create({
      data: {
        contractId,
        subjectKind: "amendment",
        subjectId: created.id,
        state: "favourable",
        submittedAt: signedOn,
        decidedAt: signedOn,
      },
    });
    base = snapshot;
  }
}

// Publishing fiches in a transaction: a publication snapshot freezes them (lib/snapshots), and
// each one's public version is cut from it (./content.ts). The action checks and audits
// (./mutations.ts); seeds, tests and the data migration that published the fiches already public
// before publication existed call it directly.
import type { Actor } from "@/lib/authz";
import type { Db, Tx } from "@/lib/db/client";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { publicFicheContent, publicFicheFacets } from "./content";

type PublishedFiche = { id: string; number: number; title: string; version: number; withheldFields: string[] };

/** Freezes these live fiches of the contract in a publication snapshot and makes it their public version; returns the snapshot. */
export async function publishInTransaction(tx: Tx, contractId: string, fiches: readonly PublishedFiche[], actor: Pick<Actor, "userId">) {
  const ids = fiches.map((fiche) => fiche.id);
  const snapshot = await createContractSnapshot(tx, contractId, "publication", actor, { ficheIds: ids });
  const byId = new Map(fiches.map((fiche) => [fiche.id, fiche]));
  const publishedAt = new Date();
  await tx.publicFiche.deleteMany({ where: { ficheId: { in: ids } } });
  await tx.publicFiche.createMany({
    data: snapshot.content.fiches.map((frozen) => {
      const fiche = byId.get(frozen.id)!;
      const content = publicFicheContent(frozen, fiche.withheldFields);
      return {
        ficheId: fiche.id,
        contractId,
        snapshotId: snapshot.id,
        version: fiche.version,
        number: fiche.number,
        title: fiche.title,
        axisId: frozen.axisId,
        content,
        ...publicFicheFacets(content),
        publishedAt,
      };
    }),
  });
  return snapshot;
}

/** Publishes every live fiche of the contract that is not confidential, as it stands (none: nothing happens). */
export async function publishAllFiches(tx: Tx, contractId: string, actor: Pick<Actor, "userId">) {
  const fiches = await tx.ficheAction.findMany({
    where: { contractId, deletedAt: null, confidential: false },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, version: true, withheldFields: true },
  });
  if (fiches.length) await publishInTransaction(tx, contractId, fiches, actor);
  return fiches.length;
}

/**
 * Publishes, contract by contract, the fiches of published contracts that have never been
 * published (none of the contract's fiches is): the demo data, the national dataset, and the
 * fiches that were public before publication existed. A contract whose coordinators already
 * publish is left to them. Returns how many fiches it published.
 */
export async function publishUnpublishedContracts(db: Db): Promise<number> {
  const contracts = await db.contract.findMany({
    where: { visibility: "published", publicFiches: { none: {} }, fiches: { some: { deletedAt: null, confidential: false } } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  let published = 0;
  for (const contract of contracts)
    published += await db.$transaction((tx) => publishAllFiches(tx, contract.id, { userId: null }), { timeout: 60_000 });
  return published;
}

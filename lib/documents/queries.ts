// Reads of a contract's documents: the workspace's documents page, and the two ways a file is
// downloaded, each authorized here (lib/authz): in the workspace, by whoever reads the contract;
// on the public site, by anyone, for a public document of a published contract only. A document
// of another territory, or another contract, is not found.
import { AMENDMENTS_SHOWN } from "@/lib/amendments/queries";
import { assertCan, can, NotFoundError, type Actor } from "@/lib/authz";
import { findContractInTerritory, readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { publishedContract } from "@/lib/territories/queries";
import { contractAccessSelect, contractResource } from "@/lib/workspaces/resource";
import { documentMaxBytes } from "./config";
import { documentOrder, documentSelect, DOCUMENTS_LIMIT } from "./selects";
import { documentStorage } from "./storage";

const documentsPageSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    territory: { select: territoryKeysSelect },
    documents: { orderBy: documentOrder, take: DOCUMENTS_LIMIT, select: documentSelect },
    _count: { select: { documents: true } },
    // The amendments a document may belong to.
    amendments: { orderBy: { number: "asc" }, take: AMENDMENTS_SHOWN, select: { id: true, number: true, status: true, signedOn: true } },
  }) satisfies Prisma.ContractSelect;

/**
 * The documents page of a contract the actor reads ("workspace.read"): its documents with what
 * their files are (never their bytes) and the amendment each belongs to, the contract's
 * amendments, whether the actor manages them ("contract.edit"), and the size limit of a file. One query.
 */
export async function getContractDocuments(actor: Actor, territorySlug: string, contractId: string) {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, documentsPageSelect(actor)));
  return {
    contract: { id: contract.id, title: contract.title, territory: contract.territory },
    documents: contract.documents,
    amendments: contract.amendments,
    total: contract._count.documents,
    editable: can(actor, "contract.edit", contractResource(contract.territory, contract)),
    maxBytes: documentMaxBytes(),
  };
}

export type ContractDocuments = Awaited<ReturnType<typeof getContractDocuments>>;

/** A document's file to download; `servedPublicly` when it goes to anyone (shared caches may keep it, revalidating). */
export type DocumentDownload = NonNullable<Awaited<ReturnType<ReturnType<typeof documentStorage>["get"]>>> & { servedPublicly: boolean };

async function fileOf(documentId: string, servedPublicly: boolean): Promise<DocumentDownload> {
  const file = await documentStorage().get(getDb(), documentId);
  if (!file) throw new NotFoundError();
  return { ...file, servedPublicly };
}

/** The file of a document of a contract the actor reads in the workspace, public or not. */
export async function getWorkspaceDocumentFile(actor: Actor, territorySlug: string, contractId: string, documentId: string) {
  const contract = readableOrNotFound(
    actor,
    await findContractInTerritory(territorySlug, contractId, {
      ...contractAccessSelect(actor),
      territory: { select: territoryKeysSelect },
      documents: { where: { id: documentId }, select: { id: true } },
    }),
  );
  if (!contract.documents.length) throw new NotFoundError();
  return fileOf(documentId, false);
}

/** The file of a public document of a published contract of the territory, for anyone. */
export async function getPublicDocumentFile(actor: Actor, territorySlug: string, documentId: string) {
  assertCan(actor, "publishedContract.read");
  const document = await getDb().document.findFirst({
    where: { id: documentId, isPublic: true, contract: { ...publishedContract, territory: { slug: territorySlug } } },
    select: { id: true },
  });
  if (!document) throw new NotFoundError();
  return fileOf(documentId, true);
}

// Reads of amendments: a contract's amendments with their differences (the contract page), one
// amendment with everything its page shows, the signed amendments the public page shows, and
// the contract as of one amendment for its exports. Differences are always computed between the
// contents of the one snapshot mechanism (./diff.ts): the snapshot before an amendment and the one
// it signed, or the live contract read by the same function while it is a draft.
import { assertCan, can, NotFoundError, type Actor } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { SnapshotReason } from "@/lib/db/generated/enums";
import { findContractInTerritory, readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { documentLinkSelect, documentOrder, DOCUMENTS_LIMIT } from "@/lib/documents/selects";
import { readContractContent } from "@/lib/snapshots/create";
import { contractSnapshotContentSchema, type ContractSnapshotContent } from "@/lib/snapshots/schema";
import { contractAccessSelect, territoryResource } from "@/lib/workspaces/resource";
import { contractDiffSchema, diffContents, publicDiff, type ContractDiff, type PublicFicheFacts } from "./diff";
import { amendmentSignatureSelect } from "./selects";

/** Amendments a contract lists at most: more than any contract signs over its life. */
export const AMENDMENTS_SHOWN = 50;

// Never the snapshots' content: a large contract's is megabytes, read only when a diff is computed.
const snapshotFacts = { select: { id: true, version: true, reason: true, createdAt: true } } as const;

const amendmentSelect = {
  id: true,
  contractId: true,
  number: true,
  purpose: true,
  status: true,
  councilAdoptedOn: true,
  deliberationReference: true,
  signedOn: true,
  version: true,
  createdAt: true,
  differences: true,
  baseSnapshot: snapshotFacts,
  snapshot: snapshotFacts,
  fiches: {
    orderBy: { fiche: { number: "asc" } },
    select: { ficheId: true, change: true, fiche: { select: { number: true, title: true, closedOn: true, deletedAt: true } } },
  },
} satisfies Prisma.AmendmentSelect;

/** Each signatory's signature, in the order they signed (a contract has a few signatories): the contract page's list leaves them out. */
const signaturesSelect = {
  signatures: {
    orderBy: [{ signedOn: "asc" }, { organisation: { name: "asc" } }],
    select: amendmentSignatureSelect,
  },
} satisfies Prisma.AmendmentSelect;

type SignaturesRow = Prisma.AmendmentGetPayload<{ select: typeof signaturesSelect }>;

type AmendmentRow = Prisma.AmendmentGetPayload<{ select: typeof amendmentSelect }>;
export type SnapshotFacts = { id: string; version: number; reason: SnapshotReason; createdAt: Date };

/**
 * The contract an amendment starts from. `asSigned`: a signed state (the signature's snapshot, or
 * the previous amendment's); false for a contract signed before amendments existed, whose first
 * amendment froze the contract as it stood when it was created.
 */
export type Baseline = SnapshotFacts & { asSigned: boolean };

export type AmendmentView = Omit<AmendmentRow, "baseSnapshot" | "snapshot"> & {
  base: Baseline;
  snapshot: SnapshotFacts | null;
  diff: ContractDiff;
};

const parse = (content: Prisma.JsonValue) => contractSnapshotContentSchema.parse(content);
const facts = ({ id, version, reason, createdAt }: SnapshotFacts): SnapshotFacts => ({ id, version, reason, createdAt });

/** The live content, in one read-only transaction: a consistent view, as a snapshot would freeze it. */
export const readLiveContent = (db: Db, contractId: string) =>
  db.$transaction((tx) => readContractContent(tx, contractId), { isolationLevel: "RepeatableRead" });

/** An amendment with its differences `diff`. */
function viewOf<Row extends AmendmentRow>(row: Row, diff: ContractDiff): Omit<Row, "baseSnapshot" | "snapshot"> & AmendmentView {
  const { baseSnapshot, snapshot, ...amendment } = row;
  // A draft closes its fiches when signed: until then, the fiches it names as closed are what it will close.
  if (!snapshot)
    for (const marked of amendment.fiches)
      if (marked.change === "closed" && !diff.closed.some((fiche) => fiche.id === marked.ficheId))
        diff.closed.push({ id: marked.ficheId, number: marked.fiche.number, title: marked.fiche.title, closedOn: null });
  return {
    ...amendment,
    base: { ...facts(baseSnapshot), asSigned: baseSnapshot.reason !== "amendment" || amendment.number > 1 },
    snapshot: snapshot ? facts(snapshot) : null,
    diff,
  };
}

/** The contents of these snapshots, parsed, by id: one statement, none for no id. */
async function snapshotContents(db: Db, ids: readonly string[]): Promise<Map<string, ContractSnapshotContent>> {
  if (!ids.length) return new Map();
  const rows = await db.contractSnapshot.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, content: true } });
  return new Map(rows.map((row) => [row.id, parse(row.content)]));
}

/**
 * Amendments with their differences: from the base to what each signed, or to `live` while a
 * draft. A signed amendment's differences never change (both snapshots are frozen): computed
 * from the snapshots the first time they are read, then kept in Amendment.differences, so that a
 * page listing amendments reads a few kilobytes instead of two contents of megabytes each.
 */
async function withDiffs<Row extends AmendmentRow>(db: Db, rows: readonly Row[], live: ContractSnapshotContent | null) {
  const unkept = rows.filter((row) => row.differences === null);
  const contents = await snapshotContents(
    db,
    unkept.flatMap((row) => [row.baseSnapshot.id, ...(row.snapshot ? [row.snapshot.id] : [])]),
  );
  const computed: Array<{ id: string; diff: ContractDiff }> = [];
  const views = rows.map((row) => {
    if (row.differences !== null) return viewOf(row, contractDiffSchema.parse(row.differences));
    const after = row.snapshot ? contents.get(row.snapshot.id) : live;
    if (!after) throw new Error(`Amendment ${row.id} is a draft: its differences need the live contract`);
    const diff = diffContents(contents.get(row.baseSnapshot.id)!, after);
    if (row.snapshot) computed.push({ id: row.id, diff: structuredClone(diff) });
    return viewOf(row, diff);
  });
  for (const { id, diff } of computed) await db.amendment.updateMany({ where: { id, status: "signed" }, data: { differences: diff } });
  return views;
}

/**
 * A contract's amendments, oldest first, each with its differences, and the snapshot of the
 * contract as signed when there is one; the contract is authorized by the caller (the contract
 * page). One statement, plus the live contract's when a draft is open.
 */
export async function listContractAmendments(
  db: Db,
  contractId: string,
): Promise<{ amendments: AmendmentView[]; signature: SnapshotFacts | null }> {
  // One statement: the contract's amendments and its signature's snapshot, both through the contract.
  const contract = await db.contract.findUnique({
    relationLoadStrategy: "join",
    where: { id: contractId },
    select: {
      amendments: { orderBy: { number: "asc" }, take: AMENDMENTS_SHOWN, select: amendmentSelect },
      snapshots: { where: { reason: "signature" }, orderBy: { version: "asc" }, take: 1, select: snapshotFacts.select },
    },
  });
  const rows = contract?.amendments ?? [];
  const signature = contract?.snapshots[0] ?? null;
  const live = rows.some((row) => row.status === "draft") ? await readLiveContent(db, contractId) : null;
  return { amendments: await withDiffs(db, rows, live), signature };
}

/** What the amendment page reads of its contract: authorization's facts and its heading. */
const contractSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    generation: true,
    territory: { select: territoryKeysSelect },
  }) satisfies Prisma.ContractSelect;

/** A document of the amendment as its pages list it (never its file's bytes). */
const amendmentDocumentSelect = { ...documentLinkSelect, isPublic: true } satisfies Prisma.DocumentSelect;

export type AmendmentDocument = Prisma.DocumentGetPayload<{ select: typeof amendmentDocumentSelect }>;

/** The amendment page's contract: its heading and authorization's facts, and its signatories, who each sign the amendment. */
const amendmentPageContractSelect = (actor: Actor) =>
  ({
    ...contractSelect(actor),
    signatories: {
      orderBy: { position: "asc" },
      select: { organisationId: true, signerName: true, signerTitle: true, organisation: { select: { name: true } } },
    },
  }) satisfies Prisma.ContractSelect;

export type AmendmentPage = {
  contract: Prisma.ContractGetPayload<{ select: ReturnType<typeof amendmentPageContractSelect> }>;
  amendment: AmendmentView & SignaturesRow & { documents: AmendmentDocument[] };
  /** The contract's live fiches, to say what the draft does to them. */
  fiches: Array<{ id: string; number: number; title: string; closedOn: Date | null }>;
};

/**
 * One amendment of a contract the actor reads in the workspace, with its differences, signatures
 * and documents, and the fiches it may name; a NotFoundError for a contract they may not read or
 * an amendment of another contract.
 */
export async function getAmendmentPage(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  amendmentId: string,
): Promise<AmendmentPage> {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, amendmentPageContractSelect(actor)));
  const db = getDb();
  const row = await db.amendment.findFirst({
    relationLoadStrategy: "join",
    where: { id: amendmentId, contractId },
    // Its documents as the contract's documents page lists them to whoever reads the contract (lib/documents).
    select: {
      ...amendmentSelect,
      ...signaturesSelect,
      documents: { orderBy: documentOrder, take: DOCUMENTS_LIMIT, select: amendmentDocumentSelect },
    },
  });
  // A draft stays with the territory's members and its agency, as a contract's draft does: partners read signed amendments.
  if (!row || (row.status === "draft" && !can(actor, "workspace.read", territoryResource(contract.territory)))) throw new NotFoundError();
  const draft = row.status === "draft";
  const [live, fiches] = await Promise.all([
    draft ? readLiveContent(db, contract.id) : null,
    draft
      ? db.ficheAction.findMany({
          where: { contractId: contract.id, deletedAt: null },
          orderBy: { number: "asc" },
          select: { id: true, number: true, title: true, closedOn: true },
        })
      : [],
  ]);
  const [amendment] = await withDiffs(db, [row], live);
  return { contract, amendment, fiches };
}

/** Who signed an amendment, as the public reads it: the organisation, the person and their title, the day. */
export type PublicSignature = { organisation: string; signerName: string | null; signerTitle: string | null; signedOn: Date };

/** A signed amendment as the public reads it: its number, date, purpose, signatures, public documents and public differences. */
export type PublicAmendment = {
  number: number;
  signedOn: Date;
  purpose: string;
  signatures: PublicSignature[];
  documents: AmendmentDocument[];
  diff: ContractDiff;
};

/**
 * The signed amendments of a published contract, oldest first, with the differences the public
 * may read (./diff.ts `publicDiff`): fiches published and not confidential, fields public pages
 * show and the fiche does not withhold. Two statements.
 */
export async function listPublicAmendments(actor: Actor, contract: { id: string; visibility: string }): Promise<PublicAmendment[]> {
  assertCan(actor, "publishedContract.read");
  if (contract.visibility !== "published") return [];
  const db = getDb();
  const rows = await db.amendment.findMany({
    relationLoadStrategy: "join",
    where: { contractId: contract.id, status: "signed" },
    orderBy: { number: "asc" },
    take: AMENDMENTS_SHOWN,
    // Its public documents, as the territory page lists the contract's (minutes are shown with their meeting).
    select: {
      ...amendmentSelect,
      ...signaturesSelect,
      documents: {
        where: { isPublic: true, kind: { not: "minutes" } },
        orderBy: documentOrder,
        take: DOCUMENTS_LIMIT,
        select: amendmentDocumentSelect,
      },
    },
  });
  if (!rows.length) return [];
  const published = await db.ficheAction.findMany({
    where: { contractId: contract.id, deletedAt: null, publicVersion: { isNot: null } },
    select: { id: true, confidential: true, withheldFields: true },
  });
  const facts: PublicFicheFacts = new Map(published.map(({ id, ...fiche }) => [id, fiche]));
  return (await withDiffs(db, rows, null)).map(({ number, signedOn, purpose, signatures, documents, diff }) => {
    return {
      number,
      signedOn: signedOn!,
      purpose,
      signatures: signatures.map(({ organisation, signerName, signerTitle, signedOn: day }) => ({
        organisation: organisation.name,
        signerName,
        signerTitle,
        signedOn: day,
      })),
      documents,
      diff: publicDiff(diff, facts),
    };
  });
}

/** The contract as of a signed amendment, for its exports: its snapshot's content, and the amendments up to it with their differences. */
export async function getAmendedContract(actor: Actor, territorySlug: string, contractId: string, amendmentId: string) {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, contractSelect(actor)));
  const db = getDb();
  const amendments = await db.amendment.findMany({
    relationLoadStrategy: "join",
    where: { contractId: contract.id, status: "signed" },
    orderBy: { number: "asc" },
    take: AMENDMENTS_SHOWN,
    select: { ...amendmentSelect, ...signaturesSelect },
  });
  const index = amendments.findIndex((amendment) => amendment.id === amendmentId);
  if (index === -1) throw new NotFoundError();
  const upTo = await withDiffs(db, amendments.slice(0, index + 1), null);
  const amendment = upTo[index];
  const content = (await snapshotContents(db, [amendment.snapshot!.id])).get(amendment.snapshot!.id)!;
  return { contract, amendment, amendments: upTo, content };
}

export type AmendedContract = Awaited<ReturnType<typeof getAmendedContract>>;

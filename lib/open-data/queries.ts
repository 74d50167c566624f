// Reads of the open data API: public records only, through the conditions the public pages use
// (published contracts, `publicFichesWhere`), never a live fiche. Every read is a bounded keyset
// page: the rows after a cursor, in a stable order, at most `limit` of them, in a fixed number of
// statements. Rows held inside a published fiche (objectives, indicators, measurements…) are
// read from the fiche's public content, fiche after fiche.
import { assertCan, ANONYMOUS } from "@/lib/authz";
import { frozenValues } from "@/lib/catalogue";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { wellFormed } from "@/lib/params/route-params";
import type { PublicFicheContent } from "@/lib/publication/content";
import { publicFichesWhere } from "@/lib/publication/queries";
import { listedTerritory, publishedContract } from "@/lib/territories/queries";
import { z } from "zod";
import { resourceOf, type Column, type Resource } from "./columns";
import {
  COLLECTIONS,
  fieldsOf,
  type BudgetLineItem,
  type CollectionName,
  type CommitmentItem,
  type FicheChild,
  type FicheSource,
  type Filters,
  type MeasurementItem,
  type PartySource,
} from "./schema";
import { openAxisSelect, openContractSelect, openFicheSelect, openPartiesSelect, openTerritorySelect, type OpenFicheRow } from "./selects";

/** Where a page starts: the key of the last row of the previous page. */
export type Cursor = ReadonlyArray<string | number>;
export type Page = { data: Resource[]; next: Cursor | null };

const id = z.uuid();
const index = z.int().min(-1).max(1_000_000);
const number = z.int().min(0).max(1_000_000);
/** Each collection's key, in its order: what a cursor holds. */
const CURSORS = {
  territories: z.tuple([z.string().regex(/^[a-z0-9-]{1,80}$/)]),
  contracts: z.tuple([id]),
  axes: z.tuple([id, number]),
  partners: z.tuple([id, index]),
  fiches: z.tuple([id, number]),
  objectives: z.tuple([id, number, index]),
  commitments: z.tuple([id, number, index]),
  indicators: z.tuple([id, number, index]),
  measurements: z.tuple([id, number, index]),
  "budget-lines": z.tuple([id, number, index]),
} satisfies Record<CollectionName, z.ZodType<Cursor>>;

export class BadCursorError extends Error {}

/** The opaque text a client sends back: base64url of the key as JSON. */
export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** The cursor a client sent, for this collection; a BadCursorError when it is not one this API gave. */
export function decodeCursor(name: CollectionName, text: string): Cursor {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) throw new BadCursorError();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const parsed = CURSORS[name].safeParse(value);
  if (!parsed.success) throw new BadCursorError();
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Conditions: public records only, and the filters.

const territoryWhere = (filters: Filters): Prisma.TerritoryWhereInput => ({
  ...(filters.territory ? { slug: filters.territory } : {}),
  ...(filters.department ? { departmentCodes: { has: filters.department } } : {}),
  ...(filters.region ? { region: { inseeCode: filters.region } } : {}),
});

const contractWhere = (filters: Filters): Prisma.ContractWhereInput => ({
  ...publishedContract,
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.contract ? { id: filters.contract } : {}),
  territory: territoryWhere(filters),
});

/** Published fiches, by the facets their publication copied out of their content (indexed columns, not the JSON). */
const ficheWhere = (filters: Filters): Prisma.PublicFicheWhereInput => ({
  ...publicFichesWhere,
  contract: contractWhere(filters),
  ...(filters.theme ? { themes: { has: filters.theme } } : {}),
  ...(filters.determinant ? { determinants: { has: filters.determinant } } : {}),
  ...(filters.prs_objective ? { prsObjective: filters.prs_objective } : {}),
});

/** Rows after (or from, `inclusive`) a two-part key (a contract, then a number in it): its first part bounds the index scan. */
function afterPair(first: string, second: string, key: readonly [string, number] | null, inclusive = false): object {
  if (!key) return {};
  return { [first]: { gte: key[0] }, OR: [{ [first]: { gt: key[0] } }, { [second]: inclusive ? { gte: key[1] } : { gt: key[1] } }] };
}

// ---------------------------------------------------------------------------------------------
// Sources.

/** A published fiche's content, as its publication wrote it (lib/publication/content.ts); lists absent from an older one are empty. */
function readContent(json: Prisma.JsonValue): PublicFicheContent {
  const content = fieldsOf(json);
  const records = (value: unknown) => (Array.isArray(value) ? value.map(fieldsOf) : []);
  const objectives = records(content.objectives).map((objective) => ({
    id: String(objective.id),
    values: fieldsOf(objective.values),
    commitments: records(objective.commitments).map(commitment),
  }));
  return {
    values: fieldsOf(content.values),
    shown: fieldsOf(content.shown),
    objectives,
    commitments: records(content.commitments).map(commitment),
    indicators: records(content.indicators).map((indicator) => ({
      id: String(indicator.id),
      objectiveId: typeof indicator.objectiveId === "string" ? indicator.objectiveId : null,
      values: fieldsOf(indicator.values),
      measurements: records(indicator.measurements).map((measurement) => ({
        measuredOn: String(measurement.measuredOn),
        value: measurement.value === null || measurement.value === undefined ? null : String(measurement.value),
      })),
    })),
  } as PublicFicheContent;
}

function commitment(record: Readonly<Record<string, unknown>>) {
  return { organisation: String(record.organisation ?? ""), values: fieldsOf(record.values) };
}

/**
 * The parts of a published fiche's content each collection reads: a fiche's content holds its
 * indicators' measurements too, and reading all of it for a page of fiches tripled its cost.
 */
type ContentPart = "values" | "objectives" | "commitments" | "indicators";
const CONTENT_PARTS: Record<"fiches" | FicheChildCollection, readonly ContentPart[]> = {
  fiches: ["values"],
  objectives: ["objectives"],
  commitments: ["objectives", "commitments"],
  indicators: ["indicators"],
  measurements: ["indicators"],
  "budget-lines": ["values"],
};

/**
 * The published fiches of `rows` (read with the public condition) with the parts of their content
 * given, in one statement. A fiche withdrawn in between is left out, or kept empty with `keepAll`
 * (it holds nothing then, and the batch keeps its length: a short batch means the last one).
 */
async function withContent(rows: OpenFicheRow[], parts: readonly ContentPart[], { keepAll = false } = {}): Promise<FicheSource[]> {
  if (!rows.length) return [];
  const pairs = Prisma.join(parts.map((part) => Prisma.sql`${part}::text, "content" -> ${part}::text`));
  const [{ contents }] = await getDb().$queryRaw<[{ contents: Record<string, Prisma.JsonValue> }]>`
    SELECT coalesce(json_object_agg("ficheId", jsonb_build_object(${pairs})), '{}'::json) AS contents
    FROM "PublicFiche" WHERE "ficheId" = ANY(${rows.map((row) => row.ficheId)}::uuid[])`;
  return rows.flatMap((row) =>
    Object.hasOwn(contents, row.ficheId) || keepAll ? [{ row, content: readContent(contents[row.ficheId] ?? null) }] : [],
  );
}

/** The rows a published fiche holds, for each collection read from its content, in the fiche's order. */
const FICHE_CHILDREN = {
  objectives: (fiche: FicheSource) => fiche.content.objectives,
  commitments: (fiche: FicheSource): CommitmentItem[] => [
    ...fiche.content.objectives.flatMap((objective) => objective.commitments.map((item) => ({ ...item, objectiveId: objective.id }))),
    ...fiche.content.commitments.map((item) => ({ ...item, objectiveId: null })),
  ],
  indicators: (fiche: FicheSource) => fiche.content.indicators,
  measurements: (fiche: FicheSource): MeasurementItem[] =>
    fiche.content.indicators.flatMap((indicator) => indicator.measurements.map((item) => ({ ...item, indicatorId: indicator.id }))),
  // Absent when the coordination withholds the fiche's budget (lib/publication/content.ts leaves it out).
  "budget-lines": (fiche: FicheSource): BudgetLineItem[] => {
    const lines = fiche.content.values.budget_lines;
    return Array.isArray(lines) ? lines.map(fieldsOf) : [];
  },
} satisfies Partial<Record<CollectionName, (fiche: FicheSource) => unknown[]>>;

type FicheChildCollection = keyof typeof FICHE_CHILDREN;
const isFicheChild = (name: CollectionName): name is FicheChildCollection => Object.hasOwn(FICHE_CHILDREN, name);

const project = <Source>(name: CollectionName, sources: Source[]) =>
  sources.map((source) => resourceOf(COLLECTIONS[name].columns as ReadonlyArray<Column<Source>>, source));

// ---------------------------------------------------------------------------------------------
// Pages.

/** One page of a collection: public rows matching the filters, after the cursor. */
export async function listOpenData(name: CollectionName, filters: Filters, cursor: Cursor | null, limit: number): Promise<Page> {
  assertCan(ANONYMOUS, "openData.read");
  const db = getDb();
  const take = limit + 1;
  // The rows of a page, and the key of its last row when another row follows.
  const paged = <Row>(rows: Row[], key: (row: Row) => Cursor) => ({
    rows: rows.slice(0, limit),
    next: rows.length > limit ? key(rows[limit - 1]) : null,
  });
  switch (name) {
    case "territories": {
      const after = cursor ? { slug: { gt: String(cursor[0]) } } : {};
      const { rows, next } = paged(
        await db.territory.findMany({
          where: { AND: [listedTerritory, territoryWhere(filters), after] },
          orderBy: { slug: "asc" },
          take,
          select: openTerritorySelect,
        }),
        (territory) => [territory.slug],
      );
      return { data: project(name, rows), next };
    }
    case "contracts": {
      const after = cursor ? { id: { gt: String(cursor[0]) } } : {};
      const { rows, next } = paged(
        await db.contract.findMany({
          relationLoadStrategy: "join",
          where: { AND: [contractWhere(filters), after] },
          orderBy: { id: "asc" },
          take,
          select: openContractSelect,
        }),
        (contract) => [contract.id],
      );
      return { data: project(name, rows.map(contractSource)), next };
    }
    case "axes": {
      const { rows, next } = paged(
        await db.axis.findMany({
          relationLoadStrategy: "join",
          where: { AND: [{ contract: contractWhere(filters) }, afterPair("contractId", "position", pair(cursor))] },
          orderBy: [{ contractId: "asc" }, { position: "asc" }],
          take,
          select: openAxisSelect,
        }),
        (axis) => [axis.contractId, axis.position],
      );
      return { data: project(name, rows), next };
    }
    case "fiches": {
      const { rows, next } = paged(await readFiches(filters, pair(cursor), take), (fiche) => [fiche.contractId, fiche.number]);
      return { data: project(name, await withContent(rows, CONTENT_PARTS.fiches)), next };
    }
    case "partners": {
      const page = await pageOfChildren({
        cursor: cursor ? { key: [String(cursor[0])], index: Number(cursor[1]) } : null,
        limit,
        fetch: (from, count) =>
          db.contract.findMany({
            relationLoadStrategy: "join",
            where: { AND: [contractWhere(filters), from ? { id: { [from.inclusive ? "gte" : "gt"]: from.key[0] } } : {}] },
            orderBy: { id: "asc" },
            take: count,
            select: openPartiesSelect,
          }),
        keyOf: (contract) => [contract.id],
        children: (contract): PartySource[] => [
          ...contract.signatories.map((party) => ({ contract, party, role: "signatory" as const })),
          ...contract.partners.map((party) => ({ contract, party, role: "partner" as const })),
        ],
      });
      return {
        data: project(
          name,
          page.items.map(({ child }) => child),
        ),
        next: page.next && [...page.next.key, page.next.index],
      };
    }
    default: {
      if (!isFicheChild(name)) throw new Error(`open data: no reader for ${name}`);
      const children = FICHE_CHILDREN[name] as (fiche: FicheSource) => unknown[];
      const page = await pageOfChildren({
        cursor: cursor ? { key: [String(cursor[0]), Number(cursor[1])], index: Number(cursor[2]) } : null,
        limit,
        fetch: async (from, count) =>
          withContent(
            await readFiches(filters, from ? [String(from.key[0]), Number(from.key[1])] : null, count, from?.inclusive),
            CONTENT_PARTS[name],
            { keepAll: true },
          ),
        keyOf: (fiche) => [fiche.row.contractId, fiche.row.number],
        children,
      });
      const sources: Array<FicheChild<unknown>> = page.items.map(({ parent, child, index: at }) => ({
        fiche: parent,
        item: child,
        position: at + 1,
      }));
      return { data: project(name, sources), next: page.next && [...page.next.key, page.next.index] };
    }
  }
}

const pair = (cursor: Cursor | null): [string, number] | null => (cursor ? [String(cursor[0]), Number(cursor[1])] : null);

function readFiches(filters: Filters, key: readonly [string, number] | null, take: number, inclusive = false) {
  return getDb().publicFiche.findMany({
    relationLoadStrategy: "join",
    where: { AND: [ficheWhere(filters), afterPair("contractId", "number", key, inclusive)] },
    orderBy: [{ contractId: "asc" }, { number: "asc" }],
    take,
    select: openFicheSelect,
  });
}

function contractSource(row: Prisma.ContractGetPayload<{ select: typeof openContractSelect }>) {
  return { ...row, values: frozenValues(CONTRACT_FIELDS, row) };
}

/** At most this many parent records (fiches, contracts) read for one page of their children. */
const MAX_PARENTS = 1000;

type ParentKey = ReadonlyArray<string | number>;

/**
 * A page of the rows held by parent records read in key order (the objectives of fiches…): the
 * children after `cursor` (the parent's key and the index of the last child given), up to
 * `limit`, reading parents in growing batches. When the parents read reach MAX_PARENTS first,
 * the page may hold fewer rows than `limit` and still have a next cursor (rows may be sparse:
 * few fiches have a budget published).
 */
async function pageOfChildren<Parent, Child>({
  cursor,
  limit,
  fetch,
  keyOf,
  children,
}: {
  cursor: { key: ParentKey; index: number } | null;
  limit: number;
  fetch: (from: { key: ParentKey; inclusive: boolean } | null, count: number) => Promise<Parent[]>;
  keyOf: (parent: Parent) => ParentKey;
  children: (parent: Parent) => Child[];
}): Promise<{ items: Array<{ parent: Parent; child: Child; index: number }>; next: { key: ParentKey; index: number } | null }> {
  const items: Array<{ parent: Parent; child: Child; index: number }> = [];
  const sameKey = (a: ParentKey, b: ParentKey) => a.length === b.length && a.every((part, at) => part === b[at]);
  let from = cursor ? { key: cursor.key, inclusive: true } : null;
  let batch = Math.min(200, Math.ceil(limit / 4) + 1);
  let read = 0;
  while (read < MAX_PARENTS) {
    const parents = await fetch(from, batch);
    read += parents.length;
    for (const parent of parents) {
      const key = keyOf(parent);
      const rows = children(parent);
      const first = cursor && sameKey(key, cursor.key) ? cursor.index + 1 : 0;
      for (let at = Math.max(0, first); at < rows.length; at++) {
        if (items.length === limit) {
          const last = items[items.length - 1];
          return { items, next: { key: keyOf(last.parent), index: last.index } };
        }
        items.push({ parent, child: rows[at], index: at });
      }
    }
    if (parents.length < batch) return { items, next: null };
    const lastParent = parents[parents.length - 1];
    from = { key: keyOf(lastParent), inclusive: false };
    batch = Math.min(200, batch * 2);
    if (read >= MAX_PARENTS) return { items, next: { key: keyOf(lastParent), index: children(lastParent).length - 1 } };
  }
  return { items, next: null };
}

// ---------------------------------------------------------------------------------------------
// Single records.

/** One public record of a collection that answers by key (`item`), or null: unknown, not public, or a key no record could have. */
export async function findOpenDataItem(name: CollectionName, key: string): Promise<Resource | null> {
  assertCan(ANONYMOUS, "openData.read");
  const db = getDb();
  const uuid = id.safeParse(key).success;
  switch (name) {
    case "territories": {
      if (!wellFormed({ slug: key })) return null;
      const row = await db.territory.findFirst({ where: { ...listedTerritory, slug: key }, select: openTerritorySelect });
      return row && project(name, [row])[0];
    }
    case "contracts": {
      if (!uuid) return null;
      const row = await db.contract.findFirst({
        relationLoadStrategy: "join",
        where: { ...publishedContract, id: key },
        select: openContractSelect,
      });
      return row && project(name, [contractSource(row)])[0];
    }
    case "axes": {
      if (!uuid) return null;
      const row = await db.axis.findFirst({
        relationLoadStrategy: "join",
        where: { id: key, contract: publishedContract },
        select: openAxisSelect,
      });
      return row && project(name, [row])[0];
    }
    case "fiches": {
      if (!uuid) return null;
      const row = await db.publicFiche.findFirst({
        relationLoadStrategy: "join",
        where: { ...publicFichesWhere, ficheId: key, contract: publishedContract },
        select: openFicheSelect,
      });
      return row && (project(name, await withContent([row], CONTENT_PARTS.fiches))[0] ?? null);
    }
    default:
      return null;
  }
}

/** The regions with a published contract, by name: what /donnees offers to download a region's fiches. */
export async function listOpenDataRegions(): Promise<Array<{ inseeCode: string; name: string }>> {
  assertCan(ANONYMOUS, "openData.read");
  return getDb().region.findMany({
    where: { territories: { some: listedTerritory } },
    orderBy: { name: "asc" },
    select: { inseeCode: true, name: true },
  });
}

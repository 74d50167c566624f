// Public reads of territories and their current (latest published) contract.
// Each page section is one query: `relationLoadStrategy: "join"` makes PostgreSQL assemble
// the nested result, so the number of queries does not grow with axes or fiches.
import { cache } from "react";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TerritoryKind } from "@/lib/db/generated/enums";
import { publicStatusSql, type PublicStatusKey } from "@/lib/contracts/public-status";
import { todayInParis } from "@/lib/due/schedule";
import type { GeoCommune } from "@/lib/geo/reference";
import { axisHeadingSelect, contractValuesSelect } from "@/lib/contracts/selects";
import { publicFindingFichesSelect } from "@/lib/coverage/selects";
import { documentFileSummarySelect, documentLinkSelect, documentOrder, DOCUMENTS_LIMIT } from "@/lib/documents/selects";
import { publicCampaignSelect } from "@/lib/public-pages/evaluation";
import { publicFichesWhere } from "@/lib/publication/queries";
import type { KeysetWindow } from "@/lib/params/keyset";
import type { ListParams } from "@/lib/params/list-params";
import { wellFormed } from "@/lib/params/route-params";
import { pageOfTerritories, type RegionFacet } from "./paging";
import { placeOption } from "./reference";

/** The contracts the public reads: every public channel (pages, open data) selects them with this condition. */
export const publishedContract = { visibility: "published" } satisfies Prisma.ContractWhereInput;

/** The steering meetings a territory page lists, the latest first: more than a contract's life holds. */
export const GOVERNANCE_MEETINGS_SHOWN = 60;

/** A meeting's minutes as the public page links them: when they are public, to their file or web address. */
const publicMinutesSelect = {
  select: { id: true, url: true, isPublic: true, file: { select: documentFileSummarySelect } },
} satisfies Prisma.Meeting$minutesDocumentArgs;

/** A territory's page: its current published contract, or the published one of `generation` (its earlier contracts' pages). */
const territoryPageSelect = (generation?: number) =>
  ({
    id: true,
    slug: true,
    name: true,
    kind: true,
    department: true,
    region: { select: { name: true, slug: true } },
    contracts: {
      where: generation === undefined ? publishedContract : { ...publishedContract, generation },
      orderBy: { generation: "desc" },
      take: 1,
      select: {
        id: true,
        ...contractValuesSelect,
        // The territory's published contracts, each generation linked from the others' pages (lib/renewal).
        territory: {
          select: {
            contracts: {
              where: publishedContract,
              orderBy: { generation: "asc" },
              select: { id: true, generation: true, title: true, startsOn: true, endsOn: true },
            },
          },
        },
        durationMonths: true,
        timeframeNote: true,
        concertationSummary: true,
        declaredFicheCount: true,
        // With the published fiches answering each (lib/coverage).
        findings: publicFindingFichesSelect,
        axes: {
          orderBy: { position: "asc" },
          select: { id: true, ...axisHeadingSelect },
        },
        // Fiches as published (lib/publication), never as the coordinators are editing them.
        publicFiches: {
          where: publicFichesWhere,
          orderBy: { number: "asc" },
          // The day a signed amendment closed it: listed as closed, counted in no roll-up.
          select: { ficheId: true, number: true, title: true, axisId: true, fiche: { select: { closedOn: true } } },
        },
        signatories: {
          orderBy: { position: "asc" },
          select: { id: true, signedOn: true, signerName: true, signerTitle: true, organisation: { select: { name: true, kind: true } } },
        },
        partners: {
          orderBy: { position: "asc" },
          select: { id: true, role: true, organisation: { select: { name: true, kind: true } } },
        },
        workingGroups: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            name: true,
            meetings: {
              orderBy: [{ heldOn: "asc" }, { topic: "asc" }],
              select: { id: true, heldOn: true, topic: true, minutesDocument: publicMinutesSelect },
            },
          },
        },
        // The steering bodies' meetings (COPIL, COTECH…), latest first, with their minutes' address:
        // their account and decisions stay in the workspace.
        meetings: {
          where: { workingGroupId: null },
          orderBy: [{ heldOn: "desc" }, { topic: "asc" }],
          take: GOVERNANCE_MEETINGS_SHOWN,
          select: { id: true, kind: true, heldOn: true, topic: true, minutesDocument: publicMinutesSelect },
        },
        _count: { select: { meetings: { where: { workingGroupId: null } } } },
        documents: {
          // Minutes are shown with their meeting; documents the coordinators keep to the workspace, nowhere.
          where: { kind: { not: "minutes" }, isPublic: true },
          orderBy: documentOrder,
          take: DOCUMENTS_LIMIT,
          select: documentLinkSelect,
        },
        // Its last closed evaluation, which the page reads from the campaign's snapshot (lib/public-pages/evaluation.ts).
        campaigns: publicCampaignSelect,
      },
    },
  }) satisfies Prisma.TerritorySelect;

export type TerritoryPage = Prisma.TerritoryGetPayload<{ select: ReturnType<typeof territoryPageSelect> }>;
export type PublicContract = TerritoryPage["contracts"][number];

/**
 * A territory and its current published contract, or the published contract of `generation`, or
 * null when the slug is unknown (or could name none). One query.
 */
export const findTerritoryPage = cache(async (actor: Actor, slug: string, generation?: number): Promise<TerritoryPage | null> => {
  assertCan(actor, "publishedContract.read");
  if (!wellFormed({ slug })) return null;
  return getDb().territory.findUnique({ relationLoadStrategy: "join", where: { slug }, select: territoryPageSelect(generation) });
});

/** The contract pages the sitemap lists besides the territories' own: published contracts a published contract follows. */
const earlierContractPage = { ...publishedContract, nextContract: { is: publishedContract } } satisfies Prisma.ContractWhereInput;

/** How many earlier contracts have a public page of their own. */
export async function countPublicContractPages(actor: Actor): Promise<number> {
  assertCan(actor, "publishedContract.read");
  return getDb().contract.count({ where: earlierContractPage });
}

/** A window of the earlier contracts' public pages, by contract id, with when each changed. One query. */
export async function listPublicContractPages(actor: Actor, window: KeysetWindow<string>) {
  assertCan(actor, "publishedContract.read");
  return getDb().contract.findMany({
    relationLoadStrategy: "join",
    where: window.after === undefined ? earlierContractPage : { ...earlierContractPage, id: { gt: window.after } },
    orderBy: { id: "asc" },
    skip: window.skip,
    take: window.take,
    select: { id: true, generation: true, updatedAt: true, territory: { select: { slug: true } } },
  });
}

const directorySelect = {
  slug: true,
  name: true,
  kind: true,
  department: true,
  region: { select: { name: true } },
  contracts: {
    where: publishedContract,
    orderBy: { generation: "desc" },
    take: 1,
    select: {
      title: true,
      status: true,
      signedOn: true,
      // With the status, what the public reads of it today (lib/contracts/public-status.ts).
      startsOn: true,
      endsOn: true,
      durationMonths: true,
      declaredFicheCount: true,
      // Published fiches only: the home page counts what the territory page lists.
      _count: { select: { axes: true, publicFiches: { where: publicFichesWhere } } },
    },
  },
} satisfies Prisma.TerritorySelect;

export type TerritoryDirectoryEntry = Prisma.TerritoryGetPayload<{ select: typeof directorySelect }>;

// A territory appears once it has something to show: a territory just created, or whose
// contracts are all drafts, stays out of the public directory.
export const listedTerritory = { contracts: { some: publishedContract } } satisfies Prisma.TerritoryWhereInput;

export type TerritoryDirectory = {
  entries: TerritoryDirectoryEntry[];
  /** Territories the filter selects, over every page. */
  total: number;
  /** Regions with a listed territory, with how many, for the filter. */
  regions: RegionFacet[];
};

/** A page of the territories with a published contract, by region then name, with their current one: four queries whatever the data. */
export async function listTerritoryDirectory(
  actor: Actor,
  params: ListParams & { departement?: string; statut?: PublicStatusKey },
): Promise<TerritoryDirectory> {
  assertCan(actor, "publishedContract.read");
  const db = getDb();
  const orderBy = [{ region: { name: "asc" } }, { name: "asc" }, { id: "asc" }] satisfies Prisma.TerritoryOrderByWithRelationInput[];
  // A status is the current contract's as the public reads it today (lib/contracts/public-status):
  // its territories first, in one more query, bounded by the territories there are.
  const listed = params.statut
    ? {
        ...listedTerritory,
        id: {
          in: (
            await db.$queryRaw<Array<{ id: string }>>`
              SELECT t.id FROM "Territory" t
              JOIN LATERAL (SELECT * FROM "Contract" c WHERE c."territoryId" = t.id AND c.visibility = 'published'
                            ORDER BY c.generation DESC LIMIT 1) contract ON TRUE
              WHERE ${publicStatusSql("contract", todayInParis())} = ${params.statut}`
          ).map((row) => row.id),
        },
      }
    : listedTerritory;
  const { ids, total, regions } = await pageOfTerritories(db, listed, orderBy, params);
  const entries = await db.territory.findMany({
    relationLoadStrategy: "join",
    where: { id: { in: ids } },
    orderBy,
    select: directorySelect,
  });
  return { entries, total, regions };
}

/** Territories a commune search lists at most. */
export const COVERING_LIMIT = 50;

export type CommuneCoverage = { commune: GeoCommune; territories: Array<{ slug: string; name: string; kind: TerritoryKind }> };

/**
 * For each commune found (lib/geo searchCommunes), the listed territories covering it: a
 * citizen's way from their town to its contract. One query, bounded.
 */
export async function listCommuneCoverage(actor: Actor, communes: readonly GeoCommune[]): Promise<CommuneCoverage[]> {
  assertCan(actor, "publishedContract.read");
  if (!communes.length) return [];
  const territories = await getDb().territory.findMany({
    where: { ...listedTerritory, communeCodes: { hasSome: communes.map((commune) => commune.code) } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: COVERING_LIMIT,
    select: { slug: true, name: true, kind: true, communeCodes: true },
  });
  return communes.map((commune) => ({
    commune,
    territories: territories
      .filter((territory) => territory.communeCodes.includes(commune.code))
      .map(({ slug, name, kind }) => ({ slug, name, kind })),
  }));
}

const publicTerritoryPageSelect = {
  slug: true,
  updatedAt: true,
  contracts: {
    where: publishedContract,
    orderBy: { generation: "desc" },
    take: 1,
    select: {
      updatedAt: true,
      publicFiches: { where: publicFichesWhere, orderBy: { publishedAt: "desc" }, take: 1, select: { publishedAt: true } },
    },
  },
} satisfies Prisma.TerritorySelect;

/** How many territory pages the public reads: the territories of the directory. */
export async function countPublicTerritoryPages(actor: Actor): Promise<number> {
  assertCan(actor, "publishedContract.read");
  return getDb().territory.count({ where: listedTerritory });
}

/**
 * A window of the territory pages the public reads (the directory's territories), by slug, each
 * with when it last changed: the territory, its current published contract or its latest
 * published fiche, whichever is latest. One query.
 */
export async function listPublicTerritoryPages(actor: Actor, window: KeysetWindow<string>) {
  assertCan(actor, "publishedContract.read");
  const rows = await getDb().territory.findMany({
    relationLoadStrategy: "join",
    where: window.after === undefined ? listedTerritory : { ...listedTerritory, slug: { gt: window.after } },
    orderBy: { slug: "asc" },
    skip: window.skip,
    take: window.take,
    select: publicTerritoryPageSelect,
  });
  return rows.map(({ slug, updatedAt, contracts }) => {
    const dates = [updatedAt, contracts[0]?.updatedAt, contracts[0]?.publicFiches[0]?.publishedAt].filter((date) => date !== undefined);
    return { slug, lastModified: new Date(Math.max(...dates.map((date) => date.getTime()))) };
  });
}

/** A territory as its admin edit form shows it, with its place in the State's reference (admins only). */
export async function getTerritoryForEdit(actor: Actor, slug: string) {
  assertCan(actor, "platform.administer");
  const db = getDb();
  const [territory, regions] = await Promise.all([
    db.territory.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        kind: true,
        regionId: true,
        department: true,
        departmentCodes: true,
        communeCodes: true,
        inseeCode: true,
        siren: true,
        version: true,
      },
    }),
    db.region.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, inseeCode: true } }),
  ]);
  if (!territory) throw new NotFoundError();
  return { territory, place: placeOption(territory), regions };
}

// Public reads of territories and their current (latest published) contract.
// Each page section is one query: `relationLoadStrategy: "join"` makes PostgreSQL assemble
// the nested result, so the number of queries does not grow with axes or fiches.
import { cache } from "react";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { axisHeadingSelect, contractFindingsSelect, contractValuesSelect } from "@/lib/contracts/selects";
import { publicCampaignSelect } from "@/lib/public-pages/evaluation";
import { publicFichesWhere } from "@/lib/publication/queries";
import type { ListParams } from "@/lib/params/list-params";
import { wellFormed } from "@/lib/params/route-params";
import { pageOfTerritories, type RegionFacet } from "./paging";
import { placeOption } from "./reference";

/** The contracts the public reads: every public channel (pages, open data) selects them with this condition. */
export const publishedContract = { visibility: "published" } satisfies Prisma.ContractWhereInput;

const territoryPageSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  department: true,
  region: { select: { name: true, slug: true } },
  contracts: {
    where: publishedContract,
    orderBy: { generation: "desc" },
    take: 1,
    select: {
      id: true,
      ...contractValuesSelect,
      durationMonths: true,
      timeframeNote: true,
      concertationSummary: true,
      declaredFicheCount: true,
      findings: contractFindingsSelect,
      axes: {
        orderBy: { position: "asc" },
        select: { id: true, ...axisHeadingSelect },
      },
      // Fiches as published (lib/publication), never as the coordinators are editing them.
      publicFiches: {
        where: publicFichesWhere,
        orderBy: { number: "asc" },
        select: { ficheId: true, number: true, title: true, axisId: true },
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
            select: { id: true, heldOn: true, topic: true, minutesDocument: { select: { id: true, url: true } } },
          },
        },
      },
      documents: {
        // Minutes are shown with their meeting.
        where: { kind: { not: "minutes" } },
        orderBy: [{ issuedOn: { sort: "asc", nulls: "first" } }, { title: "asc" }],
        select: { id: true, kind: true, title: true, issuedOn: true, issuedPrecision: true, url: true },
      },
      // Its last closed evaluation, which the page reads from the campaign's snapshot (lib/public-pages/evaluation.ts).
      campaigns: publicCampaignSelect,
    },
  },
} satisfies Prisma.TerritorySelect;

export type TerritoryPage = Prisma.TerritoryGetPayload<{ select: typeof territoryPageSelect }>;
export type PublicContract = TerritoryPage["contracts"][number];

/** A territory and its current published contract, or null when the slug is unknown (or could name none). */
export const findTerritoryPage = cache(async (actor: Actor, slug: string): Promise<TerritoryPage | null> => {
  assertCan(actor, "publishedContract.read");
  if (!wellFormed({ slug })) return null;
  return getDb().territory.findUnique({ relationLoadStrategy: "join", where: { slug }, select: territoryPageSelect });
});

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
export async function listTerritoryDirectory(actor: Actor, params: ListParams): Promise<TerritoryDirectory> {
  assertCan(actor, "publishedContract.read");
  const db = getDb();
  const orderBy = [{ region: { name: "asc" } }, { name: "asc" }, { id: "asc" }] satisfies Prisma.TerritoryOrderByWithRelationInput[];
  const { ids, total, regions } = await pageOfTerritories(db, listedTerritory, orderBy, params);
  const entries = await db.territory.findMany({
    relationLoadStrategy: "join",
    where: { id: { in: ids } },
    orderBy,
    select: directorySelect,
  });
  return { entries, total, regions };
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

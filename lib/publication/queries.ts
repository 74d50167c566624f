// Public reads of published fiches: every public channel reads fiches through here (or through
// `publicFichesWhere` in its own select), never FicheAction, so that a fiche not published,
// confidential or in the trash shows nowhere.
import { cache } from "react";
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { KeysetWindow } from "@/lib/params/keyset";
import { wellFormed } from "@/lib/params/route-params";
import { publicFicheContentSchema } from "./content";
import { readPublicFicheSegments } from "./paths";

/** The public versions the public channels show: their fiche neither confidential nor in the trash. */
export const publicFichesWhere = { fiche: { deletedAt: null, confidential: false } } satisfies Prisma.PublicFicheWhereInput;

/** The public versions that have a public page: those of published contracts. */
const publicFichePageWhere = { ...publicFichesWhere, contract: { visibility: "published" } } satisfies Prisma.PublicFicheWhereInput;

/**
 * A published fiche of a published contract, by its public URL's parts, with its content parsed
 * and what the page shows around it; null when there is none (or the parts could name none).
 */
export const findPublicFiche = cache(async (actor: Actor, territorySlug: string, key: string, numberText: string) => {
  assertCan(actor, "publishedContract.read");
  const segments = readPublicFicheSegments(key, numberText);
  if (!segments || !wellFormed({ slug: territorySlug })) return null;
  const found = await getDb().publicFiche.findFirst({
    relationLoadStrategy: "join",
    where: {
      ...publicFichePageWhere,
      number: segments.number,
      contract: { ...publicFichePageWhere.contract, generation: segments.generation, territory: { slug: territorySlug } },
    },
    orderBy: { publishedAt: "desc" },
    select: {
      ficheId: true,
      number: true,
      title: true,
      axisId: true,
      content: true,
      publishedAt: true,
      contract: {
        select: {
          title: true,
          generation: true,
          territory: { select: { id: true, name: true, slug: true } },
          axes: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, isTransversal: true } },
        },
      },
    },
  });
  if (!found) return null;
  const { content, contract, ...fiche } = found;
  return {
    ...fiche,
    content: publicFicheContentSchema.parse(content),
    contract,
    axis: contract.axes.find((axis) => axis.id === fiche.axisId) ?? null,
  };
});

export type PublicFichePage = NonNullable<Awaited<ReturnType<typeof findPublicFiche>>>;

/** How many public fiche pages there are. */
export async function countPublicFichePages(actor: Actor): Promise<number> {
  assertCan(actor, "publishedContract.read");
  return getDb().publicFiche.count({ where: publicFichePageWhere });
}

/** A window of the public fiche pages, by fiche id, each with its URL's parts and when it was published. One query. */
export async function listPublicFichePages(actor: Actor, window: KeysetWindow<string>) {
  assertCan(actor, "publishedContract.read");
  return getDb().publicFiche.findMany({
    relationLoadStrategy: "join",
    where: window.after === undefined ? publicFichePageWhere : { ...publicFichePageWhere, ficheId: { gt: window.after } },
    orderBy: { ficheId: "asc" },
    skip: window.skip,
    take: window.take,
    select: {
      ficheId: true,
      number: true,
      publishedAt: true,
      contract: { select: { generation: true, territory: { select: { slug: true } } } },
    },
  });
}

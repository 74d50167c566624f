// The fiches answering each finding, as the workspace and the public read them (./coverage.ts).
import type { Prisma } from "@/lib/db/generated/client";

/** In the workspace: every fiche outside the trash, by number. */
export const findingFichesSelect = {
  orderBy: { position: "asc" },
  select: {
    id: true,
    text: true,
    fiches: {
      where: { fiche: { deletedAt: null } },
      orderBy: { fiche: { number: "asc" } },
      select: { fiche: { select: { id: true, number: true, title: true, pilotUserId: true } } },
    },
  },
} satisfies Prisma.Contract$findingsArgs;

/**
 * On public pages: the fiches with a public version, neither confidential nor in the trash (what
 * `publicFichesWhere` shows), under their published number and title.
 */
export const publicFindingFichesSelect = {
  orderBy: { position: "asc" },
  select: {
    id: true,
    text: true,
    fiches: {
      where: { fiche: { deletedAt: null, confidential: false, publicVersion: { isNot: null } } },
      orderBy: { fiche: { number: "asc" } },
      select: { fiche: { select: { publicVersion: { select: { number: true, title: true } } } } },
    },
  },
} satisfies Prisma.Contract$findingsArgs;

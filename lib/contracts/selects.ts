// Select fragments shared by the reads of contracts and of what they hold.
import type { Prisma } from "@/lib/db/generated/client";

/** A workspace page's territory: its link (slug, name) and the scope authorization reads. */
export const territoryKeysSelect = { id: true, slug: true, name: true, regionId: true } satisfies Prisma.TerritorySelect;

/** An axis as a heading: "Axe 2 – Title", its description, whether it is transversal. */
export const axisHeadingSelect = { number: true, title: true, description: true, isTransversal: true } satisfies Prisma.AxisSelect;

// The contract page's list of fiches: narrowed by axis, status and words of the fiche's number or
// title (the query string, hostile like any input: a value that cannot be one reads as no
// filter), a page at a time, still grouped by axis. The page loads every fiche for the progress
// roll-up; only the rows of the page are rendered.
import { z } from "zod";
import { holdsWords, searchWords } from "@/lib/db/name-search";
import { ProgressStatus } from "@/lib/db/generated/enums";
import { firstValue, listParamsSchema, PAGE_SIZE } from "@/lib/params/list-params";

export const ficheListParamsSchema = z.object({
  page: listParamsSchema.shape.page,
  q: listParamsSchema.shape.q,
  axe: z.preprocess(firstValue, z.uuid().optional()).catch(undefined),
  statut: z.preprocess(firstValue, z.enum(ProgressStatus).optional()).catch(undefined),
});

export type FicheListParams = z.infer<typeof ficheListParamsSchema>;

export function readFicheListParams(searchParams: Record<string, string | string[] | undefined>): FicheListParams {
  return ficheListParamsSchema.parse(searchParams);
}

type ListedFiche = { number: number; title: string; status: ProgressStatus };

export type FicheListPage<Axis, Fiche> = {
  /** The page's fiches under their axes, in the contract's order. */
  groups: { axis: Axis; fiches: Fiche[] }[];
  /** Fiches the filters keep, over every page. */
  total: number;
  pageCount: number;
};

export function ficheListPage<Axis extends { id: string; fiches: readonly ListedFiche[] }>(
  axes: readonly Axis[],
  { page, q, axe, statut }: FicheListParams,
): FicheListPage<Axis, Axis["fiches"][number]> {
  const words = searchWords(q);
  const kept = axes
    .filter((axis) => !axe || axis.id === axe)
    .flatMap((axis) =>
      axis.fiches
        .filter((fiche) => (!statut || fiche.status === statut) && holdsWords(`${fiche.number} ${fiche.title}`, words))
        .map((fiche) => ({ axis, fiche })),
    );
  const groups: FicheListPage<Axis, Axis["fiches"][number]>["groups"] = [];
  for (const { axis, fiche } of kept.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)) {
    if (groups.at(-1)?.axis !== axis) groups.push({ axis, fiches: [] });
    groups.at(-1)!.fiches.push(fiche);
  }
  return { groups, total: kept.length, pageCount: Math.ceil(kept.length / PAGE_SIZE) };
}

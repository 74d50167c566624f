// Query parameters of bounded lists (`?page=2&region=occitanie`): hostile like any input, so a
// value that cannot be one (a repeated parameter, "abc", 10^20) reads as its default, never as
// an error page.
import { z } from "zod";
import { textProblem } from "@/lib/validation/fields";
import { ROUTE_PARAMS } from "./route-params";

/** Rows on a page of a public or workspace list. */
export const PAGE_SIZE = 24;

/** A repeated query parameter reads as its first value. */
export const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Words typed in a search box: one line of text, at most `max` characters; anything else is no search. */
export const queryText = (max: number) =>
  z
    .preprocess(
      firstValue,
      z
        .string()
        .trim()
        .max(max)
        .refine((text) => text !== "" && textProblem(text) === null)
        .optional(),
    )
    .catch(undefined);

/** A département's INSEE code ("26", "2A", "971"), or nothing. */
export const departmentParam = z
  .preprocess(
    firstValue,
    z
      .string()
      .regex(/^(\d{2,3}|2[AB])$/)
      .optional(),
  )
  .catch(undefined);

export const listParamsSchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000)).catch(1),
  region: z.preprocess(firstValue, ROUTE_PARAMS.slug.optional()).catch(undefined),
  /** Words to search names for. */
  q: queryText(100),
});

export type ListParams = z.infer<typeof listParamsSchema>;

export function readListParams(searchParams: Record<string, string | string[] | undefined>): ListParams {
  return listParamsSchema.parse(searchParams);
}

/** The rows of page `page` (1-based), for Prisma's skip/take. */
export const pageWindow = (page: number) => ({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });

/** The URL of a page of a list, keeping its filters: `listHref("/", { region: "bretagne" }, 2, "territoires")`. */
export function listHref(path: string, filters: Record<string, string | undefined>, page: number, anchor?: string): string {
  const set = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const query = new URLSearchParams([...set, ...(page > 1 ? [["page", String(page)]] : [])]);
  return `${path}${query.size ? `?${query}` : ""}${anchor ? `#${anchor}` : ""}`;
}

// The portfolio's query parameters (`/portefeuille?region=occitanie&expire=12&tri=fin`): hostile
// like any input, so a value that cannot be one reads as no filter or the default sort, never as
// an error page; sort keys are a closed list, never a column name taken from the URL.
import { z } from "zod";
import { COMPLIANCE_CHECK_IDS } from "@/lib/compliance/checks";
import { ContractStatus } from "@/lib/db/generated/enums";
import { firstValue, listParamsSchema } from "@/lib/params/list-params";

/** Sort keys, as the URL names them. */
export const PORTFOLIO_SORTS = ["territoire", "departement", "statut", "signature", "fin", "signaux"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** "Expire within N months" choices the filter offers; any whole number of months from 1 to 120 is accepted. */
export const EXPIRY_CHOICES = [3, 6, 12, 18, 24] as const;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema.optional()).catch(undefined);

/** The portfolio's views of one selection: the list, the map of départements, the chart of flags. */
export const PORTFOLIO_VIEWS = ["liste", "carte", "graphique"] as const;
export type PortfolioView = (typeof PORTFOLIO_VIEWS)[number];

export const portfolioParamsSchema = z.object({
  vue: z.preprocess(firstValue, z.enum(PORTFOLIO_VIEWS)).catch("liste"),
  page: listParamsSchema.shape.page,
  region: listParamsSchema.shape.region,
  /** An INSEE département code: 2 digits, 2A/2B, or 3 digits overseas. */
  departement: optional(z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/)),
  statut: optional(z.enum(ContractStatus)),
  /** Contracts ending within this many months (from today, ended ones excluded). */
  expire: optional(z.coerce.number().int().min(1).max(120)),
  signal: optional(z.enum(COMPLIANCE_CHECK_IDS)),
  tri: z.preprocess(firstValue, z.enum(PORTFOLIO_SORTS)).catch("fin"),
  ordre: z.preprocess(firstValue, z.enum(["asc", "desc"])).catch("asc"),
});

export type PortfolioParams = z.infer<typeof portfolioParamsSchema>;

export function readPortfolioParams(searchParams: Record<string, string | string[] | undefined>): PortfolioParams {
  return portfolioParamsSchema.parse(searchParams);
}

/**
 * The parameters of a request's URL (a route handler's): only the schema's own names are read,
 * each with all its values, so a repeated one keeps its first as on the page.
 */
export function readPortfolioQuery(query: URLSearchParams): PortfolioParams {
  return readPortfolioParams(Object.fromEntries(Object.keys(portfolioParamsSchema.shape).map((name) => [name, query.getAll(name)])));
}

/** The parameters as the URL writes them (the page aside), for links that keep the filters and the view. */
export function portfolioFilters(params: PortfolioParams): Record<string, string | undefined> {
  return {
    vue: params.vue === "liste" ? undefined : params.vue,
    region: params.region,
    departement: params.departement,
    statut: params.statut,
    expire: params.expire ? String(params.expire) : undefined,
    signal: params.signal,
    tri: params.tri === "fin" ? undefined : params.tri,
    ordre: params.ordre === "asc" ? undefined : params.ordre,
  };
}

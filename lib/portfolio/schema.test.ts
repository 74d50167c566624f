import { describe, expect, it } from "vitest";
import { portfolioFilters, readPortfolioParams, readPortfolioQuery } from "./schema";

describe("portfolio parameters", () => {
  it("read the filters, the sort and the page from the URL", () => {
    const params = readPortfolioParams({
      region: "occitanie",
      departement: "2A",
      statut: "signed",
      expire: "12",
      signal: "mental_health",
      tri: "signaux",
      ordre: "desc",
      page: "3",
      vue: "carte",
    });
    expect(params).toEqual({
      vue: "carte",
      region: "occitanie",
      departement: "2A",
      statut: "signed",
      expire: 12,
      signal: "mental_health",
      tri: "signaux",
      ordre: "desc",
      page: 3,
    });
    expect(portfolioFilters(params)).toMatchObject({ vue: "carte", expire: "12", tri: "signaux", ordre: "desc" });
  });

  it("default to every contract, sorted by end date, first page", () => {
    expect(readPortfolioParams({})).toEqual({
      vue: "liste",
      page: 1,
      tri: "fin",
      ordre: "asc",
      region: undefined,
      departement: undefined,
      statut: undefined,
      expire: undefined,
      signal: undefined,
    });
    expect(portfolioFilters(readPortfolioParams({}))).toEqual({
      vue: undefined,
      region: undefined,
      departement: undefined,
      statut: undefined,
      expire: undefined,
      signal: undefined,
      tri: undefined,
      ordre: undefined,
    });
  });

  it.each([
    ["a column name as sort key", { tri: '"endsOn"; DROP TABLE "Contract"' }],
    ["a prototype key as sort key", { tri: "__proto__" }],
    ["a constructor as flag", { signal: "constructor" }],
    ["an unknown status", { statut: "archived" }],
    ["a département that is no code", { departement: "31' OR 1=1" }],
    ["a négative or huge expiry", { expire: "-3" }],
    ["a fractional expiry", { expire: "1.5" }],
    ["more months than any contract lasts", { expire: "1000" }],
    ["a page that is no number", { page: "abc" }],
    ["a sort order that is neither", { ordre: "sideways" }],
    ["an unknown view", { vue: "prototype" }],
  ])("read %s as no filter or the default", (_what, query) => {
    const params = readPortfolioParams(query);
    expect(params).toMatchObject({ page: 1, tri: "fin", ordre: "asc", vue: "liste" });
    expect([params.departement, params.statut, params.expire, params.signal]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("take a repeated parameter's first value", () => {
    expect(readPortfolioParams({ departement: ["31", "09"], tri: ["territoire", "fin"] })).toMatchObject({
      departement: "31",
      tri: "territoire",
    });
  });

  it("read from a request's URL only their own names, a repeated one by its first value", () => {
    const query = new URLSearchParams("departement=31&departement=09&__proto__=x&constructor=y&tri=signaux");
    const params = readPortfolioQuery(query);
    expect(params).toMatchObject({ departement: "31", tri: "signaux" });
    expect(Object.keys(params)).not.toContain("constructor");
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

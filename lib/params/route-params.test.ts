import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/authz";
import { slugify } from "@/lib/text/slug";
import { checkRouteParams, wellFormed } from "./route-params";

describe("route params", () => {
  it("accepts what records have: UUIDs, slugs made by slugify, invitation tokens", () => {
    const params = {
      slug: slugify("Communauté d’Agglomération de Lens-Liévin"),
      contractId: randomUUID(),
      ficheId: randomUUID().toUpperCase(),
      token: randomBytes(32).toString("base64url"),
    };
    expect(checkRouteParams(params)).toBe(params);
  });

  it.each([
    ["contractId", "not-a-uuid"],
    ["contractId", `${randomUUID()}\u0000`],
    ["ficheId", randomUUID().replaceAll("-", "")],
    ["ficheId", `{${randomUUID()}}`],
    ["ficheId", "a".repeat(10_000)],
    ["slug", "romans-sur-isere\u0000"],
    ["slug", "Romans-sur-Isère"],
    ["slug", "a".repeat(81)],
    ["slug", ""],
    ["token", "court"],
    ["token", `${randomBytes(32).toString("base64url")}\u0000`],
  ])("answers %s %j as not found", (name, value) => {
    expect(wellFormed({ [name]: value })).toBe(false);
    expect(() => checkRouteParams({ [name]: value })).toThrow(NotFoundError);
  });

  it("refuses a param it does not know, rather than letting it through unchecked", () => {
    expect(wellFormed({ organisationId: randomUUID() } as never)).toBe(false);
    expect(wellFormed({ ["__proto__"]: "x" } as never)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ANONYMOUS, assertCan, can, NotFoundError, type Actor } from "./index";
import { GRANTS, OPERATIONS } from "./rules";

describe("authorization rules", () => {
  it("lets anyone read published contracts and the health probe", () => {
    expect(can(ANONYMOUS, "publishedContract.read")).toBe(true);
    expect(can(ANONYMOUS, "health.read")).toBe(true);
  });

  it("denies an operation that no role of the actor grants", () => {
    const original = GRANTS.anyone;
    (GRANTS as Record<string, readonly string[]>).anyone = [];
    try {
      expect(can(ANONYMOUS, "publishedContract.read")).toBe(false);
      expect(() => assertCan(ANONYMOUS, "publishedContract.read")).toThrow(NotFoundError);
    } finally {
      (GRANTS as Record<string, readonly string[]>).anyone = original;
    }
  });

  it("grants only declared operations", () => {
    for (const operations of Object.values(GRANTS)) {
      for (const operation of operations) expect(OPERATIONS).toContain(operation);
    }
  });

  it("adds the grants of every membership to those of anyone", () => {
    const coordinator: Actor = { userId: "u1", memberships: [{ role: "coordinator" }] };
    expect(can(coordinator, "publishedContract.read")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { changedFields } from "./record";

describe("changedFields", () => {
  it("keeps only the fields whose value changed, with before and after", () => {
    expect(changedFields({ role: "contributor", name: "A" }, { role: "coordinator", name: "A" })).toEqual({
      role: { before: "contributor", after: "coordinator" },
    });
  });

  it("records creations and deletions against null", () => {
    expect(changedFields(null, { email: "a@exemple.fr" })).toEqual({ email: { before: null, after: "a@exemple.fr" } });
    expect(changedFields({ email: "a@exemple.fr" }, undefined)).toEqual({ email: { before: "a@exemple.fr", after: null } });
  });

  it("compares dates by instant and stores them as ISO strings", () => {
    expect(changedFields({ at: new Date("2026-01-01T00:00:00Z") }, { at: new Date("2026-01-01T00:00:00.000Z") })).toEqual({});
    expect(changedFields({ at: null }, { at: new Date("2026-01-02T00:00:00Z") })).toEqual({
      at: { before: null, after: "2026-01-02T00:00:00.000Z" },
    });
  });
});

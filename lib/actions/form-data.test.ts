import { describe, expect, it } from "vitest";
import { UnsafeInputError } from "@/lib/input/object-keys";
import { formDataToObject } from "./form-data";

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("formDataToObject", () => {
  it("keeps flat fields and gathers repeated names", () => {
    expect(
      formDataToObject(
        form([
          ["email", "a@exemple.fr"],
          ["themes", "santé mentale"],
          ["themes", "mobilité"],
          ["$ACTION_ID_1", ""],
        ]),
      ),
    ).toEqual({
      email: "a@exemple.fr",
      themes: ["santé mentale", "mobilité"],
    });
  });

  it("nests dotted names into objects and arrays, compacting removed rows", () => {
    expect(
      formDataToObject(
        form([
          ["objectives.0.title", "A"],
          ["objectives.0.partners.0.organisationId", "o1"],
          ["objectives.2.title", "C"],
          ["pilot.name", "Dominique"],
        ]),
      ),
    ).toEqual({ objectives: [{ title: "A", partners: [{ organisationId: "o1" }] }, { title: "C" }], pilot: { name: "Dominique" } });
  });
});

describe("formDataToObject refuses keys that reach Object.prototype", () => {
  const hostileNames = [
    "__proto__.x",
    "constructor.prototype.x",
    "a.__proto__.b",
    "objectives.0.__proto__.x",
    "prototype",
    "objectives.__proto__.polluted",
    "x.constructor.name",
  ];

  for (const name of hostileNames) {
    it(`refuses the field name ${name} and leaves Object.prototype untouched`, () => {
      expect(() => formDataToObject(form([[name, "polluted"]]))).toThrow(UnsafeInputError);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("x");
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    });
  }

  it("builds objects whose keys are all own properties of the input", () => {
    const result = formDataToObject(
      form([
        ["territoryId", "t1"],
        ["pilot.name", "Dominique"],
      ]),
    );
    expect(Object.keys(result)).toEqual(["territoryId", "pilot"]);
    expect(Object.hasOwn(result, "toString")).toBe(false);
  });

  it("refuses absurd row indexes and nesting instead of allocating them", () => {
    expect(() => formDataToObject(form([["objectives.4294967294.title", "x"]]))).toThrow(UnsafeInputError);
    expect(() => formDataToObject(form([["a.b.c.d.e.f.g.h.i", "x"]]))).toThrow(UnsafeInputError);
    expect(formDataToObject(form([["objectives.9999.title", "x"]]))).toEqual({ objectives: [{ title: "x" }] });
  });
});

import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("formDataToObject", () => {
  it("keeps flat fields and gathers repeated names", () => {
    expect(formDataToObject(form([["email", "a@exemple.fr"], ["themes", "santé mentale"], ["themes", "mobilité"], ["$ACTION_ID_1", ""]]))).toEqual({
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

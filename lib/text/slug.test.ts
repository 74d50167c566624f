import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("drops accents, apostrophes and punctuation", () => {
    expect(slugify("Hôpitaux Drôme-Nord")).toBe("hopitaux-drome-nord");
    expect(slugify("Communauté d’Agglomération de Lens-Liévin")).toBe("communaute-d-agglomeration-de-lens-lievin");
    expect(slugify("  Île-de-France !")).toBe("ile-de-france");
  });
});

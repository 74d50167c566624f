import { describe, expect, it } from "vitest";
import { reviewTargetLabel, type ReviewTargetNames } from "./labels";

const none: Omit<ReviewTargetNames, "targetKind"> = {
  axisNumber: null,
  axisTransversal: null,
  axisTitle: null,
  ficheNumber: null,
  ficheTitle: null,
  campaignKind: null,
  amendmentNumber: null,
};

describe("review target labels", () => {
  it("name each kind of target as lists and notices show it", () => {
    expect(reviewTargetLabel({ ...none, targetKind: "contract" })).toBe("Le contrat");
    expect(reviewTargetLabel({ ...none, targetKind: "axis", axisNumber: 2, axisTransversal: false, axisTitle: "Prévention" })).toBe(
      "Axe 2 «\u00a0Prévention\u00a0»",
    );
    expect(reviewTargetLabel({ ...none, targetKind: "axis", axisTransversal: true, axisTitle: "Santé mentale" })).toBe(
      "Axe transversal «\u00a0Santé mentale\u00a0»",
    );
    expect(reviewTargetLabel({ ...none, targetKind: "fiche", ficheNumber: 4, ficheTitle: "Ateliers" })).toBe(
      "Fiche n°\u00a04 «\u00a0Ateliers\u00a0»",
    );
    expect(reviewTargetLabel({ ...none, targetKind: "campaign", campaignKind: "final" })).toBe("Évaluation finale");
    expect(reviewTargetLabel({ ...none, targetKind: "amendment", amendmentNumber: 2 })).toBe("Avenant n°\u00a02");
  });

  it("still name a target deleted since the thread opened", () => {
    expect(reviewTargetLabel({ ...none, targetKind: "axis" })).toBe("Axe supprimé");
    expect(reviewTargetLabel({ ...none, targetKind: "fiche" })).toBe("Fiche supprimée");
    expect(reviewTargetLabel({ ...none, targetKind: "campaign" })).toBe("Campagne supprimée");
    expect(reviewTargetLabel({ ...none, targetKind: "amendment" })).toBe("Avenant supprimé");
  });
});

import { describe, expect, it } from "vitest";
import { isRenewable, nextContractTitle } from "./schema";

describe("renewal", () => {
  it("proposes the ending contract's title with the next generation, in place of the generation it names", () => {
    expect(nextContractTitle("Contrat local de santé de Romans", 2)).toBe("Contrat local de santé de Romans (2e génération)");
    expect(nextContractTitle("CLS du Ruffécois (2e génération)", 3)).toBe("CLS du Ruffécois (3e génération)");
    expect(nextContractTitle("x".repeat(200), 2)).toHaveLength(200);
  });

  it("renews signed, running, evaluated and closed contracts, not a draft nor one already renewed", () => {
    expect(
      ["signed", "in_progress", "mid_term_evaluation", "final_evaluation", "closed"].every((status) => isRenewable(status as never)),
    ).toBe(true);
    expect(isRenewable("preparation")).toBe(false);
    expect(isRenewable("renewed")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { compactDigits, isValidSiren, isValidSiret } from "./siren";

describe("SIREN and SIRET", () => {
  it("accepts real numbers and refuses a changed digit", () => {
    // The Assistance publique – Hôpitaux de Paris.
    expect(isValidSiren("267500452")).toBe(true);
    expect(isValidSiren("267500453")).toBe(false);
    expect(isValidSiren("26750045")).toBe(false);
    expect(isValidSiret("26750045200011")).toBe(true);
    expect(isValidSiret("26750045200012")).toBe(false);
  });

  it("follows La Poste's exception for SIRETs", () => {
    expect(isValidSiret("35600000000010")).toBe(true);
    expect(isValidSiret("35600000000011")).toBe(false);
  });

  it("reads numbers written with spaces", () => {
    expect(compactDigits("267 500 452")).toBe("267500452");
  });
});

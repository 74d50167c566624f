import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "./callback-path";

const SITE = "https://opencls.example";

/** What a browser does with the Location we send: the host it lands on. */
const landsOn = (path: string) => new URL(path, `${SITE}/connexion`).origin;

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/espace/romans-sur-isere?onglet=fiches#axe-2")).toBe("/espace/romans-sur-isere?onglet=fiches#axe-2");
    expect(safeCallbackPath("/invitation/abc")).toBe("/invitation/abc");
  });

  it.each([
    "/.//evil.test",
    "//evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "/\t/evil.test",
    "/\n/evil.test",
    "https://evil.test/espace",
    "http:evil.test",
    "javascript:alert(1)",
    "/%2e%2e//evil.test",
    "/./../..//evil.test",
    "%",
    "%E0%A4%A",
    "http://[::1",
    "/espace\u0000",
    " //evil.test",
  ])("falls back for %j", (value) => {
    const result = safeCallbackPath(value);
    expect(landsOn(result)).toBe(SITE);
    expect(result.startsWith("//")).toBe(false);
  });

  it("falls back to the default for a missing value", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath("")).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("never sends a browser to another site, whatever the input (property)", () => {
    const pieces = fc.constantFrom(
      "/",
      "//",
      "\\",
      ".",
      "..",
      "%2F",
      "%2f",
      "%5C",
      "%2e",
      "\t",
      "\n",
      "\r",
      " ",
      "evil.test",
      "@",
      ":",
      "?",
      "#",
      "%",
      "%E0%A4%A",
      "http:",
      "https:",
      "[::1",
      "\u0000",
      "espace",
    );
    const hostile = fc.oneof(
      fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join("")),
      fc.string(),
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const result = safeCallbackPath(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(landsOn(result)).toBe(SITE);
        // next-auth decodes it and resolves it against its base URL: neither may fail or leave.
        expect(() => decodeURIComponent(result)).not.toThrow();
        expect(new URL(decodeURIComponent(result), SITE).origin === SITE || result === DEFAULT_CALLBACK_PATH).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);
});

// Hostile URLs and sign-in bodies for the route fuzz spec, as fast-check arbitraries: a route's
// path with its segments (territory slug, contract id, fiche id) taken from the own tenant, a
// foreign one, or a hostile list (non-UUID ids, encoded traversal, %00, malformed percent
// sequences, very long segments), and a query string of callbackUrl values and other parameters
// that trip parsers (`%`, `http://[::1`, `//evil.test`, NUL, `__proto__`).
import fc from "fast-check";

/** A segment of the path: the tenant's own value, the other tenant's, or a raw (already encoded) string. */
export type Segment = { tenant: "own" | "foreign" } | { raw: string };

export type UrlCase = {
  slug: Segment;
  contractId: Segment;
  ficheId: Segment;
  /** One more segment after the route's path, or none. */
  suffix: string | null;
  query: Array<[name: string, value: string]>;
};

export const HOSTILE_SEGMENTS = [
  "1",
  "abc",
  "0",
  "-1",
  "12345678901234567890",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "00000000-0000-4000-8000-00000000000g",
  "00000000000040008000000000000000",
  "..%2F",
  "..%2F..%2Fadmin",
  "%2e%2e%2f",
  "..%5C",
  "%2F%2Fevil.test",
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%",
  "%ZZ",
  "%C0%AF",
  "%FF",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "%EF%BF%BE",
  "é",
  "x".repeat(4000),
  "%20",
  "+",
  "'",
  "%22",
  "%3Cscript%3E",
  "~",
  ";",
  "%3B",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "prototype",
  "export.xlsx",
  "%0D%0ASet-Cookie:%20x=1",
  "%2E",
  "%252e%252e%252f",
];

export const CALLBACK_URLS = [
  "%",
  "http://[::1",
  "//evil.test",
  "%00",
  "/%00",
  "%E0%A4%A",
  "/%5Cevil.test",
  "/.//evil.test",
  "%2F%2Fevil.test",
  "/%09/evil.test",
  "javascript:alert(1)",
  "https://evil.test/",
  "http://localhost:1/",
  `/${"x".repeat(3000)}`,
  "",
  "%2500",
  "/espace?%",
  "__proto__",
];

/** Values for the other parameters pages read (sign-in error codes, audit log filters) and for unknown ones. */
export const QUERY_VALUES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "Verification",
  "lien",
  "CredentialsSignin",
  "FicheAction:------------------------------------",
  "Contract:000000000000000000000000000000000000",
  "00000000-0000-0000-0000-000000000000",
  "-1",
  "12345678901234567890",
  "%",
  "%00",
  "%E0%A4%A",
  "x".repeat(3000),
  "",
];

const QUERY_NAMES = [
  "callbackUrl",
  "error",
  "methode",
  "personne",
  "element",
  "apres",
  "__proto__",
  "__proto__[x]",
  "constructor[prototype][x]",
  "a",
  "%",
  "%00",
];

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Segment>({ tenant: "own" }) },
  { weight: 2, arbitrary: fc.constant<Segment>({ tenant: "foreign" }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((raw): Segment => ({ raw })) },
  { weight: 1, arbitrary: fc.uuid().map((raw): Segment => ({ raw })) },
);

const parameter: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constant("callbackUrl"), fc.constantFrom(...CALLBACK_URLS)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.constantFrom(...QUERY_VALUES, ...CALLBACK_URLS)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 12 }).map(encodeURIComponent)) },
);

export const urlCase: fc.Arbitrary<UrlCase> = fc.record({
  slug: segment,
  contractId: segment,
  ficheId: segment,
  suffix: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) }),
  query: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Array<[string, string]>>([]) },
    { weight: 2, arbitrary: fc.array(parameter, { minLength: 1, maxLength: 4, size: "xsmall" }) },
  ),
});

/** The query string as it goes on the wire: names and values are already what the URL carries. */
export const queryString = (query: UrlCase["query"]) =>
  query.length === 0 ? "" : `?${query.map(([name, value]) => `${name}=${value}`).join("&")}`;

/** A URL cut in the middle when long, for messages. */
export const showUrl = (url: string) => (url.length <= 200 ? url : `${url.slice(0, 120)}…${url.slice(-40)} (${url.length} characters)`);

/** A body for next-auth's credentials callback: hostile fields and encodings, with or without a valid CSRF token. */
export type SignInBody = {
  csrf: "valid" | "missing" | "hostile";
  fields: Array<[name: string, value: string]>;
  encoding: "form" | "multipart" | "json" | "text";
};

const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    "%",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "%E0%A4%A",
    "http://[::1",
    "//evil.test",
    "__proto__",
    "true",
    "x".repeat(1 << 20),
    "12345678901234567890",
  ),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: "binary", maxLength: 16 }),
);

export const signInBody: fc.Arbitrary<SignInBody> = fc.record({
  csrf: fc.constantFrom("valid" as const, "missing" as const, "hostile" as const),
  fields: fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom("email", "password", "callbackUrl", "json", "redirect"), hostileText),
      fc.tuple(fc.constant("callbackUrl"), fc.constantFrom(...CALLBACK_URLS)),
      fc.tuple(
        fc.constantFrom(
          "__proto__",
          "__proto__[x]",
          "constructor[prototype][x]",
          "constructor",
          "csrfToken",
          "providerId",
          "x".repeat(1000),
        ),
        hostileText,
      ),
    ),
    { minLength: 0, maxLength: 6, size: "xsmall" },
  ),
  encoding: fc.constantFrom("form" as const, "multipart" as const, "json" as const, "text" as const),
});

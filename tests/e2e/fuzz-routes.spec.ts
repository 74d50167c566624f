// Fuzzing every route of the authorization matrix over HTTP, signed out and as each role: the
// route's path with hostile segments (non-UUID ids, other tenants' ids, encoded traversal, %00,
// malformed percent sequences, 4,000-character segments) and hostile query strings (callbackUrl
// values such as `%`, `http://[::1`, `//evil.test`), plus the public pages and next-auth's own
// endpoints, with hostile bodies posted to the credentials callback. No answer may be an HTTP
// 500 (or any status >= 500). 20 cases per route and role by default; FUZZ_RUNS spreads that many
// over all routes and roles instead; FUZZ_SEED replays a run.
import fc from "fast-check";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { passwordSignInSchema } from "@/lib/auth/schema";
import { ACCOUNTS, findContracts, ROUTES, tenants, type Role, type Tenant } from "../support/route-matrix";
import { CALLBACK_URLS, queryString, showUrl, signInBody, urlCase, type SignInBody, type UrlCase } from "../support/fuzz/urls";
import { signInAs } from "./sign-in";

const ROLES: Role[] = ["anonymous", ...(Object.keys(ACCOUNTS) as Array<Exclude<Role, "anonymous">>)];

/** Public pages, and next-auth's endpoints, fuzzed the same way (signed out, and as a coordinator). */
const PUBLIC_ROUTES: Record<string, (tenant: Tenant) => string> = {
  "page.tsx": () => "/",
  "connexion/page.tsx": () => "/connexion",
  "connexion/verification/page.tsx": () => "/connexion/verification",
  "accessibilite/page.tsx": () => "/accessibilite",
  "recherche/page.tsx": () => "/recherche?q=sante&region=bretagne&status=in_progress",
  "confidentialite/page.tsx": () => "/confidentialite",
  "robots.ts": () => "/robots.txt",
  "sitemap.xml/route.ts": () => "/sitemap.xml",
  "sitemaps/[file]/route.ts": () => "/sitemaps/1.xml",
  // The bench's empty page: not found outside a bench run.
  "bench/page.tsx": () => "/bench",
  "territoires/[slug]/page.tsx": ({ slug }) => `/territoires/${slug}`,
  "territoires/[slug]/[contrat]/page.tsx": ({ slug }) => `/territoires/${slug}/cls-1`,
  "territoires/[slug]/[contrat]/fiches/[numero]/page.tsx": ({ slug }) => `/territoires/${slug}/cls-1/fiches/1`,
  "territoires/[slug]/documents/[documentId]/route.ts": ({ slug, documentId }) => `/territoires/${slug}/documents/${documentId}`,
  "invitation/[token]/page.tsx": ({ contractId }) => `/invitation/${contractId}`,
  "api/health/route.ts": () => "/api/health",
  // The open data API and its page: anonymous reads, whoever asks (a 429 past the quota is an answer too).
  "donnees/page.tsx": () => "/donnees",
  "api/v1/route.ts": () => "/api/v1",
  "api/v1/openapi.json/route.ts": () => "/api/v1/openapi.json",
  "api/v1/[collection]/route.ts": () => "/api/v1/fiches",
  "api/v1/[collection]/[id]/route.ts": ({ contractId }) => `/api/v1/contracts/${contractId}`,
  "api/auth/signin": () => "/api/auth/signin",
  "api/auth/signin/credentials": () => "/api/auth/signin/credentials",
  "api/auth/signout": () => "/api/auth/signout",
  "api/auth/session": () => "/api/auth/session",
  "api/auth/csrf": () => "/api/auth/csrf",
  "api/auth/providers": () => "/api/auth/providers",
  "api/auth/error": () => "/api/auth/error",
  "api/auth/callback/credentials": () => "/api/auth/callback/credentials",
  "api/auth/callback/proconnect": () => "/api/auth/callback/proconnect",
  "api/auth/callback/email": () => "/api/auth/callback/email",
};

const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const casesPer = (routes: number, roles: number) => (RUNS ? Math.max(1, Math.ceil(RUNS / (routes * roles))) : 20);
const SHRINK_RUNS = 40;

const seedOf = (name: string) => {
  let hash = SEED | 0;
  for (const character of name) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return hash;
};

function urlOf(path: (tenant: Tenant) => string, fuzz: UrlCase): string {
  const pick = (segment: UrlCase["slug"], key: keyof Tenant) => ("raw" in segment ? segment.raw : tenants[segment.tenant][key]);
  const base = path({
    slug: pick(fuzz.slug, "slug"),
    contractId: pick(fuzz.contractId, "contractId"),
    ficheId: pick(fuzz.ficheId, "ficheId"),
    commitmentId: pick(fuzz.ficheId, "commitmentId"),
    campaignId: pick(fuzz.ficheId, "campaignId"),
    documentId: pick(fuzz.ficheId, "documentId"),
    amendmentId: pick(fuzz.ficheId, "amendmentId"),
  });
  // "/" + "/abc" would be "//abc", another host: the suffix is one more segment, always.
  return `${base}${fuzz.suffix === null ? "" : `${base.endsWith("/") ? "" : "/"}${fuzz.suffix}`}${queryString(fuzz.query)}`;
}

/** What a failing answer said, without the markup. */
async function excerpt(response: APIResponse): Promise<string> {
  const text = await response.text().catch(() => "");
  return text
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

type Tally = { requests: number; statuses: Map<number, number> };
const newTally = (): Tally => ({ requests: 0, statuses: new Map() });
const showTally = (tally: Tally) =>
  [...tally.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");

/**
 * Runs `request` on generated cases until one answers >= 500 or fails to answer; shrinks it and
 * returns the failure, or null.
 */
async function fuzzRequests<Case>(
  name: string,
  arbitrary: fc.Arbitrary<Case>,
  cases: number,
  tally: Tally,
  request: (fuzz: Case) => Promise<{ label: string; response: APIResponse }>,
) {
  let runs = 0;
  let firstFailure: number | undefined;
  let failure: string | null = null;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (fuzz) => {
      runs++;
      if (firstFailure !== undefined && runs - firstFailure > SHRINK_RUNS) return true;
      let label = "";
      try {
        const answer = await request(fuzz);
        label = answer.label;
        tally.requests++;
        const status = answer.response.status();
        tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
        if (status < 500) return true;
        failure = `${label} → HTTP ${status}: ${await excerpt(answer.response)}`;
      } catch (error) {
        // A body with a lone surrogate cannot be URL-encoded: no client can send it, so it never
        // reached the server and says nothing about it.
        if (error instanceof Error && /^URI malformed/.test(error.message)) return true;
        failure = `${label || "request"} → no answer: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      }
      firstFailure ??= runs;
      return false;
    }),
    { numRuns: cases, seed: seedOf(name) },
  );
  return details.failed ? `${name}: ${failure} (minimal case after ${details.numShrinks} shrinks; FUZZ_SEED=${SEED})` : null;
}

test.beforeAll(async ({ browser }) => findContracts(browser));

/** Fuzzes GET requests to each route as the role: one line of statuses in the log, and every route answering >= 500 as a failure. */
async function fuzzRoutes(
  page: Page,
  role: Role,
  { title, paths, roles }: { title: string; paths: Array<[string, (tenant: Tenant) => string]>; roles: number },
) {
  const cases = casesPer(paths.length, roles);
  test.setTimeout(60_000 + paths.length * cases * 3_000);
  if (role !== "anonymous") await signInAs(page, ACCOUNTS[role]);
  const tally = newTally();
  const failures: string[] = [];
  for (const [file, path] of paths) {
    const failure = await fuzzRequests(`${role} ${file}`, urlCase, cases, tally, async (fuzz) => {
      const url = urlOf(path, fuzz);
      return { label: `GET ${showUrl(url)}`, response: await page.request.get(url, { maxRedirects: 0, timeout: 30_000 }) };
    });
    if (failure) failures.push(failure);
  }
  console.log(
    `route fuzz (${title}): ${tally.requests} requests over ${paths.length} routes, statuses ${showTally(tally)}; ${failures.length} routes answering >= 500`,
  );
  expect(failures).toEqual([]);
}

for (const role of ROLES) {
  test(`${role}: fuzzed paths and query strings of every protected route never answer 500`, async ({ page }) => {
    const paths = Object.entries(ROUTES).map(([file, route]): [string, (tenant: Tenant) => string] => [file, route.path]);
    await fuzzRoutes(page, role, { title: role, paths, roles: ROLES.length });
  });
}

for (const role of ["anonymous", "coordinator"] as const) {
  test(`${role}: fuzzed public pages and next-auth endpoints never answer 500`, async ({ page }) => {
    await fuzzRoutes(page, role, { title: `public, ${role}`, paths: Object.entries(PUBLIC_ROUTES), roles: 2 });
  });
}

test("a plain GET of the credentials callback, and the sign-in pages and next-auth's error endpoint with each hostile callbackUrl or error code, answer below 500", async ({
  request,
}) => {
  const failures: string[] = [];
  const urls = [
    "/api/auth/callback/credentials",
    ...CALLBACK_URLS.flatMap((value) => [
      `/connexion?callbackUrl=${value}`,
      `/api/auth/signin?callbackUrl=${value}`,
      `/api/auth/csrf?callbackUrl=${value}`,
    ]),
    // Error codes index a dictionary of messages: inherited keys must not be found in it.
    ...["__proto__", "constructor", "toString", "hasOwnProperty", "%", "%00", "%0D%0A", "%C3%A9"].flatMap((value) => [
      `/connexion?error=${value}`,
      `/connexion?methode=${value}&error=${value}`,
      // next-auth's own error endpoint puts the code into a redirect's Location header.
      `/api/auth/error?error=${value}`,
    ]),
    // A repeated parameter reaches next-auth as a list.
    ...["providers", "session", "csrf", "signin", "error"].map(
      (action) => `/api/auth/${action}?callbackUrl=&callbackUrl=%20&error=a&error=b`,
    ),
  ];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`GET ${showUrl(url)} → HTTP ${response.status()}: ${await excerpt(response)}`);
  }
  expect(failures).toEqual([]);
});

let forwardedFor = 0;

async function postSignIn(request: APIRequestContext, body: SignInBody): Promise<{ label: string; response: APIResponse }> {
  const fields = [...body.fields];
  if (body.csrf !== "missing") {
    const csrfToken =
      body.csrf === "valid" ? ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken : "%E0%A4%A\u0000";
    fields.push(["csrfToken", csrfToken]);
  }
  // Never a real failed sign-in: a well-formed address with a password would count against the
  // throttling of this machine's address, shared with the other specs' sign-ins.
  const email = fields.find(([name]) => name === "email")?.[1];
  const password = fields.find(([name]) => name === "password")?.[1];
  if (passwordSignInSchema.safeParse({ email, password }).success) fields.push(["password", ""]);
  const headers = { "X-Forwarded-For": `198.51.100.${forwardedFor++ % 250}` };
  const url = "/api/auth/callback/credentials";
  const label = `POST ${url} (${body.encoding}, csrf ${body.csrf}) ${showUrl(JSON.stringify(fields))}`;
  const options = { headers, maxRedirects: 0, timeout: 30_000 };
  /** The body as a string of this content type. */
  const postText = async (contentType: string, data: string) => ({
    label,
    response: await request.post(url, { ...options, headers: { ...headers, "Content-Type": contentType }, data }),
  });
  switch (body.encoding) {
    case "form":
      return postText(
        "application/x-www-form-urlencoded",
        fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&"),
      );
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      return { label, response: await request.post(url, { ...options, multipart: form }) };
    }
    case "json":
      return postText("application/json", JSON.stringify(Object.fromEntries(fields)));
    case "text":
      return postText("text/plain", fields.map(([name, value]) => `${name}=${value}`).join("&"));
  }
}

test("hostile bodies posted to the credentials callback never answer 500", async ({ request }) => {
  const cases = RUNS ? Math.max(20, Math.ceil(RUNS / 20)) : 40;
  test.setTimeout(60_000 + cases * 3_000);
  const tally = newTally();
  const failure = await fuzzRequests("POST /api/auth/callback/credentials", signInBody, cases, tally, (body) => postSignIn(request, body));
  console.log(
    `route fuzz (credentials callback): ${tally.requests} requests, statuses ${showTally(tally)}; ${failure ? 1 : 0} answering >= 500`,
  );
  expect(failure).toBeNull();
});

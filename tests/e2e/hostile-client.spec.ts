// Holes found by probing the running app as an attacker would (issue 9), replayed over HTTP
// against the real server: open redirects, malformed callback URLs, forged forwarding headers,
// sessions that outlived sign-out.
import { expect, test } from "./fixtures";
import { createAccount } from "../support/e2e-accounts";
import { signIn } from "./sign-in";
import { unique } from "./workspace";

test.describe("sign-in callback URLs", () => {
  test("a callback path that browsers read as another host lands on the site instead", async ({ page }) => {
    for (const hostile of ["/.//evil.test", "//evil.test", "/\\evil.test", "/%2F%2Fevil.test"]) {
      await page.context().clearCookies();
      await page.goto(`/connexion?callbackUrl=${encodeURIComponent(hostile)}`);
      const form = page.locator("form", { has: page.getByLabel("Mot de passe") });
      await form.getByLabel("Adresse e-mail").fill("coordination@lens-lievin.test");
      await form.getByLabel("Mot de passe").fill("opencls-demo");
      await form.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    }
  });

  test("malformed callback URLs and a plain visit to the password callback never give an HTTP 500", async ({ request, baseURL }) => {
    const malformed = ["%", "%E0%A4%A", "http://[::1", "/espace\u0000", "%00", "//evil.test"];
    for (const value of malformed) {
      for (const path of ["/connexion", "/api/auth/signin", "/api/auth/signin/email", "/api/auth/error", "/api/auth/session"]) {
        const response = await request.get(`${path}?callbackUrl=${value}`, { maxRedirects: 0 });
        expect(response.status(), `${path}?callbackUrl=${value}`).toBeLessThan(500);
      }
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const posted = await request.post("/api/auth/signin/email", {
        form: { email: "personne@exemple.test", csrfToken, callbackUrl: value, json: "true" },
        headers: { Origin: baseURL! },
      });
      expect(posted.status(), `POST callbackUrl=${value}`).toBeLessThan(500);
    }
    const cookieHeader = { Cookie: "next-auth.callback-url=%E0%A4%A" };
    expect((await request.get("/api/auth/session", { headers: cookieHeader })).status()).toBeLessThan(500);
    expect((await request.get("/api/auth/signin", { headers: cookieHeader, maxRedirects: 0 })).status()).toBeLessThan(500);
    const plain = await request.get("/api/auth/callback/credentials", { maxRedirects: 0 });
    expect(plain.status()).toBe(303);
    expect(plain.headers().location).toMatch(/\/connexion$/);
  });
});

test.describe("password guessing", () => {
  test("rotating X-Forwarded-For does not reset the delays: without a trusted proxy the header is ignored", async ({
    request,
    baseURL,
  }) => {
    // An address of its own: failures count per account and address, across tests and runs.
    const email = `devine-xff.${unique()}@exemple.test`;
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const attempt = async (forwardedFor: string) => {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { email, password: "pas-le-bon", csrfToken, json: "true" },
        headers: { Origin: baseURL!, "X-Forwarded-For": forwardedFor, "X-Real-IP": forwardedFor },
      });
      return new URL((await response.json()).url).searchParams.get("error") ?? "";
    };
    // Three failures are free, then each attempt waits 1 s, 2 s, 4 s… after the last failure
    // (lib/auth/rate-limit.ts). An attempt itself takes time (a bcrypt check), more than a second
    // on a busy machine: the 4th may come after the first delay, not after the next ones. Each
    // attempt claims another address: were the header believed, none would ever wait.
    const errors: string[] = [];
    for (let index = 1; index <= 7 && !errors.at(-1)?.startsWith("rate_limited"); index++) errors.push(await attempt(`203.0.113.${index}`));
    expect(errors.slice(0, 3)).toEqual(["CredentialsSignin", "CredentialsSignin", "CredentialsSignin"]);
    expect(errors.slice(3, -1).every((error) => error === "CredentialsSignin")).toBe(true);
    expect(errors.at(-1)).toMatch(/^rate_limited:\d+$/);
  });
});

test.describe("sessions", () => {
  test("signing out ends the session: its cookie, replayed, no longer opens the workspace", async ({ page, browser }) => {
    // An account of its own: signing out ends every session of the account, other tests' too.
    const { email } = await createAccount("contributor", "rosny-sous-bois");
    await signIn(page, email);
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const stolen = await replay.newPage();
    await stolen.goto("/espace");
    await expect(stolen).toHaveURL(/\/connexion\?callbackUrl=%2Fespace$/);
    await replay.close();
  });
});

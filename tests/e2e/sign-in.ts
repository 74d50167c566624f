import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "opencls-demo";

/**
 * Signs in through the real form, as a user would: for tests about signing in, and the first time an account is used;
 * on the suite's server, or on the app instance at `base` (tests/support/app-instance.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, base = ""): Promise<void> {
  await page.goto(`${base}/connexion`);
  // The password form, not the magic-link form that also asks for an e-mail address.
  const form = page.locator("form", { has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
  // Checking the password on a server that has just started, on two busy cores, can take longer than an assertion's 10 s.
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible({ timeout: 30_000 });
}

type Cookies = Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>;
/** Session cookies by account, per worker process. */
const sessions = new Map<string, Cookies>();

/**
 * Gives the page's context a session of the account, signing in through the form only the first
 * time the worker uses the account; the page is left where it is, to go where the test needs.
 * Never for an account a test signs out of, or whose role a test removes: that ends every
 * session of the account (such tests use an account of their own, tests/support/e2e-accounts.ts).
 */
export async function signInAs(page: Page, email: string): Promise<void> {
  const cookies = sessions.get(email);
  if (cookies) return page.context().addCookies(cookies);
  await signIn(page, email);
  sessions.set(email, await page.context().cookies());
}

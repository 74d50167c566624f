import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "opencls-demo";

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  // The password form, not the magic-link form that also asks for an e-mail address.
  const form = page.locator("form", { has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

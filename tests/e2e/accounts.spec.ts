import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount } from "../support/e2e-accounts";
import { signIn, signInAs } from "./sign-in";
import { unique } from "./workspace";

test.describe("sign-in", () => {
  test("a coordinator signs in, reaches their workspace and signs out", async ({ page }) => {
    // An account of its own: signing out ends every session of the account, other tests' too.
    const { email } = await createAccount("coordinator", "romans-sur-isere");
    await signIn(page, email);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Vos rôles : Coordination du contrat.")).toBeVisible();
    await page.getByRole("link", { name: "Romans-sur-Isère" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Romans-sur-Isère");
    await expect(page.getByText("Contrat local de santé de la Ville de Romans-sur-Isère")).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await page.goto("/espace/romans-sur-isere");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace%2Fromans-sur-isere$/);
  });

  test("a wrong password gets one message that does not say whether the account exists", async ({ page }) => {
    // Addresses of its own: failures count against each account (lib/auth/rate-limit.ts).
    const { email } = await createAccount("coordinator", "rosny-sous-bois");
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("pas-le-bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    // What the user typed stays in the form.
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);

    await page.getByLabel("Adresse e-mail").fill(`personne.${unique()}@nulle-part.test`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  });

  test("invalid fields get French messages at the field", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByLabel("Adresse e-mail")).toHaveAccessibleDescription(
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    );
    await expect(page.getByLabel("Mot de passe")).toHaveAccessibleDescription("Saisissez votre mot de passe.");
    await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  });

  test("a signed-out visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
    await page.goto("/espace/pays-ruffecois");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
    await page.getByLabel("Adresse e-mail").fill("ars@nouvelle-aquitaine.test");
    await page.getByLabel("Mot de passe").fill("opencls-demo");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/espace\/pays-ruffecois$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pays du Ruffécois");
  });
});

test.describe("tenant isolation", () => {
  test("a coordinator gets a 404 on another territory's workspace", async ({ page }) => {
    await signInAs(page, "coordination@romans-sur-isere.test");
    const response = await page.goto("/espace/lens-lievin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  });

  test("an ARS officer sees the territories of their region only", async ({ page }) => {
    await signIn(page, "ars@hauts-de-france.test");
    await expect(page.getByRole("link", { name: "Communauté d’Agglomération de Lens-Liévin" })).toBeVisible();
    // Its one territory, and the region's portfolio.
    await expect(page.getByRole("main").getByRole("link", { name: "Portefeuille régional" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link")).toHaveCount(2);
    expect((await page.goto("/espace/romans-sur-isere"))?.status()).toBe(404);
  });
});

test.describe("accessibility of account pages", () => {
  for (const width of [375, 1440]) {
    test(`sign-in and workspace pages have no axe-core violation at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/connexion");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);
      await signIn(page, "partenaire@romans-sur-isere.test");
      await expectNoAxeViolations(page);
      await page.goto("/espace/romans-sur-isere");
      await expectNoAxeViolations(page);
    });
  }

  test("sign-in works with the keyboard alone", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").focus();
    await page.keyboard.type("contribution@romans-sur-isere.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("opencls-demo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/espace$/);
  });
});

// Signing in without a password: a link by e-mail (read from the development mailbox, as a
// platform admin would) and ProConnect, against a real OpenID provider started by the suite
// (tests/support/oidc-provider.mjs, configured like ProConnect).
import { expect, test, type Browser, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signIn } from "./sign-in";

const CONFIRMATION = "Si un compte existe pour cette adresse, un lien de connexion vient d’y être envoyé.";

async function askForLink(page: Page, email: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Recevoir un lien de connexion par e-mail" }).click();
  // The password form has an "Adresse e-mail" field too: wait until the link form replaces it.
  await expect(page.getByRole("button", { name: "Envoyer le lien de connexion" })).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien de connexion" }).click();
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await expect(page).toHaveTitle("Vérifiez votre messagerie · OpenCLS");
  await expect(page.getByRole("status")).toHaveText(CONFIRMATION);
}

/** The development mailbox, as the platform admin sees it, in a browser context of their own. */
async function openMailboxAsAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@opencls.test");
  await page.goto("/dev/boite-mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte de développement");
  return page;
}

const messagesTo = (mailbox: Page, email: string) => mailbox.getByRole("article").filter({ has: mailbox.getByRole("definition").filter({ hasText: email }) });

/** Signs in with ProConnect through the provider's own login and consent pages. */
async function signInWithProConnect(page: Page, login: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("peu-importe");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("sign-in link by e-mail", () => {
  test("a coordinator asks for a link, opens it and lands signed in; the link then stops working", async ({ page, browser }) => {
    // Any case: accounts are matched case-insensitively.
    await askForLink(page, "Coordination@Romans-sur-Isere.TEST");

    const mailbox = await openMailboxAsAdmin(browser);
    const message = messagesTo(mailbox, "coordination@romans-sur-isere.test").first();
    await expect(message.getByRole("heading")).toHaveText("Votre lien de connexion à OpenCLS");
    const link = await message.getByRole("link", { name: /\/api\/auth\/callback\/email\?/ }).getAttribute("href");
    expect(link).toContain("email=coordination%40romans-sur-isere.test");

    await page.goto(link!);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Vos rôles : Coordination du contrat.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Romans-sur-Isère" })).toBeVisible();

    const other = await (await browser.newContext()).newPage();
    await other.goto(link!);
    await expect(other).toHaveURL(/\/connexion\?error=Verification/);
    await expect(other.getByRole("main").getByRole("alert")).toHaveText("Ce lien de connexion n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.");
    // …with the form for a new link right there.
    await expect(other.getByRole("button", { name: "Envoyer le lien de connexion" })).toBeVisible();
  });

  test("an unknown address gets the same answer, and nothing is sent", async ({ page, browser }) => {
    await askForLink(page, "personne@nulle-part.test");
    const mailbox = await openMailboxAsAdmin(browser);
    await expect(messagesTo(mailbox, "personne@nulle-part.test")).toHaveCount(0);
  });

  test("the development mailbox is for platform admins only", async ({ page }) => {
    await page.goto("/dev/boite-mail");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fdev%2Fboite-mail$/);
    await signIn(page, "coordination@lens-lievin.test");
    const response = await page.goto("/dev/boite-mail");
    expect(response?.status()).toBe(404);
  });
});

test.describe("ProConnect", () => {
  test("a new agent signs in and gets an account of their own, without any role yet", async ({ page }) => {
    await signInWithProConnect(page, "agent-nouveau");
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Aucun rôle ne vous est encore attribué")).toBeVisible();
    await expect(page.getByRole("banner").getByText("nora.benali@exemple.gouv.fr")).toBeVisible();
  });

  test("a demo coordinator whose address differs only in case keeps their account and roles", async ({ page, browser }) => {
    await signInWithProConnect(page, "agent-romans");
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Vos rôles : Coordination du contrat.")).toBeVisible();
    await expect(page.getByRole("banner").getByText("coordination@romans-sur-isere.test")).toBeVisible();
    await page.getByRole("link", { name: "Romans-sur-Isère" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Romans-sur-Isère");

    // The password still opens the very same account.
    const other = await (await browser.newContext()).newPage();
    await signIn(other, "coordination@romans-sur-isere.test");
    await expect(other.getByText("Vos rôles : Coordination du contrat.")).toBeVisible();
  });

  test("the button leads back to the page asked for", async ({ page }) => {
    await page.goto("/espace/romans-sur-isere");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
    await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();
    await page.getByPlaceholder("Enter any login").fill("agent-romans");
    await page.getByPlaceholder("and password").fill("peu-importe");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/espace\/romans-sur-isere$/);
  });
});

test.describe("accessibility of the sign-in methods", () => {
  for (const width of [375, 1440]) {
    test(`sign-in, link request, verification and mailbox pages have no axe-core violation at ${width} px`, async ({ page, browser }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/connexion");
      await expect(page.getByRole("button", { name: "S’identifier avec ProConnect" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Recevoir un lien de connexion par e-mail" }).click();
      await expect(page.getByRole("button", { name: "Envoyer le lien de connexion" })).toBeVisible();
      await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Envoyer le lien de connexion" }).click();
      await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);

      await askForLink(page, `contribution@creusot-montceau.test`);
      await expectNoAxeViolations(page);

      const mailbox = await openMailboxAsAdmin(browser);
      await mailbox.setViewportSize({ width, height: 900 });
      await expect(messagesTo(mailbox, "contribution@creusot-montceau.test").first()).toBeVisible();
      await expectNoAxeViolations(mailbox);
    });
  }
});

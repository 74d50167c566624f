// Signing in without a password: a link by e-mail (read from the development mailbox, as a
// platform admin would) and ProConnect, against a real OpenID provider started by the suite
// (tests/support/oidc-provider.mjs, configured like ProConnect).
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { messagesTo, openMailboxAsAdmin, waitForMessageTo } from "./mailbox";
import { createAccount, giveSiren } from "../support/e2e-accounts";
import { signIn, signInAs } from "./sign-in";
import { unique } from "./workspace";

/** An organisation of the Romans-sur-Isère contract, given a fictitious SIREN by the access request test. */
const AGENT_ORGANISATION = "CAF de la Drôme";
const AGENT_SIREN = "999000003";

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
  test("a coordinator asks for a link, opens it and signs in with its button; opening it first uses nothing up; the link then stops working", async ({
    page,
    browser,
  }) => {
    // An account of its own: a link e-mailed to a shared one by an earlier test could be read first.
    const { email } = await createAccount("coordinator", "romans-sur-isere");
    // Any case: accounts are matched case-insensitively.
    await askForLink(page, email.toUpperCase());

    const mailbox = await openMailboxAsAdmin(browser);
    const message = await waitForMessageTo(mailbox, email);
    await expect(message.getByRole("heading")).toHaveText("Votre lien de connexion à OpenCLS");
    const link = await message.getByRole("link", { name: /\/connexion\/lien\?/ }).getAttribute("href");
    expect(link).toContain(`email=${encodeURIComponent(email)}`);

    // A mail scanner opens the link first: that signs nobody in and uses nothing up.
    const scanner = await (await browser.newContext()).newPage();
    await scanner.goto(link!);
    await expect(scanner.getByRole("button", { name: "Me connecter" })).toBeVisible();
    await expect(scanner.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

    await page.goto(link!);
    await expect(page.getByText(`Vous allez vous connecter avec l’adresse ${email}.`)).toBeVisible();
    await page.getByRole("button", { name: "Me connecter" }).click();
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByText("Vos rôles : Coordination du contrat.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Romans-sur-Isère" })).toBeVisible();

    await scanner.getByRole("button", { name: "Me connecter" }).click();
    await expect(scanner).toHaveURL(/\/connexion\?error=Verification/);
    await expect(scanner.getByRole("main").getByRole("alert")).toHaveText(
      "Ce lien de connexion n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.",
    );
    // …with the form for a new link right there.
    await expect(scanner.getByRole("button", { name: "Envoyer le lien de connexion" })).toBeVisible();
  });

  test("an unknown address gets the same answer, and nothing is sent", async ({ page, browser, request }) => {
    const known = await createAccount("contributor", "pays-ruffecois");
    await askForLink(page, "personne@nulle-part.test");
    // Jobs run in order: once a link asked for afterwards has arrived, the first was decided.
    await askForLink(page, known.email);
    const mailbox = await openMailboxAsAdmin(browser);
    await waitForMessageTo(mailbox, known.email);
    await mailbox.goto("/dev/boite-mail?destinataire=personne%40nulle-part.test");
    await expect(mailbox.getByText("Aucun e-mail pour personne@nulle-part.test.")).toBeVisible();
    await expect(messagesTo(mailbox, "personne@nulle-part.test")).toHaveCount(0);

    // The request itself answers alike, status and body, for a known and an unknown address.
    const ask = async (email: string) => {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const response = await request.post("/api/auth/signin/email", {
        form: { email, csrfToken, callbackUrl: "/espace", json: "true" },
        headers: { Origin: new URL(page.url()).origin },
      });
      return { status: response.status(), body: await response.text() };
    };
    expect(await ask("personne@nulle-part.test")).toEqual(await ask("contribution@lens-lievin.test"));
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

  test("signing out also ends the session at ProConnect", async ({ page }) => {
    // An agent of its own: signing out ends every session of the account.
    await signInWithProConnect(page, `agent-${unique()}`);
    await expect(page).toHaveURL(/\/espace$/);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    // The provider's RP-initiated logout, with our ID token as the hint.
    await expect(page).toHaveURL(/\/session\/end/);
    expect(new URL(page.url()).port).toBe(String(Number(new URL(test.info().project.use.baseURL!).port) + 1));
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace$/);
  });

  test("an agent whose SIREN names a seeded organisation asks to join its territory; once a coordinator confirms, they have Mes engagements", async ({
    page,
    browser,
  }) => {
    // A fictitious SIREN for an organisation of the Romans-sur-Isère contract (the demo data state none).
    await giveSiren(AGENT_ORGANISATION, AGENT_SIREN);
    const login = `siret-${AGENT_SIREN}00019-${unique()}`;
    const email = `${login}@exemple.gouv.fr`;
    await signInWithProConnect(page, login);
    await expect(page).toHaveURL(/\/espace$/);
    const panel = page.getByRole("region", { name: "Accès partenaire" });
    await expect(panel.getByText("Votre organisation d’après ProConnect : CAF de la Drôme (SIREN 999 000 003).")).toBeVisible();
    await expectNoAxeViolations(page);

    // Sent without a territory: the summary takes the focus and the field says why.
    await panel.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(panel.getByRole("alert")).toBeFocused();
    await expect(panel.getByLabel("Territoire", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(panel.getByText("Choisissez le territoire.").last()).toBeVisible();
    await expectNoAxeViolations(page);

    await panel.getByLabel("Territoire", { exact: true }).selectOption({ label: "Romans-sur-Isère (Auvergne-Rhône-Alpes)" });
    await panel.getByRole("button", { name: "Envoyer la demande" }).click();
    // Confirmed in the notice region: Romans-sur-Isère was the only territory to offer, so the form is gone.
    await expect(page.getByText("Votre demande est envoyée à la coordination de Romans-sur-Isère.")).toBeVisible();
    const requests = panel.getByRole("list").filter({ hasText: "Romans-sur-Isère" });
    await expect(requests.getByText("En attente")).toBeVisible();
    // The request itself gives no right.
    await expect(page.getByRole("banner").getByRole("link", { name: "Mes engagements" })).toHaveCount(0);

    const coordinator = await (await browser.newContext()).newPage();
    await signInAs(coordinator, "coordination@romans-sur-isere.test");
    await coordinator.goto("/espace/romans-sur-isere/membres");
    const pending = coordinator.getByRole("region", { name: /^Demandes d’accès en attente/ });
    const row = pending.getByRole("listitem").filter({ hasText: email });
    await expect(row.getByText(`Organisation d’après ProConnect : ${AGENT_ORGANISATION} · SIRET 999 000 003 00019`)).toBeVisible();
    await expect(row.getByRole("combobox", { name: /^Organisation de / })).toHaveValue(AGENT_ORGANISATION);
    await expectNoAxeViolations(coordinator);
    await row.getByRole("button", { name: /^Confirmer la demande de / }).click();
    await expect(coordinator.getByText(`${email} est désormais partenaire de Romans-sur-Isère pour ${AGENT_ORGANISATION}.`)).toBeVisible();
    await expect(pending.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
    await expect(
      coordinator
        .getByRole("region", { name: /^Membres/ })
        .getByText(new RegExp(`Partenaire \\(${AGENT_ORGANISATION}\\)`))
        .first(),
    ).toBeVisible();

    await page.reload();
    await expect(requests.getByText("Confirmée", { exact: true })).toBeVisible();
    await page.getByRole("banner").getByRole("link", { name: "Mes engagements" }).click();
    await expect(page).toHaveURL(/\/engagements$/);
  });

  test("an agent whose SIREN names none of our organisations is told to ask for an invitation", async ({ page }) => {
    await signInWithProConnect(page, `siret-55208131766522-${unique()}`);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(
      page
        .getByRole("region", { name: "Accès partenaire" })
        .getByText("Votre SIRET d’après ProConnect (552 081 317 66522) ne correspond à aucune organisation inscrite sur OpenCLS."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Envoyer la demande" })).toHaveCount(0);
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

for (const width of [375, 1440]) {
  test.describe(`accessibility of the sign-in methods at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("sign-in and link request pages, and the link request's error, have no axe-core violation", async ({ page }) => {
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
    });

    test("the verification page and the mailbox have no axe-core violation", async ({ page, browser }) => {
      await askForLink(page, "contribution@creusot-montceau.test");
      await expectNoAxeViolations(page);

      const mailbox = await openMailboxAsAdmin(browser);
      await mailbox.setViewportSize({ width, height: 900 });
      await waitForMessageTo(mailbox, "contribution@creusot-montceau.test");
      await expectNoAxeViolations(mailbox);
    });
  });
}

// Membership management as people do it in Chromium: a coordinator invites someone, the
// invitee creates their account from the e-mailed link, the coordinator changes and revokes
// the role, and the journal shows every step.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signIn } from "./sign-in";

const TERRITORY = "/espace/romans-sur-isere";

/** The invitation link, read from the development mailbox by a platform admin. */
async function invitationLinkFor(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "admin@opencls.test");
  await admin.goto("/dev/boite-mail");
  const mail = admin.getByRole("article").filter({ hasText: email }).first();
  const href = await mail.getByRole("link", { name: /\/invitation\// }).getAttribute("href");
  await context.close();
  return new URL(href!).pathname;
}

async function invite(page: Page, email: string) {
  await page.goto(`${TERRITORY}/membres`);
  const form = page.getByRole("region", { name: "Inviter une personne" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Rôle").selectOption({ label: "Contribution (pilotage de fiches)" });
  await form.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
}

test.describe("members of a territory", () => {
  test("invite, register from the link, change the role, revoke, and read it all in the journal", async ({ page, browser }) => {
    const email = `camille.${randomUUID().slice(0, 8)}@exemple.test`;
    await signIn(page, "coordination@romans-sur-isere.test");
    await invite(page, email);
    const pending = page.getByRole("region", { name: /Invitations en attente/ });
    await expect(pending.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page);

    // The invitee, signed out, opens the link and creates their account.
    const link = await invitationLinkFor(browser, email);
    const inviteeContext = await browser.newContext();
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Invitation à rejoindre OpenCLS");
    await expectNoAxeViolations(invitee);
    await invitee.getByLabel("Prénom et nom").fill("Camille Martin");
    await invitee.getByLabel("Mot de passe", { exact: true }).fill("court");
    await invitee.getByRole("button", { name: "Créer mon compte et accepter" }).click();
    await expect(invitee.getByLabel("Mot de passe", { exact: true })).toHaveAccessibleDescription(
      /Le mot de passe doit compter au moins 12 caractères\./,
    );
    await expect(invitee.getByLabel("Prénom et nom")).toHaveValue("Camille Martin");
    await invitee.getByLabel("Mot de passe", { exact: true }).fill("un mot de passe solide");
    await invitee.getByLabel("Confirmation du mot de passe").fill("un mot de passe solide");
    await invitee.getByRole("button", { name: "Créer mon compte et accepter" }).click();
    await expect(invitee).toHaveURL(new RegExp(`${TERRITORY}$`));
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Romans-sur-Isère");
    // A contributor does not manage members.
    await expect(invitee.getByRole("link", { name: "Membres" })).toHaveCount(0);
    expect((await invitee.request.get(`${TERRITORY}/membres`)).status()).toBe(404);

    // The coordinator sees the new member, promotes them, then removes the role.
    await page.reload();
    const row = page.getByRole("listitem").filter({ hasText: email });
    await row.getByLabel(`Rôle de Camille Martin (${email})`, { exact: true }).selectOption({ label: "Coordination du contrat" });
    await row.getByRole("button", { name: `Changer le rôle de Camille Martin (${email})` }).click();
    await expect(row).toContainText("Coordination du contrat depuis le");
    await row.getByRole("button", { name: `Retirer le rôle de Camille Martin (${email})` }).click();
    await expect(row.getByRole("button", { name: "Retirer", exact: true })).toBeFocused();
    await row.getByRole("button", { name: "Retirer", exact: true }).click();
    await expect(page.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);

    // The revoked member loses access at once: every session of theirs is over.
    const afterRevocation = await invitee.request.get(TERRITORY, { maxRedirects: 0 });
    expect(afterRevocation.status()).toBe(307);
    expect(afterRevocation.headers().location).toMatch(/^\/connexion\?callbackUrl=/);
    await inviteeContext.close();

    // The journal tells the story, newest first, and filters by record.
    await page.getByRole("link", { name: "Journal" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal des modifications");
    const events = page.getByRole("list", { name: "Modifications" }).getByRole("listitem").filter({ hasText: email });
    await expect(events.nth(0)).toContainText("Rôle retiré");
    await expect(events.nth(1)).toContainText("Rôle modifié");
    await expect(events.nth(1)).toContainText("Contribution (pilotage de fiches) → Coordination du contrat");
    await expect(events.nth(2)).toContainText("Rôle attribué par Camille Martin");
    await expect(page.getByText("Compte créé par Camille Martin")).toBeVisible();
    await expect(page.getByText("Invitation envoyée par Coordination CLS Romans-sur-Isère").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await events
      .nth(1)
      .getByRole("link", { name: /Historique de rôle/ })
      .click();
    await expect(page.getByText("Historique d’un seul élément")).toBeVisible();
    await expect(page.getByRole("list", { name: "Modifications" }).getByRole("listitem")).toHaveCount(3);
  });

  test("a concurrent change of the same member is refused with a clear message", async ({ browser }) => {
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    await signIn(first, "coordination@rosny-sous-bois.test");
    await signIn(second, "admin@opencls.test");
    for (const page of [first, second]) await page.goto("/espace/rosny-sous-bois/membres");
    const person = "Contribution CLS Rosny-sous-Bois (contribution@rosny-sous-bois.test)";
    await first.getByLabel(`Rôle de ${person}`, { exact: true }).selectOption("coordinator");
    await first.getByRole("button", { name: `Changer le rôle de ${person}` }).click();
    await expect(first.getByRole("listitem").filter({ hasText: "contribution@rosny-sous-bois.test" })).toContainText(
      "Coordination du contrat depuis",
    );

    // The second page still shows the old version.
    await second.getByRole("button", { name: `Retirer le rôle de ${person}` }).click();
    await second.getByRole("button", { name: "Retirer", exact: true }).click();
    await expect(second.getByRole("main").getByRole("alert")).toContainText("Quelqu’un d’autre a modifié cet élément");
    await second.reload();
    await expect(second.getByRole("listitem").filter({ hasText: "contribution@rosny-sous-bois.test" })).toContainText(
      "Coordination du contrat depuis",
    );
    await Promise.all(contexts.map((context) => context.close()));
  });
});

test.describe("platform administration", () => {
  test("an admin creates a territory, keeps what they typed on an error, and invites its coordinator", async ({ page, browser }) => {
    // Two accounts, three forms and axe on the admin page, whose lists are long: more than 30 s on a busy 2-core machine.
    test.setTimeout(90_000);
    await signIn(page, "admin@opencls.test");
    await page.goto("/espace");
    await page.getByRole("link", { name: "Administration de la plateforme" }).click();
    await expectNoAxeViolations(page);

    const suffix = randomUUID().slice(0, 6);
    const form = page.getByRole("region", { name: /Territoires/ });
    await form.getByLabel("Nom", { exact: true }).fill(`Communauté de communes du Test ${suffix}`);
    await form.getByLabel("Type").selectOption({ label: "Communauté de communes" });
    await form.getByLabel("SIREN").fill("123 456 789");
    await form.getByRole("button", { name: "Créer le territoire" }).click();
    await expect(form.getByLabel("Région")).toHaveAccessibleDescription("Choisissez la région.");
    await expect(form.getByLabel("SIREN")).toHaveAccessibleDescription(/Ce SIREN n’est pas valide/);
    await expect(form.getByLabel("Nom", { exact: true })).toHaveValue(`Communauté de communes du Test ${suffix}`);
    await form.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
    await form.getByLabel("SIREN").fill("");
    await form.getByRole("button", { name: "Créer le territoire" }).click();
    await expect(form.getByRole("status")).toContainText(`Le territoire Communauté de communes du Test ${suffix} est créé.`);
    await expect(form.getByRole("link", { name: `Communauté de communes du Test ${suffix}` })).toBeVisible();

    await page.getByRole("link", { name: "Membres et invitations" }).click();
    await expectNoAxeViolations(page);
    const email = `coordination.${suffix}@exemple.test`;
    const invite = page.getByRole("region", { name: "Inviter une personne" });
    await invite.getByLabel("Adresse e-mail").fill(email);
    await invite.getByLabel("Rôle").selectOption({ label: "Coordination du contrat" });
    await invite.getByLabel("Territoire").selectOption({ label: `Communauté de communes du Test ${suffix}` });
    await invite.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(invite.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
    await expect(page.getByRole("region", { name: /Invitations en attente/ }).getByText(email)).toBeVisible();

    await page.getByRole("link", { name: "Journal des modifications" }).click();
    await expect(page.getByRole("list", { name: "Modifications" }).getByRole("listitem").first()).toContainText("Invitation envoyée");
    await expectNoAxeViolations(page);
    expect(await invitationLinkFor(browser, email)).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
  });
});

// Membership management as people do it in Chromium: a coordinator invites someone, the
// invitee creates their account from the e-mailed link, the coordinator changes and revokes
// the role, and the journal shows every step. Every person invited or changed is a new one,
// with an address no other test uses.
import { expect, test, type Browser, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount } from "../support/e2e-accounts";
import { invitationLinkFor } from "./mailbox";
import { signInAs } from "./sign-in";
import { pickSuggestion, unique } from "./workspace";

type Territory = { workspace: string; name: string; coordinator: string };
const ROMANS: Territory = {
  workspace: "/espace/romans-sur-isere",
  name: "Romans-sur-Isère",
  coordinator: "coordination@romans-sur-isere.test",
};
// The journal of a territory where few other tests write, so that its page stays short.
const ROSNY: Territory = {
  workspace: "/espace/rosny-sous-bois",
  name: "Rosny-sous-Bois",
  coordinator: "coordination@rosny-sous-bois.test",
};

async function invite(page: Page, territory: Territory, email: string) {
  await page.goto(`${territory.workspace}/membres`);
  const form = page.getByRole("region", { name: "Inviter une personne" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Rôle").selectOption({ label: "Contribution (pilotage de fiches)" });
  await form.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
}

/** The invitee, signed out, opens the e-mailed link in a browser of their own: the page is theirs. */
async function openInvitation(browser: Browser, email: string): Promise<Page> {
  const link = await invitationLinkFor(browser, email);
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Invitation à rejoindre OpenCLS");
  return invitee;
}

/** Completes the invitation form with a valid password: the new member lands in the territory. */
async function acceptInvitation(invitee: Page, territory: Territory, name: string) {
  await invitee.getByLabel("Prénom et nom").fill(name);
  await invitee.getByLabel("Mot de passe", { exact: true }).fill("un mot de passe solide");
  await invitee.getByLabel("Confirmation du mot de passe").fill("un mot de passe solide");
  await invitee.getByRole("button", { name: "Créer mon compte et accepter" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${territory.workspace}$`));
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(territory.name);
}

/**
 * A new member of Rosny-sous-Bois, invited and registered through the browser, whom the
 * coordinator (signed in in the page, on the members page) promotes, then removes.
 */
async function promoteThenRemoveNewMember(page: Page, browser: Browser) {
  const suffix = unique();
  const email = `camille.${suffix}@exemple.test`;
  // A name of its own: the journal is searched by it.
  const name = `Camille Martin ${suffix}`;
  await signInAs(page, ROSNY.coordinator);
  await invite(page, ROSNY, email);
  const invitee = await openInvitation(browser, email);
  await acceptInvitation(invitee, ROSNY, name);

  // The coordinator sees the new member, promotes them, then removes the role.
  await page.reload();
  const row = page.getByRole("listitem").filter({ hasText: email });
  await row.getByLabel(`Rôle de ${name} (${email})`, { exact: true }).selectOption({ label: "Coordination du contrat" });
  await row.getByRole("button", { name: `Changer le rôle de ${name} (${email})` }).click();
  await expect(row).toContainText("Coordination du contrat depuis le");
  await row.getByRole("button", { name: `Retirer le rôle de ${name} (${email})` }).click();
  await expect(row.getByRole("button", { name: "Retirer", exact: true })).toBeFocused();
  await row.getByRole("button", { name: "Retirer", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
  return { email, name, invitee };
}

test.describe("members of a territory", () => {
  test("an invitee creates their account from the e-mailed link, keeping what they typed on an error, and gets the role invited to", async ({
    page,
    browser,
  }) => {
    const email = `camille.${unique()}@exemple.test`;
    await signInAs(page, ROMANS.coordinator);
    await invite(page, ROMANS, email);
    const pending = page.getByRole("region", { name: /Invitations en attente/ });
    await expect(pending.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page);

    const invitee = await openInvitation(browser, email);
    await expectNoAxeViolations(invitee);
    await invitee.getByLabel("Prénom et nom").fill("Camille Martin");
    await invitee.getByLabel("Mot de passe", { exact: true }).fill("court");
    await invitee.getByRole("button", { name: "Créer mon compte et accepter" }).click();
    await expect(invitee.getByLabel("Mot de passe", { exact: true })).toHaveAccessibleDescription(
      /Le mot de passe doit compter au moins 12 caractères\./,
    );
    await expect(invitee.getByLabel("Prénom et nom")).toHaveValue("Camille Martin");
    await acceptInvitation(invitee, ROMANS, "Camille Martin");
    // A contributor does not manage members.
    await expect(invitee.getByRole("link", { name: "Membres" })).toHaveCount(0);
    expect((await invitee.request.get(`${ROMANS.workspace}/membres`)).status()).toBe(404);
    await invitee.context().close();
  });

  test("the coordinator promotes a new member, then removes the role, which ends the member's sessions at once", async ({
    page,
    browser,
  }) => {
    const { invitee } = await promoteThenRemoveNewMember(page, browser);

    // The revoked member loses access at once: every session of theirs is over.
    const afterRevocation = await invitee.request.get(ROSNY.workspace, { maxRedirects: 0 });
    expect(afterRevocation.status()).toBe(307);
    expect(afterRevocation.headers().location).toMatch(/^\/connexion\?callbackUrl=/);
    await invitee.context().close();
  });

  test("the territory's journal tells a member's story, newest first, and filters it by record", async ({ page, browser }) => {
    const { email, name, invitee } = await promoteThenRemoveNewMember(page, browser);
    await invitee.context().close();

    // The journal tells the story, newest first, and filters by record.
    await page.getByRole("link", { name: "Journal" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal des modifications");
    const events = page.getByRole("list", { name: "Modifications" }).getByRole("listitem").filter({ hasText: email });
    await expect(events.nth(0)).toContainText("Rôle retiré");
    await expect(events.nth(1)).toContainText("Rôle modifié");
    await expect(events.nth(1)).toContainText("Contribution (pilotage de fiches) → Coordination du contrat");
    await expect(events.nth(2)).toContainText(`Rôle attribué par ${name}`);
    await expect(page.getByText(`Compte créé par ${name}`)).toBeVisible();
    await expect(page.getByText("Invitation envoyée par Coordination CLS Rosny-sous-Bois").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await events
      .nth(1)
      .getByRole("link", { name: /Historique de rôle/ })
      .click();
    await expect(page.getByText("Historique d’un seul élément")).toBeVisible();
    await expect(page.getByRole("list", { name: "Modifications" }).getByRole("listitem")).toHaveCount(3);
  });

  test("a concurrent change of the same member is refused with a clear message", async ({ browser }) => {
    // A member of its own, whose role no other test changes.
    const member = await createAccount("contributor", "rosny-sous-bois", `Contribution ${unique()}`);
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    await signInAs(first, "coordination@rosny-sous-bois.test");
    await signInAs(second, "admin@opencls.test");
    for (const page of [first, second]) await page.goto("/espace/rosny-sous-bois/membres");
    const person = `${member.name} (${member.email})`;
    await first.getByLabel(`Rôle de ${person}`, { exact: true }).selectOption("coordinator");
    await first.getByRole("button", { name: `Changer le rôle de ${person}` }).click();
    await expect(first.getByRole("listitem").filter({ hasText: member.email })).toContainText("Coordination du contrat depuis");

    // The second page still shows the old version.
    await second.getByRole("button", { name: `Retirer le rôle de ${person}` }).click();
    await second.getByRole("button", { name: "Retirer", exact: true }).click();
    await expect(second.getByRole("main").getByRole("alert")).toContainText("Quelqu’un d’autre a modifié cet élément");
    await second.reload();
    await expect(second.getByRole("listitem").filter({ hasText: member.email })).toContainText("Coordination du contrat depuis");
    await Promise.all(contexts.map((context) => context.close()));
  });
});

test.describe("platform administration", () => {
  const ADMIN = "admin@opencls.test";

  async function openTerritoryForm(page: Page) {
    await page.goto("/espace");
    await page.getByRole("link", { name: "Administration de la plateforme" }).click();
    return page.getByRole("region", { name: /Territoires/ });
  }

  test("an admin creates a territory, and keeps what they typed on an error", async ({ page }) => {
    await signInAs(page, ADMIN);
    const form = await openTerritoryForm(page);
    await expectNoAxeViolations(page);

    // A territory placed in no commune, EPCI or département of the reference records no official code.
    const territory = `Communauté de communes du Test ${unique()}`;
    await form.getByLabel("Nom", { exact: true }).fill(territory);
    await form.getByLabel("Type").selectOption({ label: "Communauté de communes" });
    await form.getByLabel("Département(s)").fill("Drôme");
    await form.getByRole("button", { name: "Créer le territoire" }).click();
    await expect(form.getByLabel("Région")).toHaveAccessibleDescription("Choisissez la région.");
    await expect(form.getByLabel("Nom", { exact: true })).toHaveValue(territory);
    await expect(form.getByLabel("Département(s)")).toHaveValue("Drôme");
    await form.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
    await form.getByRole("button", { name: "Créer le territoire" }).click();
    await expect(form.getByRole("status")).toContainText(`Le territoire ${territory} est créé.`);
    await expect(form.getByRole("link", { name: territory, exact: true })).toBeVisible();
  });

  /** Invites the coordinator of a territory from the platform's members page, open in the page. */
  async function inviteCoordinator(page: Page, email: string, territory: string) {
    const invitation = page.getByRole("region", { name: "Inviter une personne" });
    await invitation.getByLabel("Adresse e-mail").fill(email);
    await invitation.getByLabel("Rôle").selectOption({ label: "Coordination du contrat" });
    await pickSuggestion(page, "Territoire", territory, territory);
    await invitation.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(invitation.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
  }

  test("an admin invites the coordinator of a new territory: the invitation is pending, and its link e-mailed", async ({
    page,
    browser,
  }) => {
    const suffix = unique();
    const territory = `Communauté de communes de l’Invitation ${suffix}`;
    await signInAs(page, ADMIN);
    const form = await openTerritoryForm(page);
    await form.getByLabel("Nom", { exact: true }).fill(territory);
    await form.getByLabel("Type").selectOption({ label: "Communauté de communes" });
    await form.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
    await form.getByRole("button", { name: "Créer le territoire" }).click();
    await expect(form.getByRole("status")).toContainText(`Le territoire ${territory} est créé.`);

    await page.getByRole("link", { name: "Membres et invitations" }).click();
    await expectNoAxeViolations(page);
    const email = `coordination.${suffix}@exemple.test`;
    await inviteCoordinator(page, email, territory);
    await expect(page.getByRole("region", { name: /Invitations en attente/ }).getByText(email)).toBeVisible();
    expect(await invitationLinkFor(browser, email)).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
  });

  test("the platform journal shows the invitation an admin sent, and its record's history", async ({ page }) => {
    const email = `coordination.${unique()}@exemple.test`;
    await signInAs(page, ADMIN);
    await page.goto("/admin/membres");
    await inviteCoordinator(page, email, "Communauté urbaine Creusot Montceau");

    await page.getByRole("link", { name: "Journal des modifications" }).click();
    // Every parallel test writes to this journal: the newest event about this address, then
    // its record's own history, which holds this test's events only (and is quick to check
    // with axe whatever the others wrote; the unfiltered journal is checked in a territory's).
    const event = page.getByRole("list", { name: "Modifications" }).getByRole("listitem").filter({ hasText: email }).first();
    await expect(event).toContainText("Invitation envoyée");
    await event.getByRole("link", { name: /^Historique de invitation/ }).click();
    await expect(page.getByText("Historique d’un seul élément")).toBeVisible();
    await expect(page.getByRole("list", { name: "Modifications" }).getByRole("listitem")).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
});

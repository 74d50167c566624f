// The portals as people use them. A coordinator invites a partner for their organisation; the
// partner registers from the e-mailed link, reports on their commitment in "Mes engagements", and
// the coordinator finds the report in the fiche's history (the commitment is one of the test's
// own: the demo contracts' sources state none). A contributor finds in "Mes fiches" what falls
// due on the fiches they pilot.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createCommitment, createPilotedFiche, findPublishedFiche } from "../support/e2e-accounts";
import { invitationLinkFor } from "./mailbox";
import { signInAs } from "./sign-in";
import { pickSuggestion, unique } from "./workspace";

const TERRITORY = "romans-sur-isere";
const ORGANISATION = "CPAM de la Drôme";

test("a partner invited by e-mail reports on a commitment, and the coordinator sees it in the fiche's history", async ({
  page,
  browser,
}) => {
  const suffix = unique();
  const { contractId, ficheId } = await findPublishedFiche(TERRITORY);
  const description = `Tenir une permanence d’accès aux droits ${suffix}`;
  await createCommitment(ficheId, ORGANISATION, description);
  const coordinator = await createAccount("coordinator", TERRITORY, `Coordination ${suffix}`);
  const email = `partenaire.${suffix}@exemple.test`;

  // The coordinator invites the partner for their organisation.
  await signInAs(page, coordinator.email);
  await page.goto(`/espace/${TERRITORY}/membres`);
  const form = page.getByRole("region", { name: "Inviter une personne" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Rôle").selectOption({ label: "Partenaire" });
  await pickSuggestion(page, "Organisation", "CPAM de la Dr", ORGANISATION);
  await form.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);

  // The partner registers from the link, then opens their commitments.
  const partner = await (await browser.newContext()).newPage();
  await partner.goto(await invitationLinkFor(browser, email));
  await partner.getByLabel("Prénom et nom").fill(`Paule Partenaire ${suffix}`);
  await partner.getByLabel("Mot de passe", { exact: true }).fill("un mot de passe solide");
  await partner.getByLabel("Confirmation du mot de passe").fill("un mot de passe solide");
  await partner.getByRole("button", { name: "Créer mon compte et accepter" }).click();
  await expect(partner).toHaveURL(new RegExp(`/espace/${TERRITORY}$`));
  await partner.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes engagements" }).click();
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Mes engagements");
  await expectNoAxeViolations(partner);
  const item = partner.getByRole("listitem").filter({ hasText: description });
  await item.getByRole("link").click();
  await expect(partner.getByRole("heading", { level: 2, name: "Votre engagement" })).toBeVisible();
  await expect(partner.getByText(description)).toBeVisible();
  await expectNoAxeViolations(partner);

  // A comment without its date is refused at the field, and nothing typed is lost.
  await partner.getByLabel("Statut").selectOption({ label: "En cours" });
  await partner.getByLabel("Avancement (%)").fill("60");
  await partner.getByLabel("Moyens financiers (€)").fill("2 000");
  await partner.getByLabel("Commentaire", { exact: true }).fill(`Permanence ouverte le mardi ${suffix}`);
  await partner.getByLabel("Date du commentaire").fill("");
  await partner.getByRole("button", { name: "Enregistrer le point d’avancement" }).click();
  await expect(partner.getByLabel("Date du commentaire")).toHaveAttribute("aria-invalid", "true");
  const summary = partner.getByRole("main").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(/^Date du commentaire\s:\sDatez le commentaire\.$/);
  await expect(partner.getByLabel("Avancement (%)")).toHaveValue("60");
  await partner.getByLabel("Date du commentaire").fill("2026-11-30");
  await partner.getByRole("button", { name: "Enregistrer le point d’avancement" }).click();
  await expect(partner.getByRole("status").filter({ hasText: "Votre point d’avancement est enregistré." })).toBeVisible();

  // The coordinator reads it in the fiche's history.
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}/fiches/${ficheId}/historique`);
  const entry = page
    .getByRole("list", { name: "Modifications de la fiche" })
    .getByRole("listitem")
    .filter({ hasText: `Paule Partenaire ${suffix}` })
    .first();
  await expect(entry).toContainText(`Point d’avancement d’un partenaire (Engagement · ${ORGANISATION}`);
  await expect(entry.getByRole("row").filter({ hasText: "Avancement" })).toContainText("60\u00a0%");
  await expect(entry.getByRole("row").filter({ hasText: "Moyens financiers (€)" })).toContainText("2\u202f000,00\u00a0€");
});

test("a contributor finds the fiches they pilot and what is overdue on each, one click from any page", async ({ page }) => {
  const suffix = unique();
  const contributor = await createAccount("contributor", TERRITORY, `Contribution ${suffix}`);
  const title = `Fiche pilotée ${suffix}`;
  await createPilotedFiche(TERRITORY, contributor.email, title);
  await signInAs(page, contributor.email);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes fiches" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes fiches");
  const fiche = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(title) }) });
  const due = fiche.getByRole("list", { name: /^À faire sur la fiche/ });
  await expect(due.getByRole("listitem")).toHaveText([
    /^En retard\s*Échéance le\s30\sseptembre\s2025\s*Mesure de l’indicateur\s:\sAteliers tenus \(.*\)$/,
    /^En retard\s*Échéance le\s30\sseptembre\s2025\s*Étape\s:\sConvention signée \(.*\)$/,
  ]);
  await expectNoAxeViolations(page);
  await due.getByRole("link", { name: /^Mesure de l’indicateur/ }).click();
  await expect(page).toHaveURL(/\/fiches\/[0-9a-f-]{36}\/indicateurs$/);
});

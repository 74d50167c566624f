// Governance and partners' contributions. A coordinator records a COPIL with the organisations
// that attended and its decisions (a missing date is named at its field, a new attendee row takes
// the focus); a partner fills in its contribution to the open campaign from « Mes engagements ».
// Each test works on a contract of its own, created in the suite's database.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createContractWithCommitment } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { pickSuggestion, unique } from "./workspace";

// Creusot-Montceau: other specs add published contracts there too, and none reads its public page.
const TERRITORY = "creusot-montceau";
const CPAM = "CPAM de Saône-et-Loire";
const CAF = "CAF de la Drôme";

test("a coordinator records a COPIL with two organisations and its decisions", async ({ page }) => {
  const suffix = unique();
  const { contractId } = await createContractWithCommitment(TERRITORY, CPAM, `Contrat gouverné ${suffix}`, { campaign: false });
  const coordinator = await createAccount("coordinator", TERRITORY, `Coordination ${suffix}`);
  await signInAs(page, coordinator.email);
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}`);
  await page.getByRole("link", { name: "Gouvernance" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gouvernance");
  await expect(page.getByText("Aucune réunion enregistrée pour le moment.")).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole("region", { name: "Enregistrer une réunion" });
  await form.getByLabel("Type de réunion").selectOption({ label: "Comité de pilotage (COPIL)" });
  await form.getByRole("button", { name: "Ajouter une organisation" }).click();
  await expect(form.getByRole("combobox", { name: "Organisation 1", exact: true })).toBeFocused();
  await pickSuggestion(page, "Organisation 1", "CPAM de Saô", CPAM);
  await form.getByLabel("Personnes présentes").first().fill("2");
  await form.getByRole("button", { name: "Ajouter une organisation" }).click();
  await expect(form.getByRole("combobox", { name: "Organisation 2", exact: true })).toBeFocused();
  await pickSuggestion(page, "Organisation 2", "CAF de la Dr", CAF);
  const decisions = `Ouvrir une deuxième permanence ${suffix}`;
  await form.getByLabel("Décisions").fill(decisions);
  await form.getByRole("button", { name: "Enregistrer la réunion" }).click();

  // The date is missing: named at its field, in French, and nothing typed is lost.
  await expect(form.getByLabel("Date de la réunion")).toHaveAccessibleDescription("Saisissez la date de la réunion.");
  await expect(form.getByLabel("Date de la réunion")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Décisions")).toHaveValue(decisions);
  await expect(form.getByRole("combobox", { name: "Organisation 2", exact: true })).toHaveValue(CAF);
  await expectNoAxeViolations(page);

  await form.getByLabel("Date de la réunion").fill("2026-03-12");
  await form.getByRole("button", { name: "Enregistrer la réunion" }).click();
  const meeting = page
    .getByRole("list", { name: /Réunions/ })
    .getByRole("listitem")
    .filter({ hasText: decisions });
  await expect(meeting.getByRole("heading", { level: 3 })).toHaveText(/12\smars\s2026 · Comité de pilotage \(COPIL\)/);
  await expect(meeting.getByText(`${CPAM} (2\u00a0personnes)`)).toBeVisible();
  await expect(meeting.getByText(CAF, { exact: true })).toBeVisible();
  await expect(form.getByLabel("Décisions")).toHaveValue("");
  await expectNoAxeViolations(page);

  // Deleted after a confirmation.
  await meeting.getByRole("button", { name: /^Supprimer la réunion COPIL du 12\smars\s2026/ }).click();
  await meeting.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expect(page.getByText(decisions)).toHaveCount(0);
});

test("a partner fills in its contribution on « Mes engagements » while a campaign is open", async ({ page }) => {
  const suffix = unique();
  const title = `Contrat évalué ${suffix}`;
  await createContractWithCommitment(TERRITORY, CPAM, title, { campaign: true });
  const partner = await createAccount("partner", TERRITORY, `Partenaire ${suffix}`, CPAM);
  await signInAs(page, partner.email);
  await page.goto("/engagements");
  const item = page.getByRole("listitem").filter({ hasText: `Tenir une permanence ${title}` });
  await expect(item.getByText("Contribution attendue")).toBeVisible();
  await expectNoAxeViolations(page);
  await item.getByRole("link", { name: /contribuer/ }).click();

  const section = page.getByRole("region", { name: "Contribution à l’évaluation à mi-parcours" });
  await expect(section).toBeVisible();
  await section.getByLabel("Montant dépensé (€)").fill("1 250,50");
  await section.getByLabel("Ce que votre organisation a apporté sur la période").fill(`Quarante permanences tenues ${suffix}`);
  await section.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(section.getByLabel("Engagement tenu\u00a0?")).toHaveAccessibleDescription("Indiquez si l’engagement a été tenu.");
  await expect(section.getByLabel("Montant dépensé (€)")).toHaveValue("1 250,50");
  await section.getByLabel("Engagement tenu\u00a0?").selectOption({ label: "Partiellement tenu" });
  await section.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre contribution à l’évaluation est enregistrée." })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/engagements");
  await expect(item.getByText("Évaluation à mi-parcours\u00a0: contribution transmise.")).toBeVisible();
  await expect(item.getByText("Contribution attendue")).toHaveCount(0);
});

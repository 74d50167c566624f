// Issue 14 in Chromium: an admin places a new territory in the State's reference with the
// keyboard alone, and invites an ARS officer for some départements of a region; the délégation
// départementale and the national reader then see what their roles let them see.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { unique } from "./workspace";

const ADMIN = "admin@opencls.test";

test("an admin finds an EPCI in the reference by keyboard, and choosing it fills the form the server then checks", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin");
  const form = page.getByRole("form", { name: "Créer un territoire" });
  const picker = form.getByRole("combobox", { name: "Lieu dans le référentiel officiel" });
  await picker.focus();
  await page.keyboard.type("lens liévin");
  const option = page.getByRole("option", { name: "CA de Lens - Liévin (EPCI, SIREN 246200364, 62)" });
  await expect(option).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press("ArrowDown");
  await expect(picker).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.keyboard.press("Enter");

  await expect(picker).toHaveValue("CA de Lens - Liévin (EPCI, SIREN 246200364, 62)");
  await expect(form.getByLabel("Nom", { exact: true })).toHaveValue("CA de Lens - Liévin");
  await expect(form.getByLabel("Type")).toHaveValue("communaute_agglomeration");
  await expect(form.getByLabel("Région").locator("option:checked")).toHaveText("Hauts-de-France");
  await expect(form.getByLabel("Département(s)")).toHaveValue("Pas-de-Calais");
  await expect(form.getByText("Codes officiels enregistrés\u00a0: Département 62 · SIREN 246200364 · 36 communes.")).toBeVisible();

  // The admin changes the region by mistake: the server refuses it, at the field, keeping the rest.
  const name = `CA de Lens - Liévin ${unique()}`;
  await form.getByLabel("Nom", { exact: true }).fill(name);
  await form.getByLabel("Région").selectOption({ label: "Île-de-France" });
  await form.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(form.getByLabel("Région")).toHaveAccessibleDescription(
    "CA de Lens - Liévin est en région Hauts-de-France, pas Île-de-France.",
  );
  await expect(form.getByLabel("Nom", { exact: true })).toHaveValue(name);
  await expectNoAxeViolations(page);

  await form.getByLabel("Région").selectOption({ label: "Hauts-de-France" });
  await form.getByRole("button", { name: "Créer le territoire" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toContainText(`Le territoire ${name} est créé.`);
  // A fresh form for the next territory.
  await expect(picker).toHaveValue("");
  await expect(form.getByLabel("Nom", { exact: true })).toHaveValue("");
  await expect(page.getByRole("region", { name: /Territoires/ }).getByRole("link", { name, exact: true })).toBeVisible();
});

test("the picker finds a commune or a département by its code, and says when nothing matches", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin");
  const form = page.getByRole("form", { name: "Créer un territoire" });
  const picker = form.getByRole("combobox", { name: "Lieu dans le référentiel officiel" });
  const options = form.getByRole("listbox", { name: "Lieu dans le référentiel officiel" }).getByRole("option");
  await picker.fill("26281");
  await expect(options).toHaveText(["Romans-sur-Isère (commune, INSEE 26281, 26)"]);
  await picker.fill("971");
  await expect(options.first()).toHaveText("Guadeloupe (département 971)");
  await picker.fill("zzqxw");
  await expect(options).toHaveText(["Aucun résultat."]);
  await picker.press("Escape");
  await expect(picker).toHaveValue("");
});

test("an admin invites an ARS officer for one département of a region", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin/membres");
  const invitation = page.getByRole("region", { name: "Inviter une personne" });
  const email = `delegation.${unique()}@exemple.test`;
  await invitation.getByLabel("Adresse e-mail").fill(email);
  await invitation.getByLabel("Rôle").selectOption({ label: "Agence régionale de santé" });
  await invitation.getByLabel("Région").selectOption({ label: "Bourgogne-Franche-Comté" });
  const delegation = invitation.getByRole("group", { name: "Délégation départementale (facultatif)" });
  await expect(delegation.getByRole("checkbox")).toHaveCount(8);
  await delegation.getByRole("checkbox", { name: "Côte-d'Or (21)" }).check();
  await expectNoAxeViolations(page);
  await invitation.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(invitation.getByRole("status")).toHaveText(`Invitation envoyée à ${email}.`);
  await expect(
    page
      .getByRole("region", { name: /Invitations en attente/ })
      .getByText(`Région Bourgogne-Franche-Comté · Côte-d'Or`)
      .first(),
  ).toBeVisible();
});

test("a délégation départementale enters its département's territory only", async ({ page }) => {
  await signInAs(page, "ars-cote-d-or@bourgogne-franche-comte.test");
  await page.goto("/espace");
  const territories = page.getByRole("list").filter({ has: page.getByRole("link", { name: "Territoire de démonstration" }) });
  await expect(territories.getByRole("link")).toHaveText(["Territoire de démonstration"]);
  await expectNoAxeViolations(page);
  const response = await page.goto("/espace/creusot-montceau");
  expect(response?.status()).toBe(404);
});

test("a national reader enters every region's territories and is offered no change", async ({ page }) => {
  await signInAs(page, "lecteur-national@opencls.test");
  await page.goto("/espace");
  await expect(page.getByText("Vos rôles\u00a0: Lecture nationale (ministère, agence nationale).")).toBeVisible();
  for (const name of ["Romans-sur-Isère", "Lens-Liévin", "Pays du Ruffécois"])
    await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/espace/romans-sur-isere");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Romans-sur-Isère");
  await expect(page.getByRole("link", { name: /Nouveau contrat/ })).toHaveCount(0);
});

test("an admin places an existing territory in the reference anew, from the version they loaded", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin");
  const created = page.getByRole("form", { name: "Créer un territoire" });
  const name = `Pays de Romans ${unique()}`;
  await created.getByLabel("Nom", { exact: true }).fill(name);
  await created.getByLabel("Type").selectOption({ label: "Pays" });
  await created.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
  await created.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(created.getByRole("status")).toContainText(`Le territoire ${name} est créé.`);

  await page.getByRole("link", { name: `Modifier ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectNoAxeViolations(page);
  const form = page.getByRole("form", { name: "Modifier le territoire" });
  const picker = form.getByRole("combobox", { name: "Lieu dans le référentiel officiel" });
  await expect(picker).toHaveValue("");
  await picker.fill("drome");
  await expect(form.getByRole("option", { name: "Drôme (département 26)" })).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  // A département holds a pays: the kind and the name the admin gave stay.
  await expect(form.getByLabel("Type")).toHaveValue("pays");
  await form.getByLabel("Nom", { exact: true }).fill(name);
  await form.getByRole("button", { name: "Enregistrer le territoire" }).click();
  await expect(form.getByRole("status")).toContainText(`Le territoire ${name} est enregistré.`);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Lieu dans le référentiel officiel" })).toHaveValue("Drôme (département 26)");
  await expect(page.getByText("Codes officiels enregistrés\u00a0: Département 26.")).toBeVisible();
});

// Values the app must refuse, typed in the real browser: a day that does not exist, a year out
// of range, a 20-digit amount; and an upload the server refuses before the action runs. Each is
// named in French at its field, and everything else typed stays in the form.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { openContract } from "./workspace";

/** Types into a date input segment by segment, as a person does (fill() only takes valid dates). */
async function typeDate(page: Page, label: string, digits: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(digits);
}

/** Chromium orders a date input's segments by its own UI language, not the page's locale: find out which. */
async function dateOrder(page: Page): Promise<"day first" | "month first"> {
  const probe = await page.context().newPage();
  await probe.setContent('<input type="date" aria-label="sonde">');
  await probe.getByLabel("sonde").focus();
  await probe.keyboard.type("13012000");
  const value = await probe.getByLabel("sonde").inputValue();
  await probe.close();
  return value === "2000-01-13" ? "day first" : "month first";
}

test("an impossible date, a year out of range and a 20-digit amount are named at their fields, and nothing typed is lost", async ({
  page,
}) => {
  await signInAs(page, "coordination@rosny-sous-bois.test");
  await openContract(page, "rosny-sous-bois");
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();

  await page.getByLabel("Intitulé", { exact: true }).fill("Prévenir les chutes des aînés");
  await page.getByLabel("Description et mise en œuvre").fill("Ateliers d’équilibre\ndans chaque quartier");
  await page.getByLabel("Contact pilote", { exact: true }).fill("Camille Martin");
  // 31 February 2026, which the browser cannot turn into a value.
  await typeDate(page, "Début", (await dateOrder(page)) === "day first" ? "31022026" : "02312026");
  // 1 January 10000, which it can.
  await typeDate(page, "Fin", "010110000");
  await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
  await page.getByLabel("Ou son nom").fill("Commune");
  await page.getByLabel("Année").first().fill("2026");
  await page.getByLabel("Montant (€)").fill("12345678901234567890");
  await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
  await page.getByLabel("Ou son nom").nth(1).fill("Département");
  await page.getByLabel("Montant (€)").nth(1).fill("12 345 678 901,23");
  await page.getByRole("button", { name: "Créer la fiche" }).click();

  await expect(page.getByLabel("Début", { exact: true })).toHaveAccessibleDescription(
    "Date invalide ou incomplète\u00a0: vérifiez le jour, le mois et l’année.",
  );
  await expect(page.getByLabel("Fin", { exact: true })).toHaveAccessibleDescription(
    "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200.",
  );
  await expect(page.getByLabel("Montant (€)").first()).toHaveAccessibleDescription(
    /Montant trop élevé\s: 999\s999\s999\s999,99\s€ au plus\./,
  );
  await expect(page.getByLabel("Montant (€)").nth(1)).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Le formulaire contient des erreurs/);
  // No page change, no save: the fiche form is still there with everything typed.
  await expect(page).toHaveURL(/\/fiches\/nouvelle$/);
  await expect(page.getByLabel("Intitulé", { exact: true })).toHaveValue("Prévenir les chutes des aînés");
  await expect(page.getByLabel("Description et mise en œuvre")).toHaveValue("Ateliers d’équilibre\ndans chaque quartier");
  await expect(page.getByLabel("Contact pilote", { exact: true })).toHaveValue("Camille Martin");
  await expect(page.getByLabel("Fin", { exact: true })).toHaveValue("10000-01-01");
  // The browser keeps showing the impossible date it could not read.
  expect(await page.getByLabel("Début", { exact: true }).evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true);
  await expect(page.getByLabel("Ou son nom").first()).toHaveValue("Commune");
  await expect(page.getByLabel("Année").first()).toHaveValue("2026");
  await expect(page.getByLabel("Montant (€)").first()).toHaveValue("12345678901234567890");
  await expect(page.getByLabel("Montant (€)").nth(1)).toHaveValue("12 345 678 901,23");
  await expectNoAxeViolations(page);
});

test("an upload the server refuses for its size gets a French message at the file field, not the framework's error", async ({ page }) => {
  await signInAs(page, "coordination@rosny-sous-bois.test");
  await openContract(page, "rosny-sous-bois");
  await page.getByRole("link", { name: "Importer des fiches" }).click();
  // The browser refuses files over 5 MB before sending them; a request over the server's body
  // limit (21 MB: documents' files, of up to 20 MB, travel to server actions too) can still
  // arrive (an old page, a modified client). Pad the real request past it on its way, so that
  // the real server refuses it.
  await page.route(/\/import$/, async (route) => {
    const request = route.request();
    const boundary = /boundary=(.+)$/.exec(request.headers()["content-type"] ?? "")?.[1];
    if (request.method() !== "POST" || !boundary) return route.continue();
    const body = request.postDataBuffer()!;
    const end = body.lastIndexOf(`--${boundary}--`);
    const padding = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="padding"\r\n\r\n`),
      Buffer.alloc(22 * 1024 * 1024, "a"),
      Buffer.from("\r\n"),
    ]);
    return route.continue({ postData: Buffer.concat([body.subarray(0, end), padding, body.subarray(end)]) });
  });
  const file = page.getByLabel("Fichier .xlsx ou .csv");
  await file.setInputFiles({ name: "fiches.csv", mimeType: "text/csv", buffer: Buffer.from("Numéro;Axe;Intitulé\n1;1;Fiche\n", "utf8") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(file).toHaveAccessibleDescription(/Le serveur a refusé ce fichier, sans doute trop volumineux\s: 5\sMo au plus\./);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/L’envoi n’a pas abouti/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des fiches actions");
  // The chosen file is still there, to try again.
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("fiches.csv");
  await expectNoAxeViolations(page);
});

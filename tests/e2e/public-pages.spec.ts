import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";

test.describe("public home", () => {
  test("lists the five real territories and the fictional one, and leads to their contract", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("OpenCLS · Contrats locaux de santé");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair");
    await expect(page.getByText("6 territoires dans 5 régions, 6 contrats publiés.")).toBeVisible();
    for (const name of [
      "Romans-sur-Isère",
      "Rosny-sous-Bois",
      "Communauté urbaine Creusot Montceau",
      "Pays du Ruffécois",
      "Communauté d’Agglomération de Lens-Liévin",
      "Territoire de démonstration",
    ]) {
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await page.getByRole("link", { name: "Rosny-sous-Bois" }).click();
    await expect(page).toHaveURL(/\/territoires\/rosny-sous-bois$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rosny-sous-Bois");
  });
});

test.describe("territory page", () => {
  test("shows Romans-sur-Isère's contract with its axes and numbered fiches", async ({ page }) => {
    await page.goto("/territoires/romans-sur-isere");
    await expect(page).toHaveTitle("Contrat local de santé – Romans-sur-Isère · OpenCLS");
    await expect(page.getByRole("heading", { level: 2, name: "Contrat local de santé de la Ville de Romans-sur-Isère" })).toBeVisible();
    const contract = page.getByRole("region", { name: "Contrat local de santé de la Ville de Romans-sur-Isère" });
    await expect(contract.getByText("Signé", { exact: true })).toBeVisible();
    await expect(contract.getByRole("definition").filter({ hasText: "5 ans" })).toBeVisible();

    const axis5 = page.getByRole("list", { name: "Fiches actions de l’axe 5" });
    await expect(axis5.getByRole("listitem")).toHaveText([
      /Fiche n°\s7Renforcer et développer des actions de prévention autour de l’alimentation/,
      /Fiche n°\s8Promouvoir la santé sexuelle et affective/,
      /Fiche n°\s9Renforcer et développer des actions de prévention des addictions/,
      /Fiche n°\s10Promouvoir un environnement et un cadre de vie favorables à la santé/,
    ]);
    await expect(page.getByRole("list", { name: "Signataires" }).getByRole("listitem")).toHaveCount(10);
    await expect(page.getByText("Réalisé par : Observatoire régional de la santé, 2020")).toBeVisible();
    // Its source states no progress. What the list and the roll-up then show depends on the fiches other
    // tests publish on this territory: the fictional territory's test reads them.
  });

  test("leads from a fiche of the list to its own public page, and back to the territory", async ({ page }) => {
    await page.goto("/territoires/territoire-de-demonstration");
    const first = page
      .getByRole("list", { name: /^Fiches actions de l’axe/ })
      .first()
      .getByRole("link")
      .first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page).toHaveURL(/\/territoires\/territoire-de-demonstration\/cls-1\/fiches\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("region", { name: "La fiche en bref" })).toContainText("Version publiée le");
    await expect(page.getByRole("region", { name: "Objectifs opérationnels" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Territoire de démonstration" }).click();
    await expect(page).toHaveURL(/\/territoires\/territoire-de-demonstration$/);
  });

  test("answers not found for a fiche number the contract has not published", async ({ page }) => {
    const response = await page.goto("/territoires/romans-sur-isere/cls-1/fiches/999");
    expect(response?.status()).toBe(404);
  });

  test("marks transversal axes and shows the signature date", async ({ page }) => {
    await page.goto("/territoires/lens-lievin");
    await expect(page.getByRole("heading", { level: 3, name: /Axe transversal/ })).toHaveCount(2);
    await expect(page.getByRole("heading", { level: 3, name: "Axe 3 : Promouvoir la santé des enfants et des jeunes" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "25 septembre 2019" })).toBeVisible();
    await expect(page.getByText("Charte · janvier 2019")).toBeVisible();
  });

  test("shows the diagnosis findings and the working-group meetings", async ({ page }) => {
    await page.goto("/territoires/pays-ruffecois");
    await expect(page.getByRole("list", { name: "Constats du diagnostic" }).getByRole("listitem")).toHaveCount(7);
    await expect(page.getByRole("list", { name: "Réunions du groupe Mieux vieillir" }).getByRole("listitem")).toContainText([
      "1er octobre 2014",
      "14 octobre 2014",
    ]);
    await expect(page.getByText("14 octobre 2015 (Nutrition) · compte-rendu")).toBeVisible();
    await expect(page.getByText("Contrat local de santé du PETR du Pays du Ruffécois (PDF, 13,5 Mo)")).toBeVisible();
  });

  test("says how many fiches a contract announces when they are not detailed", async ({ page }) => {
    await page.goto("/territoires/rosny-sous-bois");
    await expect(
      page.getByText("Le contrat compte 31 fiches actions ; leur détail n’est pas encore publié sur la plateforme."),
    ).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "26 septembre 2019" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "28 octobre 2019" })).toBeVisible();
    await expect(page.getByText("Les signataires ne sont pas renseignés.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Partenaires" }).getByRole("listitem")).toHaveCount(8);
  });

  test("says on the fictional territory's page that its contract is fictional", async ({ page }) => {
    await page.goto("/territoires/territoire-de-demonstration");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoire de démonstration");
    await expect(page.getByText(/^Contrat fictif, créé pour la démonstration d’OpenCLS/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Fiches actions de l’axe 3" }).getByRole("listitem")).toHaveText([
      /Fiche n°\s5Repérer et orienter les personnes en souffrance psychique/,
    ]);
  });

  for (const width of [375, 1440]) {
    test(`tells where the fictional contract stands: status and dates, progress, last evaluation, meetings and documents as links, at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/territoires/territoire-de-demonstration");
      const contract = page.getByRole("region", { name: "Contrat local de santé du Territoire de démonstration (fictif)" });
      // The contract ends six months after the data is loaded: it runs until then.
      await expect(contract.getByText("Évaluation finale", { exact: true })).toBeVisible();
      await expect(contract.getByText(/^Jusqu’au \d{1,2}(er)?\s\S+\s\d{4}$/)).toBeVisible();
      for (const label of ["Signature", "Début", "Fin"])
        await expect(contract.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
      await expect(contract.getByRole("definition").locator("time")).toHaveCount(4);

      // The progress of the published fiches, in brief and in the « Avancement » section.
      await expect(contract.getByRole("link", { name: /^\d+\s%$/ })).toHaveAttribute("href", "#avancement-titre");
      const progress = page.getByRole("region", { name: "Avancement", exact: true });
      await expect(progress.getByText("D’après les 5 fiches actions publiées, dans leur version publiée.")).toBeVisible();
      const statuses = progress.getByRole("region", { name: "Fiches actions par statut" });
      await expect(statuses.getByText(/^5\sfiches actions\s: /)).toBeVisible();
      await statuses.getByText("Voir les données").click();
      // A row per axis.
      await expect(statuses.getByRole("table", { name: "Fiches actions par statut et par axe" }).getByRole("row")).toHaveCount(4);
      await expect(page.getByRole("list", { name: "Fiches actions de l’axe 3" }).getByRole("listitem")).toContainText(/En cours\s*\d+\s%/);

      // The last evaluation in brief, leading to its section.
      const evaluation = contract.getByRole("link", { name: /^Évaluation à mi-parcours, close le / });
      await evaluation.click();
      await expect(page).toHaveURL(/#evaluation-titre$/);
      await expect(page.getByRole("heading", { level: 2, name: "Évaluation à mi-parcours" })).toBeInViewport();

      // Steering meetings, latest first, with the COPIL minutes as links; documents as links.
      const meetings = page.getByRole("list", { name: "Réunions des instances du contrat" }).getByRole("listitem");
      await expect(meetings).toHaveCount(11);
      await expect(meetings.first()).toContainText("Plénière · Forum santé des habitants");
      const installation = meetings.filter({ hasText: "COPIL · Installation du comité de pilotage" });
      await expect(installation.getByRole("link", { name: /compte-rendu/ })).toHaveAttribute(
        "href",
        "https://www.territoire-de-demonstration.test/sante/cls/comptes-rendus/copil-installation.pdf",
      );
      const documents = page.getByRole("region", { name: "Étapes et documents" });
      await expect(documents.getByRole("link", { name: "Contrat local de santé signé (fictif)" })).toHaveAttribute(
        "href",
        "https://www.territoire-de-demonstration.test/sante/cls/contrat-local-de-sante.pdf",
      );
      await expect(documents.getByRole("link")).toHaveCount(3);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test("a real contract without an end date says when it was signed, and its documents without an address are no links", async ({
    page,
  }) => {
    await page.goto("/territoires/lens-lievin");
    const contract = page.getByRole("region", { name: /^Contrat local de santé de la Communauté d’Agglomération de Lens-Liévin$/ });
    await expect(contract.getByText("Signé le 25 septembre 2019, échéance non renseignée")).toBeVisible();
    await expect(page.getByRole("region", { name: "Étapes et documents" }).getByRole("link")).toHaveCount(0);
  });

  for (const width of [375, 1440]) {
    test(`a fiche's page shows its status, progress, schedule and a chart with its table for each measured indicator, at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/territoires/territoire-de-demonstration/cls-1/fiches/1");
      const brief = page.getByRole("region", { name: "La fiche en bref" });
      await expect(brief.getByText("En cours", { exact: true })).toBeVisible();
      await expect(brief.getByText(/^Avancement\s*\d+\s%$/)).toBeVisible();
      const schedule = page.getByRole("region", { name: "Calendrier" });
      await expect(schedule.getByRole("table", { name: "Étapes de la fiche n° 1" }).getByRole("row")).toHaveCount(4);
      await expect(schedule.getByRole("row", { name: /Convention d’accueil des internes signée/ })).toContainText(/Faite le/);

      const indicators = page.getByRole("region", { name: "Indicateurs", exact: true });
      const chart = indicators.getByRole("region", { name: "Trajectoire de l’indicateur « Internes accueillis en stage » (Fiche n° 1)" });
      await expect(chart.getByText(/^Internes accueillis en stage\s: départ 0\sinternes le /)).toBeVisible();
      // The chart is drawn (its legend), hidden from assistive technologies: the summary and the table say what it shows.
      await expect(chart.getByText("Trajectoire (départ → cible)")).toBeVisible();
      await chart.getByText("Voir les données").click();
      // Baseline, twelve measurements, target.
      await expect(chart.getByRole("table", { name: "Trajectoire de « Internes accueillis en stage »" }).getByRole("row")).toHaveCount(15);
      await expect(
        indicators.getByRole("region", { name: /^Trajectoire de l’indicateur « Médecins généralistes installés/ }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test("answers an unknown territory with a French 404 page", async ({ page }) => {
    const response = await page.goto("/territoires/atlantide");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page).toHaveTitle("Page introuvable · OpenCLS");
    await page.getByRole("link", { name: "Revenir à la liste des territoires" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test("the health probe reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("pages are served with protective headers", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(response.headers()["x-powered-by"]).toBeUndefined();
});

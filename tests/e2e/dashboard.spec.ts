// A coordinator opens the dashboard of the demonstration contract (fictional data: fiches,
// indicators with measurements, partners' commitments): each chart is summed up in a sentence,
// its data is a table one click away, an indicator that cannot be judged says why, and another
// indicator's trajectory is one link away. It only reads.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";

const COORDINATOR = "coordination@territoire-de-demonstration.test";
const CONTRACT = "Contrat local de santé du Territoire de démonstration (fictif)";

test("a coordinator reads the contract's dashboard: summaries, data tables, indicators judged or told why not", async ({ page }) => {
  await signInAs(page, COORDINATOR);
  await page.goto("/espace/territoire-de-demonstration");
  await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link", { name: CONTRACT, exact: true }).click();
  await page.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
  await expect(page).toHaveTitle(/^Tableau de bord · /);

  const achievement = page.getByRole("region", { name: "Avancement par axe" });
  await expect(
    achievement.getByText(
      /^(\d axes? sur 3 dépassen?t?|Aucun axe ne dépasse encore)\s50\s%\sd’avancement\s;\sl’axe\s\d est le plus avancé \(\d+\s%\)\.$/,
    ),
  ).toBeVisible();
  await achievement.getByText("Voir les données").click();
  const table = achievement.getByRole("table", { name: "Avancement par axe" });
  await expect(table.getByRole("rowheader", { name: "Axe 1" })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(4);

  await expect(page.getByRole("region", { name: "Fiches actions par statut" }).getByText(/^\d+\sfiches actions\s:\s/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Engagements tenus par partenaire" }).getByText(/engagements de \d+\spartenaires\s:\s/),
  ).toBeVisible();

  // Every indicator against its target; one with measurements but no baseline says why it waits.
  const indicators = page.getByRole("table", { name: "Chaque indicateur face à sa cible" });
  const participants = indicators.getByRole("row", { name: /Participants aux séances d’activité physique adaptée/ });
  await expect(participants).toContainText("Pas encore mesurable");
  await expect(participants).toContainText("sans valeur de départ, il sera jugé à sa date cible");
  await participants.getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Trajectoire de l’indicateur « Participants aux séances/ })).toBeVisible();
  await expect(
    page.getByRole("region", { name: /^Trajectoire de l’indicateur/ }).getByText(/dernière mesure 95\sparticipants/),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

// Reminders as a pilot meets them: the morning run posts what fell due on their fiche to the
// notification centre and e-mails it; they open it, mark it read, and stop the e-mail in one
// click from the message's List-Unsubscribe link (RFC 8058: a POST without Origin), then change
// their mind in their preferences.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createPilotedFiche, runDailyReminders } from "../support/e2e-accounts";
import { openMailboxAsAdmin, waitForMessageTo } from "./mailbox";
import { signInAs } from "./sign-in";
import { unique } from "./workspace";

const TERRITORY = "romans-sur-isere";

test("a pilot finds what fell due in the notification centre and in the morning e-mail, and stops that e-mail in one click", async ({
  page,
  browser,
  request,
}) => {
  const suffix = unique();
  const pilot = await createAccount("contributor", TERRITORY, `Pilote ${suffix}`);
  const title = `Vaccination ${suffix}`;
  const ficheId = await createPilotedFiche(TERRITORY, pilot.email, title);
  await runDailyReminders();

  // The e-mail lists both items and carries the one-click headers.
  const mailbox = await openMailboxAsAdmin(browser);
  const message = await waitForMessageTo(mailbox, pilot.email);
  await expect(message.getByRole("heading")).toHaveText(/^OpenCLS\s: 2\snouvelles notifications$/);
  await expect(message).toContainText(`Ateliers tenus (${title})`);
  await expect(message).toContainText(`Convention signée (${title})`);
  await expect(message.getByRole("definition").filter({ hasText: "List-Unsubscribe=One-Click" })).toBeVisible();
  const unsubscribeUrl = new URL(
    (await message
      .getByRole("link", { name: /\/desabonnement\// })
      .first()
      .getAttribute("href"))!,
  );
  await mailbox.context().close();

  // The centre: two unread notices, the header counts them; marking one read counts down.
  await signInAs(page, pilot.email);
  const navigation = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(navigation.getByRole("link", { name: "Notifications 2 non lues" })).toBeVisible();
  await navigation.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^2\snotifications, dont 2\snon lues$/);
  await expectNoAxeViolations(page);
  const measurement = page.getByRole("listitem").filter({ hasText: `Ateliers tenus (${title})` });
  await measurement.getByRole("button", { name: `Marquer comme lue\u00a0: Ateliers tenus (${title})` }).click();
  await expect(measurement.getByText("Non lue")).toHaveCount(0);
  await expect(navigation.getByRole("link", { name: "Notifications 1 non lue" })).toBeVisible();
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(navigation.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await measurement.getByRole("link", { name: `Ateliers tenus (${title})` }).click();
  await expect(page).toHaveURL(new RegExp(`/fiches/${ficheId}/indicateurs$`));

  // A mail client's one-click POST: no Origin, the token alone, answered 200.
  const answer = await request.post(unsubscribeUrl.pathname, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toBe("Désabonnement enregistré.");
  await page.goto("/notifications/preferences");
  await expectNoAxeViolations(page);
  const daily = page.getByRole("checkbox", { name: "Le récapitulatif quotidien des notifications" });
  await expect(daily).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "La synthèse hebdomadaire" })).toBeChecked();

  // They change their mind; then the link, opened in a browser, asks before stopping it again.
  await daily.check();
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByRole("status")).toHaveText("Vos préférences sont enregistrées.");
  await page.goto(unsubscribeUrl.pathname);
  await expect(page).toHaveURL(/\/confirmation$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer le désabonnement" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /^C’est fait\s: ce compte ne reçoit plus le récapitulatif quotidien des notifications\./,
  );
  await page.goto("/notifications/preferences");
  await expect(daily).not.toBeChecked();
});

test("an unsubscribe link that was tampered with stops nothing", async ({ request }) => {
  const forged = `/desabonnement/00000000-0000-4000-8000-000000000000.daily.${"A".repeat(43)}`;
  expect((await request.post(forged, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
  expect((await request.get(`${forged}/confirmation`)).status()).toBe(404);
  // Anything but RFC 8058's exact body, without Origin, is a cross-site request.
  expect((await request.post(forged, { form: { "List-Unsubscribe": "One-Click", other: "1" } })).status()).toBe(403);
});

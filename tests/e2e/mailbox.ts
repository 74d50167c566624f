// The development mailbox (/dev/boite-mail), read by a platform admin in a browser context of
// their own: where the e-mails a test provoked (sign-in links, invitations) arrive.
import { expect, type Browser, type Page } from "./fixtures";
import { signInAs } from "./sign-in";

/** The mailbox, as the platform admin sees it, in a browser context of their own. */
export async function openMailboxAsAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "admin@opencls.test");
  await page.goto("/dev/boite-mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte de développement");
  return page;
}

export const messagesTo = (mailbox: Page, email: string) =>
  mailbox.getByRole("article").filter({ has: mailbox.getByRole("definition").filter({ hasText: email }) });

/**
 * Mail leaves through the job queue, a moment after the request: reload the mailbox, filtered on
 * the address (other tests' mail would push it past the page), until it is there.
 */
export async function waitForMessageTo(mailbox: Page, email: string) {
  await mailbox.goto(`/dev/boite-mail?destinataire=${encodeURIComponent(email)}`);
  await expect(async () => {
    await mailbox.reload();
    await expect(messagesTo(mailbox, email).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return messagesTo(mailbox, email).first();
}

/** The path of the invitation link e-mailed to the address. */
export async function invitationLinkFor(browser: Browser, email: string): Promise<string> {
  const mailbox = await openMailboxAsAdmin(browser);
  const message = await waitForMessageTo(mailbox, email);
  const href = await message.getByRole("link", { name: /\/invitation\// }).getAttribute("href");
  await mailbox.context().close();
  return new URL(href!).pathname;
}

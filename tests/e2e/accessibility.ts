import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with the list of axe-core violations (every rule axe runs by default, best practices included). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Next.js streams a page's metadata after its body: after a client-side navigation the new
  // <title> lands a moment after the content the test waited for. Every page must get one.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

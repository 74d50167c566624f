import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails with the list of axe-core violations: every rule axe runs by default, best practices
 * included, plus the experimental `label-content-name-mismatch` (WCAG 2.5.3 Label in Name: a
 * control's accessible name contains its visible text, so that speech users can name it).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Next.js streams a page's metadata after its body: after a client-side navigation the new
  // <title> lands a moment after the content the test waited for. Every page must get one.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } }).analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id);
  expect(ran, "axe ran the experimental label-content-name-mismatch rule").toContain("label-content-name-mismatch");
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

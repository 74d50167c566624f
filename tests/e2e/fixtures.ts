// Playwright's `test` and `expect`, with one automatic fixture: every Content-Security-Policy
// violation Chromium reports in any page of the test (the default context and any context the
// test opens) fails the test. Specs import `test` and `expect` from here.
import { test as base, expect, type BrowserContext } from "@playwright/test";

export { expect };
export type { Browser, Page } from "@playwright/test";

export type CspViolation = { page: string; directive: string; blocked: string; source: string; sample: string };

export type CspViolations = {
  /** What was reported so far in this test. */
  readonly recorded: readonly CspViolation[];
  /** Takes the violations recorded so far, so that a test that provokes one on purpose still passes. */
  acknowledge(): CspViolation[];
};

const BINDING = "__openclsReportCspViolation";

// In every document, before its own scripts: the browser's violation events, sent to the test.
const LISTENER = `document.addEventListener("securitypolicyviolation", (event) => {
  window.${BINDING}?.({
    page: event.documentURI,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? event.sourceFile + ":" + event.lineNumber : "",
    sample: event.sample,
  });
});`;

type Collector = { recorded: CspViolation[]; watch(context: BrowserContext): Promise<void> };

// Fixture functions name Playwright's `use` callback `provide`: React's hooks lint rule reads `use` as a hook.
export const test = base.extend<{ cspViolations: CspViolations; cspCollector: Collector }>({
  cspCollector: [
    async ({ browser }, provide) => {
      const recorded: CspViolation[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watch = async (context: BrowserContext) => {
        if (watched.has(context)) return;
        watched.add(context);
        await context.exposeBinding(BINDING, (_source, violation: CspViolation) => void recorded.push(violation));
        await context.addInitScript(LISTENER);
        // Chromium also logs each violation to the console, in case a listener missed it.
        context.on("console", (message) => {
          if (message.text().includes("Content Security Policy"))
            recorded.push({
              page: message.page()?.url() ?? "",
              directive: "console",
              blocked: "",
              source: message.location().url,
              sample: message.text(),
            });
        });
      };
      // Contexts the test opens itself (a second user, a signed-out visitor).
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        await watch(context);
        return context;
      };
      try {
        await provide({ recorded, watch });
      } finally {
        browser.newContext = newContext;
      }
      expect(recorded, "Content-Security-Policy violations reported by Chromium").toEqual([]);
    },
    { auto: true },
  ],
  // The default context may exist before newContext is patched: watched here, and given the
  // browser a moment to report what the test's last steps provoked before it closes.
  context: async ({ context, cspCollector }, provide) => {
    await cspCollector.watch(context);
    await provide(context);
    for (const page of context.pages()) await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))).catch(() => undefined);
  },
  cspViolations: async ({ cspCollector }, provide) => {
    await provide({
      get recorded() {
        return cspCollector.recorded;
      },
      acknowledge: () => cspCollector.recorded.splice(0),
    });
  },
});

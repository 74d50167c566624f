// End-to-end tests: the real app (`npm start`'s entry point, production build) on its own
// embedded PostgreSQL with the demo data, driven in Chromium.
//
// Tests run two at a time on that one database, in any order, and a run may repeat them
// (--repeat-each). So a test: creates what it changes, with a unique suffix in its titles and
// e-mails (tests/e2e/workspace.ts), or on a contract of its own; signs out, or removes the role
// of, an account of its own only (tests/support/e2e-accounts.ts): that ends every session of the
// account; asserts on what it created, never on counts or "the first item" other tests change;
// and waits for an action's visible outcome (a message, a row, a heading) before it navigates.
// Each test fits the 30 s timeout on 2 busy cores: a longer story is several tests.
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_DATA_DIR as dataDir, E2E_DATABASE_PORT, E2E_OIDC_PORT, E2E_PORT as port } from "./tests/support/e2e-server";

const baseURL = `http://localhost:${port}`;
// Debian's Chromium where Playwright's own browser cannot be downloaded; CHROMIUM_PATH overrides.
const executablePath = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// A real OpenID Connect provider standing in for ProConnect (tests/support/oidc-provider.mjs).
const oidc = { port: E2E_OIDC_PORT, clientId: "opencls-e2e", clientSecret: "opencls-e2e-secret" };
const oidcIssuer = `http://localhost:${oidc.port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  // An assertion waits for the app up to 10 s: on 2 busy cores an action that hashes a password
  // (creating an account from an invitation) can take longer than Playwright's default 5 s.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: `node -e "require('fs').rmSync(process.argv[1], { recursive: true, force: true })" ${dataDir} && tsx lib/cli/start.ts`,
      url: `${baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(port),
        OPENCLS_DATA_DIR: dataDir,
        OPENCLS_EMBEDDED_DB_PORT: String(E2E_DATABASE_PORT),
        OPENCLS_NEXT_DIST_DIR: ".next-e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        PROCONNECT_ISSUER: oidcIssuer,
        PROCONNECT_CLIENT_ID: oidc.clientId,
        PROCONNECT_CLIENT_SECRET: oidc.clientSecret,
      },
    },
    {
      command: "node tests/support/oidc-provider.mjs",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      env: {
        OIDC_PORT: String(oidc.port),
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_REDIRECT_URI: `${baseURL}/api/auth/callback/proconnect`,
      },
    },
  ],
});

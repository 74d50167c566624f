// Where the end-to-end suite's servers listen (playwright.config.ts starts them): the app on
// E2E_PORT, the test OpenID provider on the next port, the app's embedded PostgreSQL 20,000 above.
import os from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_OIDC_PORT = E2E_PORT + 1;
export const E2E_DATABASE_PORT = E2E_PORT + 20_000;
export const E2E_DATA_DIR = path.join(os.tmpdir(), `opencls-e2e-${E2E_PORT}`);

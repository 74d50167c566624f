// How large a document's file may be: OPENCLS_DOCUMENT_MAX_MB megabytes (20 by default, 1 to
// 100). next.config.mjs reads the same variable to let requests that large reach the server
// actions; the server checks every file against it.
import { StartupError } from "@/lib/config/startup-error";
import { DEFAULT_DOCUMENT_MAX_MB } from "./schema";

export const DOCUMENT_MAX_MB_LIMIT = 100;

/** The limit in megabytes (Mo: 1,048,576 bytes); a StartupError for a value that is not a whole number from 1 to 100. */
export function documentMaxMegabytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.OPENCLS_DOCUMENT_MAX_MB?.trim();
  if (!value) return DEFAULT_DOCUMENT_MAX_MB;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > DOCUMENT_MAX_MB_LIMIT)
    throw new StartupError(
      `OPENCLS_DOCUMENT_MAX_MB must be a whole number of megabytes from 1 to ${DOCUMENT_MAX_MB_LIMIT}, got "${value}"`,
    );
  return parsed;
}

export const documentMaxBytes = (env: NodeJS.ProcessEnv = process.env) => documentMaxMegabytes(env) * 1024 * 1024;

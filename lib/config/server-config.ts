// Every environment variable OpenCLS reads, in one place (documented in README.md).
import path from "node:path";
import { documentMaxMegabytes, s3StorageConfig } from "@/lib/documents/config";
import { allowedOrigins, trustedProxyCount } from "@/lib/http/config";
import { StartupError } from "./startup-error";

export type ServerConfig = {
  port: number;
  /** External PostgreSQL; when absent an embedded server is started. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database (git-ignored). */
  dataDir: string;
  embeddedDatabasePort: number;
};

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // Read on every request by proxy.ts: a bad value must stop the start, not answer 500s later.
  trustedProxyCount(env);
  allowedOrigins({ ...env, NEXTAUTH_URL: env.NEXTAUTH_URL ?? "http://localhost" });
  // Read by each upload; next.config.mjs sizes the request limit from it.
  documentMaxMegabytes(env);
  // Read by each upload and download: half a store's settings must not wait for the first file.
  s3StorageConfig(env);
  return {
    port: integer(env.PORT, 3000, "PORT"),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(env.OPENCLS_DATA_DIR ?? ".data"),
    embeddedDatabasePort: integer(env.OPENCLS_EMBEDDED_DB_PORT, 54329, "OPENCLS_EMBEDDED_DB_PORT"),
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535)
    throw new StartupError(`${name} must be a port number between 1 and 65535, got "${value}"`);
  return parsed;
}

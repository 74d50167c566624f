// Documents' settings, read from the environment and checked when the server starts.
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

// Where documents' files are kept: in PostgreSQL unless OPENCLS_S3_BUCKET and its companions
// name an S3-compatible bucket (AWS S3, Scaleway, OVHcloud, MinIO, Garage…). All of them or none:
// a half-configured store stops the start rather than losing files later.
export const S3_VARIABLES = {
  bucket: "OPENCLS_S3_BUCKET",
  region: "OPENCLS_S3_REGION",
  accessKeyId: "OPENCLS_S3_ACCESS_KEY_ID",
  secretAccessKey: "OPENCLS_S3_SECRET_ACCESS_KEY",
  endpoint: "OPENCLS_S3_ENDPOINT",
  forcePathStyle: "OPENCLS_S3_FORCE_PATH_STYLE",
} as const;
const REQUIRED_S3_VARIABLES = [S3_VARIABLES.bucket, S3_VARIABLES.region, S3_VARIABLES.accessKeyId, S3_VARIABLES.secretAccessKey];

export type S3StorageConfig = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Another provider's address; AWS S3's when absent. */
  endpoint: string | undefined;
  /** Buckets addressed as <endpoint>/<bucket> rather than <bucket>.<endpoint>: true by default with an endpoint (MinIO, Garage). */
  forcePathStyle: boolean;
};

const list = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/** The S3-compatible bucket files go to, or null for PostgreSQL; a StartupError for a partial or invalid configuration. */
export function s3StorageConfig(env: Record<string, string | undefined> = process.env): S3StorageConfig | null {
  const value = (name: string) => env[name]?.trim() || undefined;
  const set = Object.values(S3_VARIABLES).filter((name) => value(name));
  if (!set.length) return null;
  const missing = REQUIRED_S3_VARIABLES.filter((name) => !value(name));
  if (missing.length)
    throw new StartupError(
      `S3-compatible storage needs ${list(REQUIRED_S3_VARIABLES)} together: ${list(missing)} ${missing.length === 1 ? "is" : "are"} missing (${list(set)} ${set.length === 1 ? "is" : "are"} set). Set none of them to keep files in PostgreSQL.`,
    );
  const bucket = value(S3_VARIABLES.bucket)!;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new StartupError(
      `${S3_VARIABLES.bucket} must be a bucket name (3 to 63 lowercase letters, digits, dots and hyphens), got "${bucket}"`,
    );
  const region = value(S3_VARIABLES.region)!;
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(region))
    throw new StartupError(`${S3_VARIABLES.region} must be a region name such as eu-west-3 or fr-par, got "${region}"`);
  const endpoint = value(S3_VARIABLES.endpoint);
  if (endpoint !== undefined && !/^https?:$/.test(URL.parse(endpoint)?.protocol ?? ""))
    throw new StartupError(
      `${S3_VARIABLES.endpoint} must be an http:// or https:// address such as https://s3.fr-par.scw.cloud, got "${endpoint}"`,
    );
  const pathStyle = value(S3_VARIABLES.forcePathStyle)?.toLowerCase();
  if (pathStyle !== undefined && !["true", "false"].includes(pathStyle))
    throw new StartupError(`${S3_VARIABLES.forcePathStyle} must be true or false, got "${value(S3_VARIABLES.forcePathStyle)}"`);
  return {
    bucket,
    region,
    accessKeyId: value(S3_VARIABLES.accessKeyId)!,
    secretAccessKey: value(S3_VARIABLES.secretAccessKey)!,
    endpoint,
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === "true",
  };
}

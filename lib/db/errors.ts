// Recognising database errors that are the user's to fix (a duplicate value), not ours, and
// those that mean the database cannot answer right now (down, stalled, overloaded).
// No Node import here: the error pages (client components) read DATABASE_UNAVAILABLE_DIGEST.

type DriverMeta = { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } };

/**
 * For a unique-constraint violation, the constraint's name or columns as one string (e.g.
 * "Region_inseeCode_key"), so that callers can tell which field was duplicated; null for any
 * other error.
 */
export function uniqueViolationTarget(error: unknown): string | null {
  if (typeof error !== "object" || error === null || (error as { code?: string }).code !== "P2002") return null;
  const meta = (error as { meta?: DriverMeta }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  return [constraint?.index, ...(constraint?.fields ?? []), ...(Array.isArray(meta?.target) ? meta.target : [])].filter(Boolean).join(" ");
}

/**
 * Set as the `digest` of errors meaning "database unavailable". Next.js keeps an error's own
 * digest and sends it to the browser (the message is withheld in production), so the error
 * pages can tell an outage from a bug.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "OPENCLS_DATABASE_UNAVAILABLE";

// Failures where the server did not answer at all. Prisma: cannot reach (P1001), timed out
// (P1002, P1008), connection closed (P1017), pool timeout (P2024), transaction not started or
// expired in time (P2028); @prisma/adapter-pg's kinds; Node's socket errors.
const NO_ANSWER_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const NO_ANSWER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// node-postgres and pg-pool throw these without a code.
const NO_ANSWER_MESSAGES = [
  "timeout expired",
  "Query read timeout",
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client was closed and is not queryable",
  "Client has encountered a connection error and is not queryable",
];
// Failures the server answered with: SQLSTATE statement timeout or cancel (57014), shutting
// down or starting up (57P01-57P03), too many connections (53300; adapter kind
// TooManyConnections); class 08 is "connection exception".
const REFUSED_CODES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);

/** Thrown without querying while a known outage lasts (lib/db/availability.ts). */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor() {
    super("The database is unavailable (it did not answer a moment ago).");
    this.name = "DatabaseUnavailableError";
  }
}

type ErrorShape = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/**
 * Why the database could not serve `error`'s operation (from Prisma, the Prisma adapter or
 * node-postgres): "no-answer" (down, stalled, unreachable), "refused" (it answered that it
 * cannot serve now: overloaded, shutting down, statement too slow), or null for any other error.
 */
export function databaseFailure(error: unknown, depth = 0): "no-answer" | "refused" | null {
  if (typeof error !== "object" || error === null || depth > 5) return null;
  if (error instanceof DatabaseUnavailableError) return "no-answer";
  const { code, kind, message, cause, meta } = error as ErrorShape;
  if (typeof code === "string" && NO_ANSWER_CODES.has(code)) return "no-answer";
  if (typeof kind === "string" && NO_ANSWER_KINDS.has(kind)) return "no-answer";
  if (typeof message === "string" && NO_ANSWER_MESSAGES.some((text) => message.startsWith(text))) return "no-answer";
  if (typeof code === "string" && (REFUSED_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return "refused";
  if (kind === "TooManyConnections") return "refused";
  return databaseFailure(meta?.driverAdapterError, depth + 1) ?? databaseFailure(cause, depth + 1);
}

/** True when `error` means the database cannot serve now (the French "service temporairement indisponible"). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailure(error) !== null;
}

/** Marks an unavailable-database error with DATABASE_UNAVAILABLE_DIGEST; returns it unchanged otherwise. */
export function markDatabaseUnavailable<T>(error: T): T {
  if (isDatabaseUnavailable(error) && !(error as { digest?: unknown }).digest) {
    Object.defineProperty(error, "digest", { value: DATABASE_UNAVAILABLE_DIGEST, enumerable: false, configurable: true, writable: true });
  }
  return error;
}

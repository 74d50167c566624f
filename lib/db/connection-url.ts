// Helpers to show a PostgreSQL connection string without leaking its password, wherever the
// password sits: in the URL's user part, in a `password=` parameter, or in a keyword string.
import { StartupError } from "@/lib/config/startup-error";

const KEYWORD_PASSWORD = /(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)/gi;

export function maskPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "****";
    if (url.searchParams.has("password")) url.searchParams.set("password", "****");
    return url.toString();
  } catch {
    return connectionString.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:****@").replace(KEYWORD_PASSWORD, "$1****");
  }
}

function passwordsIn(connectionString: string): string[] {
  try {
    const url = new URL(connectionString);
    return [decodeURIComponent(url.password), url.password, url.searchParams.get("password") ?? ""].filter(Boolean);
  } catch {
    return [...connectionString.matchAll(KEYWORD_PASSWORD)].map((match) => match[2].replace(/^'|'$/g, ""));
  }
}

/** Removes every occurrence of the connection string's password from a message (drivers sometimes echo it). */
export function redactSecrets(message: string, connectionString: string): string {
  let redacted = message.split(connectionString).join(maskPassword(connectionString));
  for (const password of passwordsIn(connectionString)) redacted = redacted.split(password).join("****");
  return redacted;
}

/** Fails with one clear line when DATABASE_URL is not a URL node-postgres can read. */
export function assertConnectionUrl(connectionString: string): void {
  try {
    const url = new URL(connectionString);
    if (!["postgres:", "postgresql:"].includes(url.protocol)) throw new Error("protocol");
  } catch {
    throw new StartupError(
      `DATABASE_URL is not a valid postgresql:// URL (${maskPassword(connectionString)}); percent-encode special characters of the password, e.g. # as %23.`,
    );
  }
}

export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

// Helpers to show a PostgreSQL connection string without leaking its password.

export function maskPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "****";
    return url.toString();
  } catch {
    return connectionString.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:****@");
  }
}

/** Removes every occurrence of the URL's password from a message (drivers sometimes echo it). */
export function redactSecrets(message: string, connectionString: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(connectionString).password);
  } catch {
    /* not a URL: nothing to redact */
  }
  const masked = message.split(connectionString).join(maskPassword(connectionString));
  return password ? masked.split(password).join("****") : masked;
}

export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

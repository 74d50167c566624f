// The app's public address: NEXTAUTH_URL, which the operator sets and `npm start` defaults to
// http://localhost:$PORT. Links in e-mails, canonical URLs, robots.txt and the sitemap all point
// there, so that a crawler or a reader never sees the address the server happens to listen on.

/** Where the app is when NEXTAUTH_URL is not set (a process started without `npm start`). */
const FALLBACK_PUBLIC_URL = "http://localhost:3000";

/** The app's public base URL (NEXTAUTH_URL). */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): URL {
  return new URL(env.NEXTAUTH_URL?.trim() || FALLBACK_PUBLIC_URL);
}

/** An absolute URL of the app: its public address and `path` ("/territoires/lens-lievin"). */
export function publicUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return new URL(path, publicBaseUrl(env)).toString();
}

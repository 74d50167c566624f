// Links in e-mails are absolute: the app's public address (NEXTAUTH_URL) and a path.
export function appUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return new URL(path, env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

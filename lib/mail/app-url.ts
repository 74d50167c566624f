// Links in e-mails are absolute: the app's public address (NEXTAUTH_URL, lib/http/public-url.ts) and a path.
import { publicUrl } from "@/lib/http/public-url";

export function appUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return publicUrl(path, env);
}

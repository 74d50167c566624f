// The secret that signs session cookies. With the embedded database it is generated once and
// kept beside the data; with DATABASE_URL the operator must provide NEXTAUTH_SECRET.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { StartupError } from "@/lib/config/startup-error";

export async function resolveAuthSecret(options: {
  embedded: boolean;
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<string> {
  const given = (options.env ?? process.env).NEXTAUTH_SECRET?.trim();
  if (given) return given;
  if (!options.embedded) {
    throw new StartupError("NEXTAUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 32).");
  }
  const file = path.join(options.dataDir, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64");
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// `npm start` (build + production server) and `npm run dev` (hot reload): prepares the
// database, then runs the app server (lib/cli/serve.ts) with DATABASE_URL pointing at it, and
// stops the embedded PostgreSQL when it exits.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { readServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/db/prepare";
import { runCli } from "./run";

const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// The app server (Next.js behind our request layer, and the job worker), run with tsx.
const TSX = ["--import", "tsx"];
const SERVE = fileURLToPath(new URL("./serve.ts", import.meta.url));

runCli(async () => {
  const config = readServerConfig();
  // Checked before the database starts, so that a missing secret fails fast.
  const secret = config.databaseUrl ? await resolveAuthSecret({ embedded: false, dataDir: config.dataDir }) : undefined;
  const database = await prepareDatabase({ ...config, log: (line) => console.log(`opencls: ${line}`) });
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret ?? (await resolveAuthSecret({ embedded: true, dataDir: config.dataDir })),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${config.port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The zero-setup run is a development run: e-mails go to the development mailbox.
    ...(database.embedded || dev ? { OPENCLS_DEVELOPMENT_MODE: "1" } : {}),
  };

  let exitCode = 0;
  if (!dev) exitCode = await run([nextBin, "build"], env);
  if (exitCode === 0) {
    console.log(`opencls: serving on http://localhost:${config.port}`);
    exitCode = await run([...TSX, SERVE, ...(dev ? ["--dev"] : []), "--port", String(config.port)], { ...env, NODE_ENV: dev ? "development" : "production" });
  }
  await database.stop();
  process.exit(exitCode);
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

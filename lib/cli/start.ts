// `npm start` (build + production server) and `npm run dev` (hot reload): prepares the
// database, then runs the app server (lib/cli/serve.ts: Next.js behind our request layer, and
// the job worker) with DATABASE_URL pointing at it, and stops the embedded PostgreSQL when it
// exits or the command is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { readServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/db/prepare";
import { documentStorage } from "@/lib/documents/storage";
import { nationalConfig } from "@/lib/seed/national/database";
import { SERVER_NODE_FLAGS } from "@/lib/server/node-flags";
import { runCli } from "./run";

const dev = process.argv.includes("--dev");
// The synthetic national dataset (`npm run db:seed:national`) instead of the demo data.
const national = process.argv.includes("--national");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// The app server, run with tsx like this command.
const SERVE = [...SERVER_NODE_FLAGS, "--import", "tsx", fileURLToPath(new URL("./serve.ts", import.meta.url))];

// Ctrl-C, a supervisor's SIGTERM, a closed terminal: passed on to Next.js when it runs, and in
// any case followed by stopping the database. A second one exits at once (the embedded
// database is still asked to shut down, by lib/db/embedded.ts's exit handler).
let next: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(1);
    interrupted = signal;
    next?.kill(signal);
  });
}

runCli(async () => {
  const config = national ? nationalConfig(readServerConfig()) : readServerConfig();
  // Checked before the database starts, so that a missing secret or bucket fails fast.
  const secret = config.databaseUrl ? await resolveAuthSecret({ embedded: false, dataDir: config.dataDir }) : undefined;
  const storage = documentStorage();
  if (storage.name === "s3") await storage.check();
  const database = await prepareDatabase({
    ...config,
    ...(national ? { seedWhenEmpty: false } : {}),
    log: (line) => console.log(`opencls: ${line}`),
  });
  let exitCode = 0;
  try {
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret ?? (await resolveAuthSecret({ embedded: true, dataDir: config.dataDir })),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${config.port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The zero-setup run is a development run: e-mails go to the development mailbox.
      ...(database.embedded || dev ? { OPENCLS_DEVELOPMENT_MODE: "1" } : {}),
    };
    if (!dev && !interrupted) exitCode = await run([nextBin, "build"], env);
    if (exitCode === 0 && !interrupted) {
      console.log(`opencls: serving on http://localhost:${config.port}`);
      exitCode = await run([...SERVE, ...(dev ? ["--dev"] : []), "--port", String(config.port)], {
        ...env,
        NODE_ENV: dev ? "development" : "production",
      });
    }
  } finally {
    await database.stop();
  }
  process.exit(exitCode);
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    next = spawn(process.execPath, args, { stdio: "inherit", env });
    next.on("exit", (code, signal) => {
      next = undefined;
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

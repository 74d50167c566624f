// An app server of a test's own (the end-to-end suite's production build, through OpenCLS's own
// server), on a database the test chose: for specs that need several instances or data of
// their own.
import { spawn } from "node:child_process";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "../../lib/server/node-flags";
import { freePort } from "./ports";

export type AppInstance = { base: string; stop: () => Promise<void> };

export async function startAppInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<AppInstance> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, "--import", "tsx", path.resolve("lib/cli/serve.ts"), "--port", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: "test-instance-secret-shared-by-every-instance",
        NEXTAUTH_URL: base,
        OPENCLS_NEXT_DIST_DIR: ".next-e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: "ignore",
    },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the app instance exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the app instance did not answer within two minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

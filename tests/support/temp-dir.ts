import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A fresh folder the embedded PostgreSQL (run as the `postgres` user under root) can enter. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

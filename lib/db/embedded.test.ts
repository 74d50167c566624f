import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertReachableByPostgresUser } from "./embedded";

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

describe("folders the postgres user must enter", () => {
  it("names the first folder other users cannot enter", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "opencls-perm-"));
    await mkdir(path.join(root, "private", "data"), { recursive: true });
    await chmod(root, 0o755);
    await chmod(path.join(root, "private"), 0o700);
    expect(() => assertReachableByPostgresUser(path.join(root, "private", "data", "postgres"), "the data folder", "set OPENCLS_DATA_DIR")).toThrow(
      `cannot enter ${path.join(root, "private")} to reach the data folder; set OPENCLS_DATA_DIR, or set DATABASE_URL.`,
    );
  });

  it("accepts folders that others may enter", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "opencls-perm-"));
    await chmod(root, 0o755);
    expect(() => assertReachableByPostgresUser(path.join(root, "postgres"), "the data folder", "set OPENCLS_DATA_DIR")).not.toThrow();
  });
});

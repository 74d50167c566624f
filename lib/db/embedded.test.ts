import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { firstUnreachableFolder } from "./embedded-layout";

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

describe("folders the postgres user must enter", () => {
  it("names the first folder other users cannot enter", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "opencls-perm-"));
    await mkdir(path.join(root, "private", "inner", "data"), { recursive: true });
    await chmod(root, 0o755);
    await chmod(path.join(root, "private"), 0o700);
    await chmod(path.join(root, "private", "inner"), 0o700);
    expect(firstUnreachableFolder(path.join(root, "private", "inner", "data", "postgres"))).toBe(path.join(root, "private"));
  });

  it("accepts folders that others may enter", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "opencls-perm-"));
    await chmod(root, 0o755);
    expect(firstUnreachableFolder(path.join(root, "postgres"))).toBeNull();
  });
});

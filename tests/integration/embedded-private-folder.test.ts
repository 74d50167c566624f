// A checkout in a folder only its owner can enter (root's home, mode 700) must start: run as
// root, PostgreSQL runs as the `postgres` system user, which cannot reach the data folder or
// the binaries there, so they are kept in a folder it can reach, and the data stays there
// across restarts.
import { chmod, cp, lstat, mkdir, mkdtemp, readlink, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { packagedNativeDir } from "@/lib/db/embedded-layout";
import { prepareDatabase } from "@/lib/db/prepare";
import { freePort } from "../support/ports";
import { postmastersServing } from "../support/postgres-processes";
import { makeTempDir } from "../support/temp-dir";

const asRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true }))));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("a checkout in a private folder", () => {
  it("starts the embedded PostgreSQL, says where its data lives, and keeps the data across restarts", { timeout: 120_000 }, async () => {
    // Like /root/opencls: the checkout, its data folder and its node_modules under a 0700 folder.
    const home = await mkdtemp(path.join(os.tmpdir(), "opencls-private-home-"));
    cleanup.push(home);
    await chmod(home, 0o700);
    const checkout = path.join(home, "opencls");
    const dataDir = path.join(checkout, ".data");
    const nativeDir = path.join(checkout, "node_modules", "postgresql");
    await mkdir(path.dirname(nativeDir), { recursive: true });
    await cp(packagedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
    // Stands in for /var/lib/opencls.
    const sharedRoot = await makeTempDir("opencls-shared");
    cleanup.push(sharedRoot);
    const port = await freePort();

    const lines: string[] = [];
    const first = await prepareDatabase({
      databaseUrl: undefined,
      dataDir,
      embeddedDatabasePort: port,
      seedWhenEmpty: false,
      log: (line) => lines.push(line),
      embeddedLayout: { nativeDir, sharedRoot },
    });
    let clusterDir = path.join(dataDir, "postgres");
    try {
      expect(first.appliedMigrations.length).toBeGreaterThan(0);
      await query(
        first.url,
        `INSERT INTO "Region" (id, slug, "inseeCode", name, "updatedAt") VALUES (gen_random_uuid(), 'avant', '999', 'Écrite avant le redémarrage', now())`,
      );
      if (asRoot) {
        // The data folder points at the cluster kept where the postgres user can reach it, and the log says where.
        const link = await readlink(path.join(dataDir, "postgres"));
        expect(link.startsWith(path.join(sharedRoot, "clusters") + path.sep)).toBe(true);
        clusterDir = link;
        expect(lines[0]).toMatch(
          new RegExp(
            `^Embedded PostgreSQL ready \\(data in ${link}, linked from ${dataDir}/postgres, binaries copied to ${sharedRoot}/postgresql-18\\.[^ ]+: the "postgres" system user cannot enter ${home}\\)$`,
          ),
        );
      } else {
        expect((await lstat(path.join(dataDir, "postgres"))).isDirectory()).toBe(true);
      }
    } finally {
      await first.stop();
    }
    expect(postmastersServing(clusterDir)).toEqual([]);

    const second = await startEmbeddedDatabase({ dataDir, port, nativeDir, sharedRoot });
    try {
      expect(second.owned).toBe(true);
      expect(second.clusterDir).toBe(clusterDir);
      expect(await query<{ name: string }>(second.url, `SELECT name FROM "Region" WHERE slug = 'avant'`)).toEqual([
        { name: "Écrite avant le redémarrage" },
      ]);
    } finally {
      await second.stop();
    }
    expect(postmastersServing(clusterDir)).toEqual([]);
  });
});

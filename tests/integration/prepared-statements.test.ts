// Each connection keeps the app's most used statements prepared (lib/db/client.ts), so that
// PostgreSQL parses them once and can plan them once: a bounded number per connection, none when
// DATABASE_PREPARED_STATEMENTS is 0 (a pooler that cannot keep them).
import { describe, expect, it } from "vitest";
import { createDbClient, statementNames, type Db } from "@/lib/db/client";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();

async function withClient<T>(preparedStatements: number, run: (db: Db) => Promise<T>): Promise<T> {
  // One connection: the statements it prepared are the ones pg_prepared_statements lists.
  const db = createDbClient(database().url, { poolSize: 1, preparedStatements });
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}

const prepared = (db: Db) =>
  db.$queryRaw<Array<{ name: string; statement: string }>>`SELECT name, statement FROM pg_prepared_statements ORDER BY name`;

describe("prepared statements", () => {
  it("names the first texts it is given, one name per text, and no text past the limit", () => {
    const names = statementNames(2);
    expect(names({ sql: "SELECT 1" })).toBe("opencls_1");
    expect(names({ sql: "SELECT 2" })).toBe("opencls_2");
    expect(names({ sql: "SELECT 1" })).toBe("opencls_1");
    expect(names({ sql: "SELECT 3" })).toBeUndefined();
    expect(names({ sql: "SELECT 2" })).toBe("opencls_2");
  });

  it("prepares a statement once on a connection and runs it again from there, up to the limit", async () => {
    await withClient(2, async (db) => {
      await db.region.create({ data: { inseeCode: "99", slug: "region-preparee", name: "Région préparée" } });
      const read = () => db.region.findMany({ where: { inseeCode: "99" }, select: { slug: true } });
      expect(await read()).toEqual([{ slug: "region-preparee" }]);
      expect(await read()).toEqual([{ slug: "region-preparee" }]);
      // The insert, then the read (once for both runs): the limit is reached, this listing runs unprepared.
      const statements = await prepared(db);
      expect(statements.map((statement) => statement.name)).toEqual(["opencls_1", "opencls_2"]);
      expect(statements[1].statement).toMatch(/^SELECT .*"Region"/);
      expect(await prepared(db)).toHaveLength(2);
    });
  });

  it("prepares nothing when told to keep none", async () => {
    await withClient(0, async (db) => {
      await db.region.findMany({ select: { id: true } });
      await db.region.findMany({ select: { id: true } });
      expect(await prepared(db)).toEqual([]);
    });
  });
});

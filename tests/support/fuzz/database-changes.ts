// Whether a request changed the database, in constant time whatever its size: triggers on every
// table of the test database append one row per inserted, deleted or really changed row (and per
// TRUNCATE) to a log table, in the writer's own transaction, so that a rolled-back write leaves
// no trace and a committed one always does. Only ever installed in a test file's own database.
import pg from "pg";

export type Change = { table: string; operation: string; rows: number };

export type ChangeLog = {
  /** The position of the log now: compare two marks with changesSince. */
  mark(): Promise<number>;
  /** What was committed since the mark, by table and operation; empty when nothing. */
  changesSince(mark: number): Promise<Change[]>;
  /** The tables watched (every table of the database but the log). */
  tables: string[];
  /** Runs a statement on the log's own connection. */
  query(sql: string): Promise<void>;
  close(): Promise<void>;
};

const LOG = "_fuzz_change";

export async function installChangeLog(connectionString: string): Promise<ChangeLog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`,
    [LOG],
  );
  const tables = rows.map((row) => row.name);
  await client.query(`
    CREATE TABLE IF NOT EXISTS "${LOG}" (id bigserial PRIMARY KEY, "table" text NOT NULL, operation text NOT NULL);
    CREATE OR REPLACE FUNCTION "${LOG}_record"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "${LOG}" ("table", operation) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$;`);
  for (const table of tables) {
    await client.query(`
      CREATE OR REPLACE TRIGGER "${LOG}_write" AFTER INSERT OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${LOG}_record"();
      CREATE OR REPLACE TRIGGER "${LOG}_update" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (OLD::text IS DISTINCT FROM NEW::text) EXECUTE FUNCTION "${LOG}_record"();
      CREATE OR REPLACE TRIGGER "${LOG}_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${LOG}_record"();`);
  }
  return {
    tables,
    async mark() {
      const result = await client.query<{ last: string | null }>(`SELECT max(id)::text AS last FROM "${LOG}"`);
      return Number(result.rows[0].last ?? 0);
    },
    async changesSince(mark) {
      const result = await client.query<{ table: string; operation: string; rows: string }>(
        `SELECT "table", operation, count(*)::text AS rows FROM "${LOG}" WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [mark],
      );
      return result.rows.map((row) => ({ table: row.table, operation: row.operation, rows: Number(row.rows) }));
    },
    async query(sql) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

// Data migrations written in TypeScript, for changes SQL alone cannot make (a snapshot is built
// by walking the field catalogues). Each runs once, after the SQL migrations, and is recorded
// by name in "DataMigration"; several instances starting together take turns on an advisory lock.
import { convertFreeThemes } from "@/lib/fiches/themes";
import { publishUnpublishedContracts } from "@/lib/publication/publish";
import pg from "pg";
import { createDbClient, type Db } from "./client";

type DataMigration = { name: string; run: (db: Db) => Promise<unknown> };

/** In order; never rename or remove one that has shipped. */
export const DATA_MIGRATIONS: readonly DataMigration[] = [
  // Before issue 15 every fiche of a published contract was public as soon as it was saved.
  { name: "20261207000000_publish_existing_fiches", run: publishUnpublishedContracts },
  // Issue 15 made themes a controlled list of codes.
  { name: "20261207100000_theme_codes", run: convertFreeThemes },
];

/** An arbitrary key of our own for pg_advisory_lock: "OCDM". */
const LOCK_KEY = 0x4f43444d;

/** Runs the data migrations not yet recorded; returns their names. */
export async function applyDataMigrations(url: string): Promise<string[]> {
  // Every start asks; only a start with something to do builds the app's client.
  if (!(await anyPending(url))) return [];
  const db = createDbClient(url);
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
        const done = new Set((await tx.dataMigration.findMany({ select: { name: true } })).map((row) => row.name));
        const pending = DATA_MIGRATIONS.filter((migration) => !done.has(migration.name));
        for (const migration of pending) {
          await migration.run(db);
          await tx.dataMigration.create({ data: { name: migration.name } });
        }
        return pending.map((migration) => migration.name);
      },
      { timeout: 600_000 },
    );
  } finally {
    await db.$disconnect();
  }
}

async function anyPending(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "DataMigration"`);
    const done = new Set(rows.map((row) => row.name));
    return DATA_MIGRATIONS.some((migration) => !done.has(migration.name));
  } finally {
    await client.end();
  }
}

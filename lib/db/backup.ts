// Logical backup and restore with plain `pg` (the embedded PostgreSQL ships no pg_dump).
//
// A backup is one gzip stream, written in a single REPEATABLE READ snapshot, so that it is
// consistent even while the app writes: every table of the public schema, _prisma_migrations
// included, in PostgreSQL's COPY text format. Layout (inspect with `zcat file | head -1`):
//   - a header line: JSON (format, format version, the latest migration applied, tables with
//     their columns, sequences with their values);
//   - per table, in the header's order: a line {"table": name}, then frames of COPY data, each a
//     4-byte big-endian length and that many bytes; a zero length ends the table;
//   - a trailer line: JSON {"end": true, "rows": {table: row count}}, so a truncated file is
//     refused.
// Documents' files kept in an S3-compatible bucket (their row's content is empty) are read from it
// and written into their DocumentFile rows, as the PostgreSQL store keeps them: a backup holds
// every file whatever the store, and restores anywhere (docs/adr/0015).
// The pg-boss schema ("pgboss"), when present, is left out on purpose: its jobs are transient
// (e-mails to send now), and replaying them after a restore would send stale mails again;
// pg-boss recreates its schema when it starts.
//
// A restore goes into an empty database only: it applies the migrations up to the backup's,
// then loads every table in one transaction (foreign keys dropped and re-added, which checks
// them, and user triggers disabled meanwhile), and sets the sequences.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { z } from "zod";
import { StartupError } from "@/lib/config/startup-error";
import { maskPassword } from "./connection-url";
import { CopyIn, CopyOut, runCopy } from "./copy";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate";

export const BACKUP_FORMAT = "opencls-backup";
export const BACKUP_FORMAT_VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";
const FRAME_BYTES = 64 * 1024;
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const identifier = z.string().min(1).max(63);
const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  migration: z.string(),
  migrations: z.array(z.string()),
  server: z.string(),
  tables: z.array(z.object({ name: identifier, columns: z.array(identifier).min(1) })),
  sequences: z.array(z.object({ name: identifier, lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
const sectionSchema = z.object({ table: identifier });
const trailerSchema = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int().nonnegative()) });

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupSummary = { header: BackupHeader; rows: Record<string, number> };
type Progress = { onTable?: (table: string, rows: number) => void | Promise<void> };

/** Documents' files kept outside PostgreSQL (lib/documents/s3-storage.ts). */
export type ExternalFiles = {
  /** A file's bytes, checked against its digest. */
  read(documentId: string, file: { sha256: string; sizeBytes: number }): Promise<Uint8Array>;
  /** An advisory lock the backup holds exclusively, so that no file its snapshot names is deleted while it runs. */
  lock: number;
};

const FILES_TABLE = "DocumentFile";

/** backups/opencls-<UTC timestamp>.backup.gz, under `dir`. */
export function defaultBackupPath(now = new Date(), dir = "backups"): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(dir, `opencls-${stamp}.backup.gz`);
}

const quote = (name: string) => pg.escapeIdentifier(name);
const qualified = (name: string) => `${quote("public")}.${quote(name)}`;

// --- Backup

export async function writeBackup(
  connectionString: string,
  file: string,
  { onTable, externalFiles }: Progress & { externalFiles?: ExternalFiles } = {},
): Promise<BackupSummary> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  // Written aside and renamed once complete and on disk: a failed backup never looks like one.
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  const client = new pg.Client({ connectionString });
  await client.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => {});
  try {
    // Taken before the snapshot: a file deleted before it is named by none of its rows.
    if (externalFiles) await client.query("SELECT pg_advisory_lock($1)", [externalFiles.lock]);
    // The snapshot is taken by the first query after BEGIN, and holds for every table.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    const header = await describeDatabase(client);
    // Like pg_dump: no table can be altered or dropped while it is being copied.
    for (const table of header.tables) await client.query(`LOCK TABLE ${qualified(table.name)} IN ACCESS SHARE MODE`);

    const write = async (data: string | Buffer) => {
      if (!gzip.write(data)) await once(gzip, "drain");
    };
    await write(`${JSON.stringify(header)}\n`);
    const rows: Record<string, number> = {};
    for (const table of header.tables) {
      await write(`${JSON.stringify({ table: table.name })}\n`);
      const frames = new Framer(gzip);
      rows[table.name] =
        table.name === FILES_TABLE
          ? await copyFileRows(client, table, frames, externalFiles)
          : await runCopy(
              client,
              new CopyOut(`COPY ${qualified(table.name)} (${table.columns.map(quote).join(", ")}) TO STDOUT`, frames.push, frames.drained),
            );
      await write(frames.end());
      await onTable?.(table.name, rows[table.name]);
    }
    await write(`${JSON.stringify({ end: true, rows })}\n`);
    await client.query("COMMIT");
    gzip.end();
    await written;
    const handle = await open(partial, "r+");
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return { header, rows };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function describeDatabase(client: pg.Client): Promise<BackupHeader> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`,
  );
  if (!tables.some((table) => table.name === MIGRATIONS_TABLE)) {
    throw new StartupError("The database holds no OpenCLS schema (no _prisma_migrations table): nothing to back up.");
  }
  const { rows: history } = await client.query<{ name: string; finished: boolean; rolledBack: boolean }>(
    `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM ${quote(MIGRATIONS_TABLE)}`,
  );
  const unfinished = history.find((row) => !row.finished && !row.rolledBack);
  if (unfinished)
    throw new StartupError(
      `Migration ${unfinished.name} is recorded as started but not finished: repair the database before backing it up.`,
    );
  const migrations = [...new Set(history.filter((row) => row.finished && !row.rolledBack).map((row) => row.name))].sort();
  if (!migrations.length) throw new StartupError("The database has no migration applied: nothing to back up.");

  const described = [];
  for (const { name } of tables) {
    const { rows } = await client.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      [qualified(name)],
    );
    described.push({ name, columns: rows.map((row) => row.name) });
  }
  const { rows: sequenceNames } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  const sequences = [];
  for (const { name } of sequenceNames) {
    const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(name)}`,
    );
    sequences.push({ name, ...rows[0] });
  }
  const { rows: server } = await client.query<{ version: string }>("SHOW server_version");
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    migration: migrations.at(-1)!,
    migrations,
    server: `PostgreSQL ${server[0].version}`,
    tables: described,
    sequences,
  };
}

/** DocumentFile's rows, those whose bytes are in a bucket written with them. */
async function copyFileRows(client: pg.Client, table: BackupHeader["tables"][number], frames: Framer, external?: ExternalFiles) {
  const copy = (where: string, sink: (chunk: Buffer) => boolean) =>
    runCopy(
      client,
      new CopyOut(
        `COPY (SELECT ${table.columns.map(quote).join(", ")} FROM ${qualified(table.name)} WHERE ${where}) TO STDOUT`,
        sink,
        frames.drained,
      ),
    );
  let rows = await copy(`octet_length("content") > 0`, frames.push);
  const { rows: outside } = await client.query<{ documentId: string; sha256: string; sizeBytes: number }>(
    `SELECT "documentId", "sha256", "sizeBytes" FROM ${qualified(table.name)} WHERE octet_length("content") = 0 ORDER BY 1`,
  );
  if (outside.length && !external)
    throw new StartupError(
      `${outside.length === 1 ? "A document's file is" : `${outside.length} documents' files are`} kept in S3-compatible storage, which is not configured here: back up with the app's OPENCLS_S3_* settings.`,
    );
  const push = async (data: string) => {
    if (!frames.push(Buffer.from(data))) await frames.drained();
  };
  const content = table.columns.indexOf("content");
  for (const file of outside) {
    const chunks: Buffer[] = [];
    rows += await copy(`"documentId" = ${pg.escapeLiteral(file.documentId)}`, (chunk) => {
      chunks.push(chunk);
      return true;
    });
    const fields = Buffer.concat(chunks).toString("utf8").replace(/\n$/, "").split("\t");
    const read = await external!.read(file.documentId, file);
    const bytes = Buffer.from(read.buffer, read.byteOffset, read.length);
    // The row as COPY writes it, its content the bytes read: a bytea's text form is \x and hex
    // digits, its backslash doubled.
    await push([...fields.slice(0, content), "\\\\x"].join("\t"));
    for (let at = 0; at < bytes.length; at += FRAME_BYTES) await push(bytes.subarray(at, at + FRAME_BYTES).toString("hex"));
    await push(`${["", ...fields.slice(content + 1)].join("\t")}\n`);
  }
  return rows;
}

/** Gathers COPY's per-row messages into frames of about 64 KB, written to `out`. */
class Framer {
  private pending: Buffer[] = [];
  private size = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  push = (chunk: Buffer): boolean => {
    this.pending.push(chunk);
    this.size += chunk.length;
    return this.size < FRAME_BYTES || this.out.write(this.take());
  };

  drained = (): Promise<void> => once(this.out, "drain").then(() => {});

  /** The last frame, if any, then the end-of-table mark. */
  end(): Buffer {
    return Buffer.concat([this.size ? this.take() : Buffer.alloc(0), Buffer.alloc(4)]);
  }

  private take(): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(this.size);
    const frame = Buffer.concat([length, ...this.pending]);
    this.pending = [];
    this.size = 0;
    return frame;
  }
}

// --- Restore

export async function restoreBackup(connectionString: string, file: string, { onTable }: Progress = {}): Promise<BackupSummary> {
  if (!(await stat(file).catch(() => null))?.isFile()) throw new StartupError(`No backup file at ${file}.`);
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const reader = new ByteReader(gunzip);
  try {
    const header = await readHeader(reader, file);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await assertEmpty(client, connectionString);
      await assertMigrationsMatch(client, header);
      await applyMigrations(connectionString, MIGRATIONS_DIR, { upTo: header.migration });
      const rows = await load(client, header, reader, connectionString, onTable);
      return { header, rows };
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

async function readHeader(reader: ByteReader, file: string): Promise<BackupHeader> {
  const notBackup = new StartupError(`${file} is not an OpenCLS backup (made by npm run db:backup).`);
  const line = await reader.line().catch(() => {
    throw notBackup;
  });
  const json = parseLine(z.unknown(), line);
  const version = (json as { formatVersion?: unknown })?.formatVersion;
  if ((json as { format?: unknown })?.format === BACKUP_FORMAT && typeof version === "number" && version > BACKUP_FORMAT_VERSION) {
    throw new StartupError(
      `${file} uses backup format ${version}, newer than this OpenCLS reads (${BACKUP_FORMAT_VERSION}): update OpenCLS first.`,
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success || parsed.data.formatVersion !== BACKUP_FORMAT_VERSION) throw notBackup;
  return parsed.data;
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Refuses a database holding any row (the migration history aside: a migrated empty database is fine). */
async function assertEmpty(client: pg.Client, connectionString: string): Promise<void> {
  const filled: string[] = [];
  for (const table of await publicTables(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${qualified(table)} LIMIT 1`);
    if (rowCount) filled.push(table);
  }
  if (filled.length) {
    throw new StartupError(
      `The database ${maskPassword(connectionString)} already holds data (in ${filled.length} ${filled.length === 1 ? "table" : "tables"}: ${filled.slice(0, 3).join(", ")}${filled.length > 3 ? ", …" : ""}); restore only into an empty database (a new DATABASE_URL database, or a new OPENCLS_DATA_DIR).`,
    );
  }
}

/** The backup's schema must be one this checkout can rebuild, and the database must not be past it. */
async function assertMigrationsMatch(client: pg.Client, header: BackupHeader): Promise<void> {
  const available = new Set((await readMigrations()).map((migration) => migration.name));
  const unknown = header.migrations.filter((name) => !available.has(name));
  if (unknown.length) {
    throw new StartupError(
      `The backup's schema includes migration ${unknown[0]}, which this OpenCLS does not have: restore with the OpenCLS version that made the backup, or a later one.`,
    );
  }
  const tables = await publicTables(client);
  if (!tables.includes(MIGRATIONS_TABLE)) return;
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quote(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const ahead = rows.map((row) => row.name).filter((name) => !header.migrations.includes(name));
  if (ahead.length) {
    throw new StartupError(
      `The database already has migration ${ahead.sort()[0]}, which the backup (at ${header.migration}) does not: restore into a new, empty database.`,
    );
  }
}

async function load(
  client: pg.Client,
  header: BackupHeader,
  reader: ByteReader,
  connectionString: string,
  onTable: Progress["onTable"],
): Promise<Record<string, number>> {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL statement_timeout = 0");
    const tables = await publicTables(client);
    const missing = header.tables.find((table) => !tables.includes(table.name));
    if (missing)
      throw new StartupError(
        `The backup's table ${missing.name} does not exist after migrating to ${header.migration}: the backup does not match this OpenCLS.`,
      );
    // Nobody writes meanwhile; then check again that the database is still empty.
    for (const table of tables) await client.query(`LOCK TABLE ${qualified(table)} IN ACCESS EXCLUSIVE MODE`);
    await assertEmpty(client, connectionString);
    // The migration runner's rows give way to the backup's own history.
    await client.query(`DELETE FROM ${quote(MIGRATIONS_TABLE)}`);

    // Rows arrive table by table, so foreign keys (some of them circular) are dropped for the
    // load and added back after it, which checks every row against them.
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    );
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quote(key.name)}`);
    for (const table of header.tables) await client.query(`ALTER TABLE ${qualified(table.name)} DISABLE TRIGGER USER`);

    const rows: Record<string, number> = {};
    for (const table of header.tables) {
      const section = parseLine(sectionSchema, await reader.line());
      if (section?.table !== table.name) throw new StartupError(`The backup is damaged: expected the rows of ${table.name}.`);
      rows[table.name] = await runCopy(
        client,
        new CopyIn(`COPY ${qualified(table.name)} (${table.columns.map(quote).join(", ")}) FROM STDIN`, reader.frames()),
      );
      await onTable?.(table.name, rows[table.name]);
    }
    const trailer = parseLine(trailerSchema, await reader.line());
    if (!trailer) throw new StartupError("The backup is damaged: its end is missing.");
    const differing = header.tables.find((table) => trailer.rows[table.name] !== rows[table.name]);
    if (differing)
      throw new StartupError(
        `The backup is damaged: ${differing.name} should hold ${trailer.rows[differing.name]} rows, ${rows[differing.name]} were read.`,
      );

    for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    for (const table of header.tables) await client.query(`ALTER TABLE ${qualified(table.name)} ENABLE TRIGGER USER`);
    for (const sequence of header.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [qualified(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function parseLine<T>(schema: z.ZodType<T>, line: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads lines and frames from a byte stream. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  private async chunk(): Promise<Buffer> {
    const next = await this.chunks.next().catch((error: NodeJS.ErrnoException) => {
      // zlib's errors (Z_BUF_ERROR: "unexpected end of file", Z_DATA_ERROR) mean a damaged file.
      throw error.code?.startsWith("Z_") ? new StartupError(`The backup is damaged: ${error.message}.`) : error;
    });
    if (next.done) throw new StartupError("The backup is damaged: it ends too early.");
    return next.value;
  }

  private async fill(): Promise<void> {
    const next = await this.chunk();
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next]) : next;
  }

  async line(): Promise<string> {
    for (let from = 0; ;) {
      const end = this.buffer.indexOf(10, from);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString("utf8");
        this.buffer = this.buffer.subarray(end + 1);
        return line;
      }
      if (this.buffer.length > MAX_LINE_BYTES) throw new StartupError("The backup is damaged: a line is too long.");
      from = this.buffer.length;
      await this.fill();
    }
  }

  private async bytes(count: number): Promise<Buffer> {
    // A frame can hold one large row (a document's file): its chunks are joined once, not one by one.
    if (this.buffer.length < count) {
      const parts = [this.buffer];
      let size = this.buffer.length;
      while (size < count) {
        const next = await this.chunk();
        parts.push(next);
        size += next.length;
      }
      this.buffer = Buffer.concat(parts, size);
    }
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
  }

  /** One table's COPY data, frame by frame, up to its end-of-table mark. */
  async *frames(): AsyncGenerator<Buffer> {
    for (;;) {
      const length = (await this.bytes(4)).readUInt32BE();
      if (length === 0) return;
      yield await this.bytes(length);
    }
  }
}

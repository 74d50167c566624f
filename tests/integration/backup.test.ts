// npm run db:backup / db:restore: a backup restored into an empty database gives back every
// row of every table; a database holding rows is refused; a backup taken while the app
// writes holds each transaction entirely or not at all.
import { randomBytes } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreBackup, writeBackup } from "@/lib/db/backup";
import { createDbClient, type Db } from "@/lib/db/client";
import { documentStorage } from "@/lib/documents/storage";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { loadDemoData } from "@/lib/seed/demo-data";
import { createContractWithStructure, createOrganisation, createRegion, createTerritory, createUser } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { documentFileRow } from "../support/document-files";
import { freePort } from "../support/ports";
import { runCli } from "../support/run-cli";
import { postmastersServing } from "../support/postgres-processes";
import { makeTempDir } from "../support/temp-dir";

const databases: TestDatabase[] = [];
const clients: Db[] = [];
let dir: string;
let source: TestDatabase;
let backupFile: string;

async function database(options?: { migrated?: boolean }): Promise<TestDatabase> {
  const created = await createTestDatabase(options);
  databases.push(created);
  return created;
}

function client(url: string): Db {
  const db = createDbClient(url);
  clients.push(db);
  return db;
}

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  try {
    return (await connection.query<T>(text, values)).rows;
  } finally {
    await connection.end();
  }
}

// Text that COPY must escape: tabs, newlines, backslashes, and characters beyond ASCII.
const AWKWARD = "Ligne 1\n\tLigne 2 \\N \\ « guillemets » – œ 😀";

/** Rows in the tables the demo data leaves empty, so that every table takes part. */
async function fillRemainingTables(db: Db): Promise<void> {
  const { contract } = await createContractWithStructure(db, { axes: 2, fichesPerAxis: 2 });
  const fiche = await db.ficheAction.findFirstOrThrow({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  const finding = await db.diagnosisFinding.findFirstOrThrow({ where: { contractId: contract.id } });
  const organisation = await createOrganisation(db, { name: AWKWARD });
  const user = await createUser(db);
  await db.dataMigration.create({ data: { name: "a-data-migration-of-the-backup-test" } });
  // A PRS objective of the contract's region, which a fiche names (and so restores after it).
  const territory = await db.territory.findUniqueOrThrow({ where: { id: contract.territoryId }, select: { regionId: true } });
  const prsObjective = await db.prsObjective.create({ data: { regionId: territory.regionId, code: "1.1", label: AWKWARD } });
  await db.ficheAction.update({ where: { id: fiche.id }, data: { prsObjectiveId: prsObjective.id } });
  await db.account.create({ data: { userId: user.id, provider: "proconnect", providerAccountId: "sub-1", siret: "13002526500013" } });
  await db.accessRequest.create({
    data: {
      userId: user.id,
      territoryId: contract.territoryId,
      proposedOrganisationId: organisation.id,
      siret: "13002526500013",
      status: "confirmed",
      organisationId: organisation.id,
      decidedById: user.id,
      decidedAt: new Date(),
    },
  });
  await db.auditEvent.create({
    data: {
      actorId: user.id,
      action: "fiche.update",
      entityType: "FicheAction",
      entityId: fiche.id,
      changes: { title: { before: "a", after: AWKWARD } },
      ip: "192.0.2.1",
    },
  });
  const budgetLine = await db.budgetLine.create({
    data: { ficheId: fiche.id, funderId: organisation.id, year: 2026, amount: "12345678901.23" },
  });
  const objective = await db.operationalObjective.create({
    data: { ficheId: fiche.id, position: 1, title: "Objectif", dueOn: new Date("2027-06-30") },
  });
  const commitment = await db.commitment.create({
    data: {
      organisationId: organisation.id,
      objectiveId: objective.id,
      description: AWKWARD,
      financialAmount: "1234.56",
      commentedOn: new Date("2026-11-30"),
      comment: AWKWARD,
    },
  });
  await db.devEmail.create({
    data: {
      to: user.email,
      subject: "Lien de connexion",
      text: AWKWARD,
      headers: { "List-Unsubscribe": `<https://exemple.fr/${AWKWARD}>` },
    },
  });
  await db.notification.create({
    data: {
      userId: user.id,
      kind: "milestone_due",
      subjectId: fiche.id,
      period: "2026-12-01",
      title: AWKWARD,
      href: "/fiches",
      dueOn: new Date("2026-12-01"),
    },
  });
  await db.mailDelivery.create({ data: { userId: user.id, kind: "daily", period: "2026-12-07" } });
  await db.mailPreference.create({ data: { userId: user.id, weeklyDigest: false } });
  const snapshot = await db.contractSnapshot.create({
    data: {
      contractId: contract.id,
      version: 1,
      reason: "campaign_close",
      content: { schemaVersion: 1, note: AWKWARD },
      createdById: user.id,
    },
  });
  await db.evaluationCampaign.create({ data: { contractId: contract.id, kind: "final", status: "closed", snapshotId: snapshot.id } });
  const campaign = await db.evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term" } });
  await db.ficheAssessment.create({
    data: {
      campaignId: campaign.id,
      ficheId: fiche.id,
      difficulties: AWKWARD,
      spending: { create: { budgetLineId: budgetLine.id, spent: "99.99" } },
    },
  });
  await db.commitmentContribution.create({
    data: { campaignId: campaign.id, commitmentId: commitment.id, outcome: "partly_kept", contribution: AWKWARD, amountSpent: "0.01" },
  });
  await db.meeting.create({
    data: {
      contractId: contract.id,
      kind: "copil",
      heldOn: new Date("2026-06-30"),
      decisions: AWKWARD,
      attendances: { create: { organisationId: organisation.id, attendeeCount: 2 } },
    },
  });
  await db.reviewThread.create({
    data: {
      contractId: contract.id,
      targetKind: "fiche",
      targetId: fiche.id,
      createdById: user.id,
      comments: { create: { authorId: user.id, fromAgency: true, body: AWKWARD } },
    },
  });
  await db.reviewStage.create({
    data: {
      contractId: contract.id,
      subjectKind: "evaluation_report",
      subjectId: campaign.id,
      state: "changes_requested",
      decidedById: user.id,
    },
  });
  await db.ficheFinding.create({ data: { ficheId: fiche.id, findingId: finding.id } });
  await db.fichePartner.create({ data: { ficheId: fiche.id, organisationId: organisation.id, role: "Co-pilote" } });
  const indicator = await db.indicator.create({
    data: { ficheId: fiche.id, objectiveId: objective.id, name: "Taux", level: "result", baselineValue: "0.1234" },
  });
  await db.measurement.create({
    data: { indicatorId: indicator.id, measuredOn: new Date("2026-01-31"), value: "12.5", authorId: user.id },
  });
  await db.milestone.create({ data: { ficheId: fiche.id, title: "Jalon", dueOn: new Date("2026-12-31") } });
  // A document's file: every byte value, and megabytes (a COPY row larger than a frame).
  await db.document.create({
    data: {
      contractId: contract.id,
      kind: "contract",
      title: AWKWARD,
      file: { create: documentFileRow(DOCUMENT_BYTES, { originalName: `${AWKWARD}.pdf` }) },
    },
  });
  await db.invitation.create({
    data: {
      email: "invite@exemple.test",
      role: "partner",
      territoryId: contract.territoryId,
      organisationId: organisation.id,
      tokenHash: "a".repeat(64),
      invitedById: user.id,
      expiresAt: new Date("2030-01-01"),
    },
  });
  await db.signInFailure.create({ data: { key: "pair:personne@exemple.test|203.0.113.9" } });
  await db.rateLimitWindow.create({ data: { key: `api:${"d".repeat(64)}`, windowStart: new Date("2026-01-01T12:00:00Z"), hits: 3 } });
  await db.knownSignInAddress.create({ data: { userId: user.id, addressHash: "c".repeat(64) } });
  await db.verificationToken.create({ data: { identifier: user.email, token: "b".repeat(64), expires: new Date("2030-01-01") } });
}

/** A PDF's bytes followed by every byte value and 2 MB of noise: what COPY's text format must carry intact. */
const DOCUMENT_BYTES = Buffer.concat([
  Buffer.from("%PDF-1.7\n"),
  Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
  randomBytes(2 * 1024 * 1024),
]);

/** Every table of the public schema: its row count and an md5 of all its rows in a stable order. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public' AND relkind = 'r' ORDER BY 1`,
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ rows: number; md5: string }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
    );
    result[name] = row;
  }
  return result;
}

beforeAll(async () => {
  dir = await makeTempDir("opencls-backup");
  source = await database();
  const db = client(source.url);
  await loadDemoData(db);
  await fillRemainingTables(db);
  // A table of its own with a sequence (the schema has none today), to check sequences are carried.
  await sql(source.url, `CREATE TABLE "BackupTally" (id serial PRIMARY KEY, label text NOT NULL)`);
  await sql(source.url, `INSERT INTO "BackupTally" (label) VALUES ('un'), ('deux'), ('trois')`);
  backupFile = path.join(dir, "source.backup.gz");
  await writeBackup(source.url, backupFile);
});

afterAll(async () => {
  await Promise.all(clients.map((db) => db.$disconnect()));
  await Promise.all(databases.map((created) => created.drop()));
  await rm(dir, { recursive: true, force: true });
});

describe("npm run db:backup and db:restore", () => {
  it("restores every row of every table into an empty database", async () => {
    const before = await fingerprint(source.url);
    const empty = Object.entries(before)
      .filter(([, table]) => table.rows === 0)
      .map(([name]) => name);
    expect(empty, "tables the test leaves empty").toEqual([]);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["_prisma_migrations", "AuditEvent", "Measurement", "FicheAssessment"]));

    // The backup says what it is on its first line, and holds no pg-boss jobs.
    const header = JSON.parse(
      gunzipSync(await readFile(backupFile))
        .toString("utf8")
        .split("\n")[0],
    );
    const migrations = (await sql<{ name: string }>(source.url, `SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY 1`)).map(
      (row) => row.name,
    );
    expect(header).toMatchObject({ format: "opencls-backup", formatVersion: 1, migration: migrations.at(-1), migrations });
    expect(header.tables.map((table: { name: string }) => table.name).sort()).toEqual(Object.keys(before).sort());

    const target = await database({ migrated: false });
    await sql(target.url, `CREATE TABLE "BackupTally" (id serial PRIMARY KEY, label text NOT NULL)`);
    const { rows } = await restoreBackup(target.url, backupFile);
    expect(Object.values(rows).reduce((sum, count) => sum + count, 0)).toBe(
      Object.values(before).reduce((sum, table) => sum + table.rows, 0),
    );
    expect(await fingerprint(target.url)).toEqual(before);

    // Foreign keys are back (and were checked), and the sequence continues after the restored rows.
    const foreignKeys = `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`;
    expect(await sql(target.url, foreignKeys)).toEqual(await sql(source.url, foreignKeys));
    await expect(
      sql(
        target.url,
        `INSERT INTO "Territory" (id, slug, name, kind, "regionId", "updatedAt") VALUES (gen_random_uuid(), 'x', 'x', 'commune', gen_random_uuid(), now())`,
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await sql(target.url, `INSERT INTO "BackupTally" (label) VALUES ('quatre') RETURNING id`)).toEqual([{ id: 4 }]);
    // The app reads the restored database as it read the original.
    const restored = client(target.url);
    expect(await restored.organisation.count({ where: { name: AWKWARD } })).toBe(1);
    // Documents' files come back byte for byte, and the app serves them.
    const file = await documentStorage().get(restored, (await restored.document.findFirstOrThrow({ where: { title: AWKWARD } })).id);
    const { sha256, sizeBytes } = documentFileRow(DOCUMENT_BYTES);
    expect(file).toMatchObject({ sha256, sizeBytes, originalName: `${AWKWARD}.pdf` });
    expect(Buffer.from(file!.bytes).equals(DOCUMENT_BYTES)).toBe(true);
  });

  it("refuses a database that holds rows, and leaves it as it was", async () => {
    const target = await database();
    const db = client(target.url);
    await createRegion(db, { name: "Déjà là" });
    const before = await fingerprint(target.url);
    await expect(restoreBackup(target.url, backupFile)).rejects.toThrow(
      /already holds data \(in 1 table: Region\); restore only into an empty database/,
    );
    expect(await fingerprint(target.url)).toEqual(before);
  });

  it("refuses a truncated backup without leaving anything behind, and restores the complete one afterwards", async () => {
    const whole = await readFile(backupFile);
    const truncated = path.join(dir, "truncated.backup.gz");
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await database({ migrated: false });
    await sql(target.url, `CREATE TABLE "BackupTally" (id serial PRIMARY KEY, label text NOT NULL)`);
    await expect(restoreBackup(target.url, truncated)).rejects.toThrow(/^The backup is damaged/);
    const afterFailure = await fingerprint(target.url);
    expect(Object.entries(afterFailure).filter(([name, table]) => name !== "_prisma_migrations" && table.rows > 0)).toEqual([]);
    await restoreBackup(target.url, backupFile);
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
  });

  it("takes a consistent snapshot while other connections write", async () => {
    const live = await database();
    const db = client(live.url);
    await loadDemoData(db);
    const region = await createRegion(db);
    // A writer keeps committing transactions that each add a territory and its audit event:
    // a backup holds both or neither.
    let writing = true;
    let committed = 0;
    const writer = (async () => {
      const writerDb = client(live.url);
      while (writing) {
        await writerDb.$transaction(async (tx) => {
          const territory = await createTerritory(tx as Db, { regionId: region.id });
          await tx.auditEvent.create({
            data: { action: "territory.create", entityType: "Territory", entityId: territory.id, territoryId: territory.id },
          });
        });
        committed += 1;
      }
    })();
    // And one transaction commits for sure between the copy of two tables: after AuditEvent
    // (copied early) and before Territory (copied late).
    let between: string | undefined;
    const file = path.join(dir, "live.backup.gz");
    await writeBackup(live.url, file, {
      onTable: async (table) => {
        if (table !== "AuditEvent") return;
        const territory = await createTerritory(db, { regionId: region.id, name: "Écrite pendant la sauvegarde" });
        await db.auditEvent.create({
          data: { action: "territory.create", entityType: "Territory", entityId: territory.id, territoryId: territory.id },
        });
        between = territory.id;
      },
    });
    writing = false;
    await writer;
    expect(between).toBeDefined();
    expect(committed).toBeGreaterThan(0);

    const target = await database({ migrated: false });
    await restoreBackup(target.url, file);
    const [counts] = await sql<{ territories: number; events: number; between: number }>(
      target.url,
      `SELECT (SELECT count(*)::int FROM "Territory" WHERE "regionId" = $1) AS territories,
              (SELECT count(*)::int FROM "AuditEvent" WHERE action = 'territory.create') AS events,
              (SELECT count(*)::int FROM "Territory" WHERE id = $2) AS between`,
      [region.id, between],
    );
    expect(counts.between).toBe(0);
    expect(counts.territories).toBe(counts.events);
    // The source has everything that committed.
    expect(await db.territory.count({ where: { id: between } })).toBe(1);
  });

  it("works from the command line, with one-line messages", async () => {
    const file = path.join(dir, "cli.backup.gz");
    const backup = await runCli("lib/cli/backup.ts", [file], { DATABASE_URL: source.url });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables \(schema at migration \d{14}_\w+\) to .*cli\.backup\.gz\.$/m);

    const filled = await database();
    await createRegion(client(filled.url));
    const refused = await runCli("lib/cli/restore.ts", [file], { DATABASE_URL: filled.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^opencls: The database postgresql:\/\/.*:\*\*\*\*@.* already holds data \(in 1 table: Region\); restore only into an empty database/,
      ),
    ]);

    const missing = await runCli("lib/cli/restore.ts", [], { DATABASE_URL: filled.url });
    expect(missing.stderr.trim()).toBe("opencls: Usage: npm run db:restore -- <backup file> (made by npm run db:backup).");

    const notBackup = path.join(dir, "not-a-backup.gz");
    await writeFile(notBackup, "bonjour");
    const wrong = await runCli("lib/cli/restore.ts", [notBackup], { DATABASE_URL: filled.url });
    expect(wrong.stderr.trim()).toBe(`opencls: ${notBackup} is not an OpenCLS backup (made by npm run db:backup).`);

    const target = await database({ migrated: false });
    await sql(target.url, `CREATE TABLE "BackupTally" (id serial PRIMARY KEY, label text NOT NULL)`);
    const restore = await runCli("lib/cli/restore.ts", [file], { DATABASE_URL: target.url });
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toMatch(/^Restored \d+ rows in \d+ tables from the backup of \d{4}-\d\d-\d\dT/m);
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
  });
});

describe("with the embedded database", () => {
  it("backs up the running server it joins (as under npm start), and restores into a new data folder", { timeout: 180_000 }, async () => {
    const [runningDir, newDir] = await Promise.all([makeTempDir("opencls-backup-running"), makeTempDir("opencls-backup-new")]);
    const [runningPort, newPort] = await Promise.all([freePort(), freePort()]);
    try {
      // This process plays `npm start`: it owns the running server, which the backup joins and leaves running.
      const running = await prepareDatabase({ databaseUrl: undefined, dataDir: runningDir, embeddedDatabasePort: runningPort });
      try {
        const file = path.join(dir, "embedded.backup.gz");
        const embeddedEnv = (dataDir: string, port: number) => ({
          DATABASE_URL: "",
          OPENCLS_DATA_DIR: dataDir,
          OPENCLS_EMBEDDED_DB_PORT: String(port),
        });
        const backup = await runCli("lib/cli/backup.ts", [file], embeddedEnv(runningDir, runningPort));
        expect(backup.stderr).toBe("");
        expect(backup.stdout).toContain(`Embedded PostgreSQL ready (data in ${runningDir})`);
        expect(await sql(running.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);

        // A new machine: an empty data folder; db:restore starts its server, restores, stops it.
        const restore = await runCli("lib/cli/restore.ts", [file], embeddedEnv(newDir, newPort));
        expect(restore.stderr).toBe("");
        expect(restore.code).toBe(0);
        expect(postmastersServing(path.join(newDir, "postgres"))).toEqual([]);
        const restored = await startEmbeddedDatabase({ dataDir: newDir, port: newPort });
        try {
          expect(await fingerprint(restored.url)).toEqual(await fingerprint(running.url));
        } finally {
          await restored.stop();
        }
      } finally {
        await running.stop();
      }
    } finally {
      await Promise.all([runningDir, newDir].map((folder) => rm(folder, { recursive: true, force: true })));
    }
  });
});

describe("backup files", () => {
  it("are readable by their owner only (they hold personal data and password hashes)", async () => {
    expect((await stat(backupFile)).mode & 0o077).toBe(0);
  });
});

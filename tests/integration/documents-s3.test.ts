// Documents' files in S3-compatible storage (OPENCLS_S3_*), against a real S3 server (s3rver):
// uploaded, downloaded, replaced, removed and deleted through the app's own actions and reads,
// each object named by its document and digest and deleted once no committed row names it; bytes
// that are not the file's are refused; every backup holds the files, and a restore puts them back
// into the bucket; a partial or wrong configuration stops the start with one line.
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, NotFoundError } from "@/lib/authz";
import { restoreBackup, writeBackup } from "@/lib/db/backup";
import { createDbClient, getDb, type Db } from "@/lib/db/client";
import { s3StorageConfig } from "@/lib/documents/config";
import { documentFileResponse } from "@/lib/documents/download";
import { sha256Of } from "@/lib/documents/file-check";
import { documentObjectSweepJob } from "@/lib/documents/jobs";
import { createDocument, deleteDocument, removeDocumentFile, updateDocument } from "@/lib/documents/mutations";
import { getPublicDocumentFile, getWorkspaceDocumentFile } from "@/lib/documents/queries";
import { DOCUMENT_OBJECTS_LOCK, objectKey, SWEEP_AFTER_MS } from "@/lib/documents/s3-storage";
import { documentStorage, postgresqlStorage, type S3FileStorage } from "@/lib/documents/storage";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/worker";
import { createContract, createRegion, createTerritory } from "../fixtures/factories";
import { memberActor, runAction } from "../support/actors";
import { createTestDatabase, setupAppDatabase, type TestDatabase } from "../support/database";
import { pdfBytes } from "../support/document-files";
import { freePort } from "../support/ports";
import { runCli } from "../support/run-cli";
import { startS3Server, type S3TestServer } from "../support/s3-server";
import { makeTempDir } from "../support/temp-dir";

const appDatabase = setupAppDatabase();
const db = () => getDb();
const BUCKET = "opencls-documents";
const RESTORED_BUCKET = "opencls-restored";

let s3: S3TestServer;
let tenant: { slug: string; contractId: string; coordinator: Awaited<ReturnType<typeof memberActor>> };
let dir: string;
const databases: TestDatabase[] = [];
const clients: Db[] = [];

beforeAll(async () => {
  s3 = await startS3Server([BUCKET, RESTORED_BUCKET]);
  Object.assign(process.env, s3.env(BUCKET));
  dir = await makeTempDir("opencls-s3-backup");
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const contract = await createContract(db(), { territoryId: territory.id, visibility: "published", status: "signed" });
  tenant = { slug: territory.slug, contractId: contract.id, coordinator: await memberActor("coordinator", { territoryId: territory.id }) };
});

afterAll(async () => {
  for (const name of Object.keys(s3.env(BUCKET))) delete process.env[name];
  await Promise.all(clients.map((client) => client.$disconnect()));
  await Promise.all(databases.map((database) => database.drop()));
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

const storage = () => documentStorage() as S3FileStorage;
const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
const keyOf = (documentId: string, bytes: Buffer) => objectKey(documentId, sha256Of(bytes));
const download = async (documentId: string) =>
  Buffer.from((await getWorkspaceDocumentFile(tenant.coordinator, tenant.slug, tenant.contractId, documentId)).bytes);

/** A document of the contract with this file, created by its coordinator through the action; its id. */
async function upload(bytes: Buffer, fields: Record<string, unknown> = {}): Promise<string> {
  const title = `Délibération ${randomUUID()}`;
  const result = await runAction(createDocument, tenant.coordinator, {
    contractId: tenant.contractId,
    kind: "deliberation",
    title,
    file: file(bytes, "deliberation.pdf"),
    ...fields,
  });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (await db().document.findFirstOrThrow({ where: { title }, select: { id: true } })).id;
}

const replace = (documentId: string, version: number, bytes: Buffer) =>
  runAction(updateDocument, tenant.coordinator, {
    documentId,
    version: String(version),
    kind: "deliberation",
    title: `Délibération ${documentId}`,
    file: file(bytes, `v${version + 1}.pdf`),
  });

/** A database of its own for a restore, and the app's client on it. */
async function emptyDatabase() {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  const client = createDbClient(database.url);
  clients.push(client);
  return { url: database.url, db: client };
}

describe("with S3-compatible storage configured", () => {
  it("keeps an uploaded file as an object named by its document and digest, its row in PostgreSQL without bytes, and serves it", async () => {
    expect(documentStorage().name).toBe("s3");
    const bytes = pdfBytes("dans le bucket");
    const documentId = await upload(bytes, { isPublic: "on" });
    const row = await db().documentFile.findUniqueOrThrow({ where: { documentId } });
    expect(row).toMatchObject({ sha256: sha256Of(bytes), sizeBytes: bytes.length, mediaType: "application/pdf" });
    expect(row.content).toHaveLength(0);
    expect(await s3.read(BUCKET, keyOf(documentId, bytes))).toEqual(bytes);

    // Downloaded through the routes' own reads, with the contract's access rules.
    expect(await download(documentId)).toEqual(bytes);
    const publicly = await getPublicDocumentFile(ANONYMOUS, tenant.slug, documentId);
    const response = documentFileResponse(new NextRequest("http://localhost/x"), publicly);
    expect(response.headers.get("etag")).toBe(`"${sha256Of(bytes)}"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    const hidden = await upload(pdfBytes("interne"));
    await expect(getPublicDocumentFile(ANONYMOUS, tenant.slug, hidden)).rejects.toThrow(NotFoundError);
  });

  it("puts a replacing file beside the one it replaces, deletes the old object once the change committed, and deletes objects with their file", async () => {
    const [first, second] = [pdfBytes("version 1"), pdfBytes("version 2")];
    const documentId = await upload(first);
    expect(await replace(documentId, 1, second)).toMatchObject({ ok: true });
    expect(await s3.keys(BUCKET)).toEqual(expect.arrayContaining([keyOf(documentId, second)]));
    expect(await s3.keys(BUCKET)).not.toContain(keyOf(documentId, first));
    expect(await download(documentId)).toEqual(second);
    // The first file again: its object comes back, the second's goes.
    expect(await replace(documentId, 2, first)).toMatchObject({ ok: true });
    expect(await download(documentId)).toEqual(first);
    expect(await s3.keys(BUCKET)).not.toContain(keyOf(documentId, second));

    expect(await runAction(removeDocumentFile, tenant.coordinator, { documentId, version: "3" })).toMatchObject({ ok: true });
    expect(await db().documentFile.count({ where: { documentId } })).toBe(0);
    expect(await s3.keys(BUCKET)).not.toContain(keyOf(documentId, first));

    const deleted = await upload(pdfBytes("à supprimer"));
    expect(await runAction(deleteDocument, tenant.coordinator, { documentId: deleted, version: "1" })).toMatchObject({ ok: true });
    expect((await s3.keys(BUCKET)).filter((key) => key.includes(deleted))).toEqual([]);
  });

  it("keeps the replaced file when the change rolls back, and leaves no object of the new one", async () => {
    const [kept, refused] = [pdfBytes("gardé"), pdfBytes("jamais enregistré")];
    const documentId = await upload(kept);
    const { sha256, mediaType, originalName } = await db().documentFile.findUniqueOrThrow({ where: { documentId } });
    await expect(
      storage().writing(db(), (files) =>
        db().$transaction(async (tx) => {
          await files.put(tx, documentId, { bytes: refused, sha256: sha256Of(refused), mediaType, originalName });
          throw new Error("rolled back after the upload");
        }),
      ),
    ).rejects.toThrow("rolled back after the upload");
    expect(await db().documentFile.findUniqueOrThrow({ where: { documentId }, select: { sha256: true } })).toEqual({ sha256 });
    expect(await download(documentId)).toEqual(kept);
    expect((await s3.keys(BUCKET)).filter((key) => key.includes(documentId))).toEqual([keyOf(documentId, kept)]);
  });

  it("refuses to serve bytes of the bucket that are not the file's, or a missing object", async () => {
    const bytes = pdfBytes("intègre");
    const documentId = await upload(bytes);
    await s3.write(BUCKET, keyOf(documentId, bytes), pdfBytes("altéré"));
    await expect(download(documentId)).rejects.toThrow(
      new RegExp(`^The file of document ${documentId} read back is not the one kept .*: restore it from a backup\\.$`),
    );
    await s3.delete(BUCKET, keyOf(documentId, bytes));
    await expect(download(documentId)).rejects.toThrow(
      `The file of document ${documentId} is missing from bucket ${BUCKET} at ${s3.endpoint}`,
    );
    // Nor does the PostgreSQL store pretend to have such a file.
    await expect(postgresqlStorage.get(db(), documentId)).rejects.toThrow(
      /kept in S3-compatible storage, which this instance is not configured for/,
    );
    // The object restored, the file is served again.
    await s3.write(BUCKET, keyOf(documentId, bytes), bytes);
    expect(await download(documentId)).toEqual(bytes);
  });

  it("sweeps, a day later, the objects no row names, unless a backup is reading the bucket", async () => {
    const bytes = pdfBytes("nommé");
    const documentId = await upload(bytes);
    const orphan = objectKey(documentId, sha256Of(randomBytes(8)));
    const foreign = "autre-application/fichier.txt";
    await s3.write(BUCKET, orphan, randomBytes(16));
    await s3.write(BUCKET, foreign, randomBytes(16));
    // Young: it may belong to a transaction still running. The worker runs the sweep every night.
    expect(JOBS).toContain(documentObjectSweepJob);
    await runJob(documentObjectSweepJob, {});
    expect(await s3.keys(BUCKET)).toContain(orphan);
    expect(await storage().sweep(db())).toBe(0);
    const later = new Date(Date.now() + SWEEP_AFTER_MS + 60_000);
    // A backup holds the lock: nothing goes while it copies the objects.
    const backup = new pg.Client({ connectionString: appDatabase().url });
    await backup.connect();
    await backup.query("SELECT pg_advisory_lock($1)", [DOCUMENT_OBJECTS_LOCK]);
    expect(await storage().sweep(db(), later)).toBe(0);
    await backup.end();
    expect(await storage().sweep(db(), later)).toBeGreaterThanOrEqual(1);
    const keys = await s3.keys(BUCKET);
    expect(keys).not.toContain(orphan);
    expect(keys).toEqual(expect.arrayContaining([keyOf(documentId, bytes), foreign]));
  });
});

describe("backups with S3-compatible storage", () => {
  it("hold the bucket's files, even one replaced while the backup runs, and a restore moves them into the bucket", async () => {
    const [before, after] = [Buffer.concat([pdfBytes("sauvegardé"), randomBytes(300_000)]), pdfBytes("remplacé pendant la sauvegarde")];
    const documentId = await upload(before);
    const file = path.join(dir, "s3.backup.gz");
    await writeBackup(appDatabase().url, file, {
      externalFiles: { read: storage().read, lock: DOCUMENT_OBJECTS_LOCK },
      // A coordinator replaces the file after the snapshot, before DocumentFile is copied.
      onTable: async (table) => {
        if (table === "AuditEvent") expect(await replace(documentId, 1, after)).toMatchObject({ ok: true });
      },
    });
    // The replaced object outlived the backup; the sweep deletes it.
    expect(await s3.keys(BUCKET)).toContain(keyOf(documentId, before));

    // Restored without a bucket: the files are in their rows, and the PostgreSQL store serves them.
    const plain = await emptyDatabase();
    await restoreBackup(plain.url, file);
    const restored = await plain.db.documentFile.findUniqueOrThrow({ where: { documentId } });
    expect(Buffer.from(restored.content)).toEqual(before);
    expect(Buffer.from((await postgresqlStorage.get(plain.db, documentId))!.bytes)).toEqual(before);
    expect(await plain.db.documentFile.count()).toBe(await db().documentFile.count());

    // Restored from the command line with a bucket configured: the files move into it.
    const target = await emptyDatabase();
    const restore = await runCli("lib/cli/restore.ts", [file], { DATABASE_URL: target.url, ...s3.env(RESTORED_BUCKET) });
    expect(restore.code, restore.stderr).toBe(0);
    const files = await db().documentFile.count();
    expect(restore.stdout).toContain(`Moved ${files} documents' files into bucket ${RESTORED_BUCKET}.`);
    expect(await s3.keys(RESTORED_BUCKET)).toHaveLength(files);
    expect((await target.db.documentFile.findUniqueOrThrow({ where: { documentId } })).content).toHaveLength(0);
    const moved = await documentStorage({ ...process.env, ...s3.env(RESTORED_BUCKET) }).get(target.db, documentId);
    expect(Buffer.from(moved!.bytes)).toEqual(before);
  });

  it("are made from the command line with the bucket's files, and refused without the bucket's settings", async () => {
    const bytes = pdfBytes("en ligne de commande");
    const documentId = await upload(bytes);
    const file = path.join(dir, "cli.backup.gz");
    const backup = await runCli("lib/cli/backup.ts", [file], { DATABASE_URL: appDatabase().url });
    expect(backup.code, backup.stderr).toBe(0);
    const target = await emptyDatabase();
    await restoreBackup(target.url, file);
    expect(Buffer.from((await target.db.documentFile.findUniqueOrThrow({ where: { documentId } })).content)).toEqual(bytes);

    const unset = Object.fromEntries(Object.keys(s3.env(BUCKET)).map((name) => [name, ""]));
    const refused = await runCli("lib/cli/backup.ts", [path.join(dir, "refused.backup.gz")], { DATABASE_URL: appDatabase().url, ...unset });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^opencls: \d+ documents' files are kept in S3-compatible storage, which is not configured here: back up with the app's OPENCLS_S3_\* settings\.$/,
    );
  });
});

describe("S3-compatible storage's settings", () => {
  const complete = {
    OPENCLS_S3_BUCKET: "cls-fichiers",
    OPENCLS_S3_REGION: "fr-par",
    OPENCLS_S3_ACCESS_KEY_ID: "id",
    OPENCLS_S3_SECRET_ACCESS_KEY: "secret",
  };

  it("keep files in PostgreSQL when none is set, and take a complete set with the provider's defaults", () => {
    expect(s3StorageConfig({})).toBeNull();
    expect(s3StorageConfig({ OPENCLS_S3_BUCKET: " ", OPENCLS_S3_ENDPOINT: "" })).toBeNull();
    expect(s3StorageConfig(complete)).toEqual({
      bucket: "cls-fichiers",
      region: "fr-par",
      accessKeyId: "id",
      secretAccessKey: "secret",
      endpoint: undefined,
      forcePathStyle: false,
    });
    expect(s3StorageConfig({ ...complete, OPENCLS_S3_ENDPOINT: "https://s3.fr-par.scw.cloud" })).toMatchObject({ forcePathStyle: true });
    expect(
      s3StorageConfig({ ...complete, OPENCLS_S3_ENDPOINT: "https://s3.fr-par.scw.cloud", OPENCLS_S3_FORCE_PATH_STYLE: "false" }),
    ).toMatchObject({ forcePathStyle: false });
  });

  it("refuse a partial or invalid set with an English message that names the variables, never the secret", () => {
    const refusals: Array<[Record<string, string>, string]> = [
      [
        { OPENCLS_S3_BUCKET: "cls-fichiers" },
        "S3-compatible storage needs OPENCLS_S3_BUCKET, OPENCLS_S3_REGION, OPENCLS_S3_ACCESS_KEY_ID and OPENCLS_S3_SECRET_ACCESS_KEY together: OPENCLS_S3_REGION, OPENCLS_S3_ACCESS_KEY_ID and OPENCLS_S3_SECRET_ACCESS_KEY are missing (OPENCLS_S3_BUCKET is set). Set none of them to keep files in PostgreSQL.",
      ],
      [
        { ...complete, OPENCLS_S3_BUCKET: "", OPENCLS_S3_ENDPOINT: "http://minio:9000" },
        "S3-compatible storage needs OPENCLS_S3_BUCKET, OPENCLS_S3_REGION, OPENCLS_S3_ACCESS_KEY_ID and OPENCLS_S3_SECRET_ACCESS_KEY together: OPENCLS_S3_BUCKET is missing (OPENCLS_S3_REGION, OPENCLS_S3_ACCESS_KEY_ID, OPENCLS_S3_SECRET_ACCESS_KEY and OPENCLS_S3_ENDPOINT are set). Set none of them to keep files in PostgreSQL.",
      ],
      [
        { ...complete, OPENCLS_S3_BUCKET: "Mes_Fichiers" },
        'OPENCLS_S3_BUCKET must be a bucket name (3 to 63 lowercase letters, digits, dots and hyphens), got "Mes_Fichiers"',
      ],
      [{ ...complete, OPENCLS_S3_REGION: "fr par" }, 'OPENCLS_S3_REGION must be a region name such as eu-west-3 or fr-par, got "fr par"'],
      [
        { ...complete, OPENCLS_S3_ENDPOINT: "s3.fr-par.scw.cloud" },
        'OPENCLS_S3_ENDPOINT must be an http:// or https:// address such as https://s3.fr-par.scw.cloud, got "s3.fr-par.scw.cloud"',
      ],
      [{ ...complete, OPENCLS_S3_FORCE_PATH_STYLE: "oui" }, 'OPENCLS_S3_FORCE_PATH_STYLE must be true or false, got "oui"'],
    ];
    for (const [env, message] of refusals) {
      expect(() => s3StorageConfig(env), message).toThrow(message);
    }
  });

  it("stop the start with one line: a partial set, or a bucket that does not answer", async () => {
    // A database nobody answers at: a start that got past the bucket would stop there.
    const start = async (env: Record<string, string>) =>
      runCli("lib/cli/start.ts", [], {
        PORT: String(await freePort()),
        NEXTAUTH_SECRET: "test-secret",
        DATABASE_URL: `postgresql://cls@127.0.0.1:${await freePort()}/opencls`,
        ...env,
      });
    const partial = await start({
      OPENCLS_S3_BUCKET: "cls-fichiers",
      OPENCLS_S3_REGION: "",
      OPENCLS_S3_ACCESS_KEY_ID: "",
      OPENCLS_S3_SECRET_ACCESS_KEY: "Sup3rSecret",
    });
    expect(partial.code).toBe(1);
    expect(partial.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^opencls: S3-compatible storage needs .*: OPENCLS_S3_REGION and OPENCLS_S3_ACCESS_KEY_ID are missing/),
    ]);
    expect(partial.stderr).not.toContain("Sup3rSecret");

    const missing = await start(s3.env("pas-de-bucket"));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n").at(-1)).toBe(
      `opencls: Cannot use bucket pas-de-bucket at ${s3.endpoint} for documents' files: no such bucket.`,
    );
    const wrongKey = await start({ ...s3.env(BUCKET), OPENCLS_S3_ACCESS_KEY_ID: "inconnu" });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr.trim().split("\n").at(-1)).toBe(
      `opencls: Cannot use bucket ${BUCKET} at ${s3.endpoint} for documents' files: access denied to these credentials.`,
    );
  });
});

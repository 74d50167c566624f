// A contract's documents with files: coordinators upload a file (its type told by its content,
// its size under the limit), replace it, remove it, delete the document with it; the bytes are
// kept in PostgreSQL apart from the document, never read by a list; a file is downloaded by
// whoever reads the contract in the workspace, and by anyone only when the contract is published
// and the document public; another territory's ids are not found.
import { createHash, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { executeFormAction } from "@/lib/actions/define";
import { ANONYMOUS, NotFoundError } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { contentDisposition, documentFileResponse } from "@/lib/documents/download";
import { FILE_TYPE_MESSAGE } from "@/lib/documents/file-check";
import { createDocument, deleteDocument, removeDocumentFile, updateDocument } from "@/lib/documents/mutations";
import { getContractDocuments, getPublicDocumentFile, getWorkspaceDocumentFile } from "@/lib/documents/queries";
import { documentStorage } from "@/lib/documents/storage";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { memberActor, runAction } from "../support/actors";
import { setupAppDatabase } from "../support/database";
import {
  documentFileRow,
  docxBytes,
  htmlBytes,
  jpegBytes,
  odsBytes,
  odtBytes,
  pdfBytes,
  pngBytes,
  xlsxBytes,
  zipBytes,
} from "../support/document-files";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const run = runAction;
const member = memberActor;

async function tenant(contract: { visibility?: "published" | "draft"; status?: "signed" | "preparation" } = {}) {
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const created = await createContract(db(), { territoryId: territory.id, visibility: "published", status: "signed", ...contract });
  return { region, territory, contract: created, coordinator: await member("coordinator", { territoryId: territory.id }) };
}

let own: Awaited<ReturnType<typeof tenant>>;
let foreign: Awaited<ReturnType<typeof tenant>>;
beforeAll(async () => {
  [own, foreign] = await Promise.all([tenant(), tenant()]);
});

afterEach(() => {
  delete process.env.OPENCLS_DOCUMENT_MAX_MB;
});

const file = (bytes: Buffer, name: string, type = "application/octet-stream") => new File([new Uint8Array(bytes)], name, { type });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A document of the own contract, created by its coordinator through the action; its id. */
async function upload(fields: Record<string, unknown>, contractId = own.contract.id, actor = own.coordinator) {
  const title = `Contrat signé ${randomUUID()}`;
  const result = await run(createDocument, actor, { contractId, kind: "contract", title, issuedOn: "2024-06-14", ...fields });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (await db().document.findFirstOrThrow({ where: { title: (fields.title as string | undefined) ?? title }, select: { id: true } }))
    .id;
}

describe("document files: storage", () => {
  it("keeps an uploaded file's bytes in PostgreSQL apart from the document, with its SHA-256, size, type and cleaned name", async () => {
    const bytes = pdfBytes();
    const documentId = await upload({ file: file(bytes, "C:\\Users\\agent\\Contrat signé\u0007.pdf", "application/pdf"), isPublic: "on" });
    const row = await db().documentFile.findUniqueOrThrow({ where: { documentId } });
    expect(row).toMatchObject({
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
      mediaType: "application/pdf",
      originalName: "Contrat signé.pdf",
    });
    expect(Buffer.from(row.content).equals(bytes)).toBe(true);
    const stored = await documentStorage().get(db(), documentId);
    expect(Buffer.from(stored!.bytes).equals(bytes)).toBe(true);
    expect(await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { isPublic: true, url: true } })).toEqual({
      isPublic: true,
      url: null,
    });
    // The audit log says which file.
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: documentId, action: "document.create" } });
    expect((event.changes as Record<string, { after: unknown }>).file.after).toMatch(/^Contrat signé\.pdf \(PDF, \d+\u00a0octets\)$/);
  });

  it("lists documents with their file's name, type and size, in one query that never reads the bytes", async () => {
    const documentId = await upload({ file: file(pngBytes(), "plan.png") });
    const { result, queries } = await countQueries(() => getContractDocuments(own.coordinator, own.territory.slug, own.contract.id));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain("DocumentFile");
    expect(queries[0]).not.toMatch(/"content"/);
    expect(result.editable).toBe(true);
    expect(result.maxBytes).toBe(20 * 1024 * 1024);
    expect(result.documents.find((document) => document.id === documentId)?.file).toEqual({
      originalName: "plan.png",
      mediaType: "image/png",
      sizeBytes: pngBytes().length,
    });
  });

  it("replaces a file with a new one, removes it while the web address stays, and deletes the document with its file", async () => {
    const documentId = await upload({ file: file(pdfBytes("v1"), "v1.pdf"), url: "https://www.exemple.fr/contrat.pdf" });
    const title = "Contrat signé (version remplacée)";
    const next = await docxBytes();
    expect(
      await run(updateDocument, own.coordinator, {
        documentId,
        version: "1",
        kind: "contract",
        title,
        url: "https://www.exemple.fr/contrat.pdf",
        file: file(next, "v2.docx"),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db().documentFile.findUniqueOrThrow({ where: { documentId }, select: { sha256: true, originalName: true, mediaType: true } }),
    ).toEqual({
      sha256: sha256(next),
      originalName: "v2.docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    // Saving the form without choosing a file keeps the file.
    expect(
      await run(updateDocument, own.coordinator, { documentId, version: "2", kind: "contract", title, url: "", isPublic: "on" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await db().documentFile.count({ where: { documentId } })).toBe(1);
    // A stale version is refused and changes nothing.
    expect(await run(removeDocumentFile, own.coordinator, { documentId, version: "2" })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await run(removeDocumentFile, own.coordinator, { documentId, version: "3" })).toMatchObject({ ok: true });
    expect(await db().documentFile.count({ where: { documentId } })).toBe(0);
    expect(await db().document.count({ where: { id: documentId } })).toBe(1);

    const kept = await upload({ file: file(pdfBytes(), "garde.pdf") });
    expect(await run(deleteDocument, own.coordinator, { documentId: kept, version: "1" })).toMatchObject({
      ok: true,
      message: expect.stringContaining("avec son fichier"),
    });
    expect(await db().document.count({ where: { id: kept } })).toBe(0);
    expect(await db().documentFile.count({ where: { documentId: kept } })).toBe(0);
  });

  it("refuses in the database a file row whose size or digest does not describe its content, and deletes files with their contract", async () => {
    const documentId = await upload({});
    const bytes = pdfBytes();
    await expect(
      db().documentFile.create({ data: { documentId, ...documentFileRow(bytes), sizeBytes: bytes.length + 1 } }),
    ).rejects.toThrow(/DocumentFile_content_check/);
    await expect(db().documentFile.create({ data: { documentId, ...documentFileRow(bytes), sha256: "x".repeat(64) } })).rejects.toThrow(
      /DocumentFile_content_check/,
    );
    const doomed = await tenant();
    const kept = await upload({ file: file(bytes, "contrat.pdf") }, doomed.contract.id, doomed.coordinator);
    await db().contract.delete({ where: { id: doomed.contract.id } });
    expect(await db().documentFile.count({ where: { documentId: kept } })).toBe(0);
  });

  it("keeps a web address instead of a file, and takes only web addresses", async () => {
    const documentId = await upload({ url: "https://www.ars.sante.fr/cls.pdf" });
    expect(await db().documentFile.count({ where: { documentId } })).toBe(0);
    for (const url of ["javascript:alert(1)", "ftp://exemple.fr/a.pdf", "www.exemple.fr", "data:text/html,x"]) {
      expect(await run(createDocument, own.coordinator, { contractId: own.contract.id, kind: "other", title: "Lien", url })).toMatchObject({
        ok: false,
        fieldErrors: { url: expect.stringContaining("adresse web") },
      });
    }
  });
});

describe("document files: type and size", () => {
  it("accepts PDF, ODT, DOCX, ODS, XLSX, PNG and JPEG, typed by their content", async () => {
    const samples: Array<[Buffer, string, string]> = [
      [pdfBytes(), "contrat.PDF", "application/pdf"],
      [odtBytes(), "deliberation.odt", "application/vnd.oasis.opendocument.text"],
      [await docxBytes(), "avenant.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [odsBytes(), "budget.ods", "application/vnd.oasis.opendocument.spreadsheet"],
      [await xlsxBytes(), "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [pngBytes(), "carte.png", "image/png"],
      [jpegBytes(), "photo.jpeg", "image/jpeg"],
      // No extension: the content's is added.
      [pdfBytes(), "compte-rendu", "application/pdf"],
    ];
    for (const [bytes, name, mediaType] of samples) {
      // The browser's declared type is not believed: the content is.
      const documentId = await upload({ file: file(bytes, name, "text/html") });
      const stored = await db().documentFile.findUniqueOrThrow({ where: { documentId }, select: { mediaType: true, originalName: true } });
      expect(stored.mediaType, name).toBe(mediaType);
      expect(stored.originalName, name).toBe(name === "compte-rendu" ? "compte-rendu.pdf" : name);
    }
  });

  it("refuses other contents, whatever their name or declared type, with a French message at the file field, and keeps nothing", async () => {
    const before = await db().document.count();
    const refusals: Array<[Buffer, string, string | RegExp]> = [
      [htmlBytes(), "contrat.pdf", FILE_TYPE_MESSAGE],
      [Buffer.from("MZ\x90\x00 un programme"), "contrat.pdf", FILE_TYPE_MESSAGE],
      [Buffer.from("Numéro;Axe\n1;1\n"), "fiches.csv", FILE_TYPE_MESSAGE],
      // An archive that is neither an OpenDocument nor an Office Open XML file.
      [zipBytes([["script.js", "alert(1)"]]), "avenant.docx", FILE_TYPE_MESSAGE],
      [
        zipBytes([
          ["[Content_Types].xml", "<Types/>"],
          ["payload.exe", "MZ"],
        ]),
        "budget.xlsx",
        FILE_TYPE_MESSAGE,
      ],
      [
        zipBytes([
          ["mimetype", "application/x-executable"],
          ["content.xml", "<x/>"],
        ]),
        "rapport.odt",
        FILE_TYPE_MESSAGE,
      ],
      // An accepted content under another type's extension.
      [pngBytes(), "contrat.pdf", /ne correspond pas à son extension \.pdf\u00a0: c’est un fichier PNG/],
      [pdfBytes(), "page.html", /ne correspond pas à son extension \.html/],
      [Buffer.alloc(0), "vide.pdf", "Ce fichier est vide."],
    ];
    for (const [bytes, name, message] of refusals) {
      const result = await run(createDocument, own.coordinator, {
        contractId: own.contract.id,
        kind: "contract",
        title: "Refusé",
        file: file(bytes, name, "application/pdf"),
      });
      expect(result, name).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { file: expect.stringMatching(message) } });
    }
    expect(await db().document.count()).toBe(before);
  });

  it("refuses a file over the limit, 20 Mo unless OPENCLS_DOCUMENT_MAX_MB says otherwise, and keeps the document as it was", async () => {
    const padded = (size: number) => Buffer.concat([pdfBytes(), Buffer.alloc(size - pdfBytes().length, 0x20)]);
    const tooLarge = await run(createDocument, own.coordinator, {
      contractId: own.contract.id,
      kind: "contract",
      title: "Trop lourd",
      file: file(padded(20 * 1024 * 1024 + 1), "lourd.pdf"),
    });
    expect(tooLarge).toMatchObject({
      ok: false,
      fieldErrors: {
        file: "Ce fichier dépasse 20\u00a0Mo\u00a0: réduisez-le (PDF compressé, images moins lourdes), ou indiquez plutôt l’adresse web où il se lit.",
      },
    });
    // At the limit exactly, it is kept.
    const documentId = await upload({ file: file(padded(20 * 1024 * 1024), "juste.pdf") });
    expect(await db().documentFile.findUniqueOrThrow({ where: { documentId }, select: { sizeBytes: true } })).toEqual({
      sizeBytes: 20 * 1024 * 1024,
    });

    process.env.OPENCLS_DOCUMENT_MAX_MB = "1";
    const replaced = await run(updateDocument, own.coordinator, {
      documentId,
      version: "1",
      kind: "contract",
      title: "Juste",
      file: file(padded(1024 * 1024 + 1), "autre.pdf"),
    });
    expect(replaced).toMatchObject({ ok: false, fieldErrors: { file: expect.stringMatching(/^Ce fichier dépasse 1\u00a0Mo/) } });
    expect(
      await db().document.findUniqueOrThrow({
        where: { id: documentId },
        select: { version: true, file: { select: { sizeBytes: true } } },
      }),
    ).toEqual({
      version: 1,
      file: { sizeBytes: 20 * 1024 * 1024 },
    });
  });

  it("takes files through the form's path (FormData) as the browser sends them", async () => {
    const formData = new FormData();
    formData.set("contractId", own.contract.id);
    formData.set("kind", "deliberation");
    formData.set("title", "Délibération par formulaire");
    formData.set("issuedOn", "");
    formData.set("url", "");
    formData.set("file", file(odtBytes(), "délibération.odt"));
    const result = await executeFormAction(createDocument, { db: db(), actor: own.coordinator, ip: null }, formData);
    expect(result).toMatchObject({ ok: true });
    // An empty file input sends an empty, nameless file: no file, not a refusal.
    const none = new FormData();
    for (const [name, value] of Object.entries({ contractId: own.contract.id, kind: "other", title: "Sans fichier" }))
      none.set(name, value);
    none.set("file", new File([], "", { type: "application/octet-stream" }));
    expect(await executeFormAction(createDocument, { db: db(), actor: own.coordinator, ip: null }, none)).toMatchObject({ ok: true });
    // As a server action receives it: React rebuilds the nameless part as a file named "undefined".
    none.set("title", "Sans fichier, par le réseau");
    none.set("file", new File([], "undefined", { type: "application/octet-stream" }));
    expect(await executeFormAction(createDocument, { db: db(), actor: own.coordinator, ip: null }, none)).toMatchObject({ ok: true });
    expect(await db().documentFile.count({ where: { document: { title: { startsWith: "Sans fichier" } } } })).toBe(0);
  });
});

describe("document files: who downloads them", () => {
  it("serves a public document of a published contract to anyone, and nothing else to the public", async () => {
    const bytes = pdfBytes("public");
    const shown = await upload({ file: file(bytes, "public.pdf"), isPublic: "on" });
    const hidden = await upload({ file: file(pdfBytes("privé"), "prive.pdf") });
    const downloaded = await getPublicDocumentFile(ANONYMOUS, own.territory.slug, shown);
    expect(Buffer.from(downloaded.bytes).equals(bytes)).toBe(true);
    expect(downloaded.servedPublicly).toBe(true);
    await expect(getPublicDocumentFile(ANONYMOUS, own.territory.slug, hidden)).rejects.toThrow(NotFoundError);
    // Under another territory's address, the public document is not found either.
    await expect(getPublicDocumentFile(ANONYMOUS, foreign.territory.slug, shown)).rejects.toThrow(NotFoundError);
    // A public document without a file has nothing to download.
    const link = await upload({ url: "https://www.exemple.fr/a.pdf", isPublic: "on" });
    await expect(getPublicDocumentFile(ANONYMOUS, own.territory.slug, link)).rejects.toThrow(NotFoundError);
  });

  it("keeps a public document of a draft or unpublished contract from the public", async () => {
    for (const contract of [{ visibility: "draft" as const }, { status: "preparation" as const, visibility: "draft" as const }]) {
      const draft = await tenant(contract);
      const documentId = await upload({ file: file(pdfBytes(), "projet.pdf"), isPublic: "on" }, draft.contract.id, draft.coordinator);
      await expect(getPublicDocumentFile(ANONYMOUS, draft.territory.slug, documentId)).rejects.toThrow(NotFoundError);
      expect((await getWorkspaceDocumentFile(draft.coordinator, draft.territory.slug, draft.contract.id, documentId)).servedPublicly).toBe(
        false,
      );
    }
  });

  it("serves any document of a contract to whoever reads it in the workspace, and answers not found to others and under other ids", async () => {
    const documentId = await upload({ file: file(pdfBytes("interne"), "interne.pdf") });
    const readers = [own.coordinator, await member("ars_officer", { regionId: own.region.id })];
    for (const actor of readers) {
      const downloaded = await getWorkspaceDocumentFile(actor, own.territory.slug, own.contract.id, documentId);
      expect(downloaded.originalName).toBe("interne.pdf");
    }
    const outsiders = [
      ANONYMOUS,
      foreign.coordinator,
      await member("ars_officer", { regionId: foreign.region.id }),
      // A partner whose organisation takes no part in the contract.
      await member("partner", { territoryId: own.territory.id, organisationId: (await createOrganisation(db())).id }),
    ];
    for (const actor of outsiders)
      await expect(getWorkspaceDocumentFile(actor, own.territory.slug, own.contract.id, documentId)).rejects.toThrow(NotFoundError);
    // The foreign coordinator names the document under their own territory and contract: not found.
    await expect(getWorkspaceDocumentFile(foreign.coordinator, foreign.territory.slug, foreign.contract.id, documentId)).rejects.toThrow(
      NotFoundError,
    );
    await expect(getWorkspaceDocumentFile(own.coordinator, own.territory.slug, foreign.contract.id, documentId)).rejects.toThrow(
      NotFoundError,
    );
    await expect(getContractDocuments(foreign.coordinator, own.territory.slug, own.contract.id)).rejects.toThrow(NotFoundError);
  });

  it("lets no one but the territory's coordinators change a document, and answers another territory's ids as not found", async () => {
    const documentId = await upload({ file: file(pdfBytes(), "a-garder.pdf") });
    const ars = await member("ars_officer", { regionId: own.region.id });
    for (const actor of [ars, foreign.coordinator, ANONYMOUS]) {
      expect(await run(removeDocumentFile, actor, { documentId, version: "1" })).toMatchObject({ ok: false, reason: "notFound" });
      expect(await run(deleteDocument, actor, { documentId, version: "1" })).toMatchObject({ ok: false, reason: "notFound" });
      expect(
        await run(createDocument, actor, {
          contractId: own.contract.id,
          kind: "other",
          title: "Intrus",
          file: file(pdfBytes(), "intrus.pdf"),
        }),
      ).toMatchObject({ ok: false, reason: "notFound" });
    }
    expect(await db().documentFile.count({ where: { documentId } })).toBe(1);
  });

  it("answers with the stored type, an attachment's name, nosniff and the cache rules of its audience", async () => {
    const bytes = pdfBytes();
    const documentId = await upload({ file: file(bytes, "Délibération n°12 « CLS ».pdf"), isPublic: "on" });
    const download = await getPublicDocumentFile(ANONYMOUS, own.territory.slug, documentId);
    const response = documentFileResponse(new NextRequest("http://localhost/x"), download);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Deliberation n_12 _ CLS _.pdf"; filename*=UTF-8''D%C3%A9lib%C3%A9ration%20n%C2%B012%20%C2%AB%20CLS%20%C2%BB.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "public, no-cache",
      etag: `"${sha256(bytes)}"`,
      "content-length": String(bytes.length),
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    const revalidated = documentFileResponse(
      new NextRequest("http://localhost/x", { headers: { "if-none-match": `"${sha256(bytes)}"` } }),
      download,
    );
    expect(revalidated.status).toBe(304);
    const privately = documentFileResponse(
      new NextRequest("http://localhost/x"),
      await getWorkspaceDocumentFile(own.coordinator, own.territory.slug, own.contract.id, documentId),
    );
    expect(privately.headers.get("cache-control")).toBe("private, no-store");
    expect(privately.headers.get("etag")).toBeNull();
    expect(contentDisposition('a"b\\c\r\n.pdf')).toBe(`attachment; filename="a_b_c__.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0A.pdf`);
  });
});

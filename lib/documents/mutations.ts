// A contract's documents, managed by its territory's coordinators ("contract.edit"): recorded with
// a web address or a file (checked: lib/documents/file-check.ts; kept: lib/documents/storage.ts),
// edited from the version loaded (a new file replaces the old one), their file removed, deleted
// with their file. Each write, the file's included, commits with its audit event; the store then
// lets go of bytes no row needs any more (lib/documents/storage.ts).
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { RefusedError } from "@/lib/actions/errors";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { onContract } from "@/lib/actions/targets";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { changeAudited, insertAudited } from "@/lib/audit/record";
import { historySnapshot, type HistoryValue } from "@/lib/catalogue";
import type { Tx } from "@/lib/db/client";
import { formatFileSize } from "@/lib/format";
import { documentMaxBytes } from "./config";
import { checkDocumentFile } from "./file-check";
import { fileTypeLabel } from "./file-types";
import { loadDocumentResource } from "./resource";
import {
  createDocumentSchema,
  documentVersionSchema,
  DOCUMENT_FIELDS,
  OTHER_CONTRACT_AMENDMENT_MESSAGE,
  updateDocumentSchema,
  type DocumentFields,
} from "./schema";
import { documentFileSummarySelect, documentValuesSelect } from "./selects";
import { documentStorage, type CheckedFile } from "./storage";

/** Writes that carry a file of up to 100 MB get more than Prisma's 5 s. */
const FILE_TRANSACTION = { timeoutMs: 60_000 };

/** « rapport.pdf (PDF, 1,2 Mo) », as history shows a file. */
const fileLabel = (file: { originalName: string; mediaType: string; sizeBytes: number } | null) =>
  file ? `${file.originalName} (${fileTypeLabel(file.mediaType)}, ${formatFileSize(file.sizeBytes)})` : null;

/** The document as history keeps it: its fields, and its file. */
async function readBack(tx: Tx, documentId: string): Promise<Record<string, HistoryValue>> {
  const document = await tx.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { ...documentValuesSelect, file: { select: documentFileSummarySelect } },
  });
  return { ...historySnapshot(DOCUMENT_FIELDS, document), file: fileLabel(document.file) };
}

/** The file sent with the form, checked; null when none was chosen; a field error to answer otherwise. */
async function checkedFile(fields: DocumentFields): Promise<{ file: CheckedFile | null } | { refusal: ActionResult<never> }> {
  if (!fields.file) return { file: null };
  const checked = await checkDocumentFile(fields.file, documentMaxBytes());
  return "error" in checked ? { refusal: fieldError("file", checked.error) } : { file: checked.file };
}

const columnsOf = ({ kind, title, issuedOn, url, isPublic, amendmentId }: DocumentFields) => ({
  kind,
  title,
  issuedOn,
  url,
  isPublic,
  amendmentId,
});

/** Refuses, at its field, an amendment that is not one of the contract's (another contract's is not found). */
async function assertContractAmendment(tx: Tx, amendmentId: string | null, contract: { contractId: string } | { documentId: string }) {
  if (!amendmentId) return;
  const where =
    "contractId" in contract ? { contractId: contract.contractId } : { contract: { documents: { some: { id: contract.documentId } } } };
  if (!(await tx.amendment.count({ where: { id: amendmentId, ...where } })))
    throw new RefusedError(OTHER_CONTRACT_AMENDMENT_MESSAGE, "amendmentId");
}
const saved = (title: string) => `«\u00a0${title}\u00a0»\u00a0: le document est enregistré.`;

export const createDocument = onContract("document.create", createDocumentSchema, async (context, input, { territoryId = null }) => {
  const checked = await checkedFile(input);
  if ("refusal" in checked) return checked.refusal;
  await documentStorage().writing(context.db, (files) =>
    context.db.$transaction(
      (tx) =>
        insertAudited(
          tx,
          context,
          { action: "document.create", entityType: "Document", entityLabel: input.title, territoryId, after: readBack },
          async (tx) => {
            await assertContractAmendment(tx, input.amendmentId, input);
            const document = await tx.document.create({
              data: { contractId: input.contractId, ...columnsOf(input), issuedPrecision: "day" },
              select: { id: true },
            });
            if (checked.file) await files.put(tx, document.id, checked.file);
            return document;
          },
        ),
      { timeout: FILE_TRANSACTION.timeoutMs },
    ),
  );
  return ok(null, saved(input.title));
});

const onDocument = actionsOn("contract.edit", (db, { documentId }: { documentId: string }) => loadDocumentResource(db, documentId));

export const updateDocument = onDocument("document.update", updateDocumentSchema, async (context, input, { territoryId = null }) => {
  const checked = await checkedFile(input);
  if ("refusal" in checked) return checked.refusal;
  const { documentId, version } = input;
  await documentStorage().writing(context.db, (files) =>
    saveVersioned(
      context,
      {
        action: "document.update",
        entityType: "Document",
        entityId: documentId,
        entityLabel: input.title,
        territoryId,
        baseVersion: version,
      },
      async (tx) => {
        await assertContractAmendment(tx, input.amendmentId, { documentId });
        const before = await readBack(tx, documentId);
        // A date the source gave as a month or a year stays so until someone changes it.
        const dateChanged = before.issuedOn !== (input.issuedOn?.toISOString().slice(0, 10) ?? null);
        assertVersionMatched(
          await tx.document.updateMany({
            where: { id: documentId, version },
            data: { ...columnsOf(input), ...(dateChanged ? { issuedPrecision: "day" as const } : {}), version: { increment: 1 } },
          }),
        );
        if (checked.file) await files.put(tx, documentId, checked.file);
        return { before, after: await readBack(tx, documentId) };
      },
      FILE_TRANSACTION,
    ),
  );
  return ok(null, saved(input.title));
});

/** The document's title, for messages and the audit log (the record is authorized: it exists). */
const titleOf = async (context: ActionContext, documentId: string) =>
  (await context.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { title: true } })).title;

export const removeDocumentFile = onDocument(
  "document.removeFile",
  documentVersionSchema,
  async (context, { documentId, version }, { territoryId = null }) => {
    const title = await titleOf(context, documentId);
    await documentStorage().writing(context.db, (files) =>
      changeAudited(
        context,
        { action: "document.removeFile", entityType: "Document", entityId: documentId, entityLabel: title, territoryId },
        async (tx) => {
          const before = await readBack(tx, documentId);
          assertVersionMatched(await tx.document.updateMany({ where: { id: documentId, version }, data: { version: { increment: 1 } } }));
          await files.remove(tx, documentId);
          return { before, after: await readBack(tx, documentId) };
        },
      ),
    );
    return ok(null, `«\u00a0${title}\u00a0»\u00a0: le fichier est retiré.`);
  },
);

export const deleteDocument = onDocument(
  "document.delete",
  documentVersionSchema,
  async (context, { documentId, version }, { territoryId = null }) => {
    const title = await titleOf(context, documentId);
    let hadFile = false;
    await documentStorage().writing(context.db, (files) =>
      changeAudited(
        context,
        { action: "document.delete", entityType: "Document", entityId: documentId, entityLabel: title, territoryId },
        async (tx) => {
          const before = await readBack(tx, documentId);
          hadFile = before.file !== null;
          await files.remove(tx, documentId);
          assertVersionMatched(await tx.document.deleteMany({ where: { id: documentId, version } }));
          return { before };
        },
      ),
    );
    return ok(null, `«\u00a0${title}\u00a0»\u00a0: le document est supprimé${hadFile ? ", avec son fichier" : ""}.`);
  },
);

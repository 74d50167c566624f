// Checks an uploaded file before it is kept: not empty, not over the size limit, of an
// allow-listed type as its content shows (lib/documents/file-types.ts), and named with an
// extension of that type. Answers what to keep, or the French message the form shows at the field.
// And checks a kept file's bytes against its digest whenever they are read back.
import { createHash } from "node:crypto";
import { ACCEPTED_FILES_TEXT, detectFileType, extensionOf, FILE_TYPES } from "./file-types";
import { fileTooLargeMessage } from "./schema";
import type { CheckedFile } from "./storage";

export const FILE_TYPE_MESSAGE = `Ce type de fichier n’est pas accepté\u00a0: ${ACCEPTED_FILES_TEXT} seulement.`;
export const EMPTY_FILE_MESSAGE = "Ce fichier est vide.";
const mismatchMessage = (extension: string, label: string) =>
  `Le contenu de ce fichier ne correspond pas à son extension .${extension}\u00a0: c’est un fichier ${label}. Renommez-le, ou enregistrez-le à nouveau au bon format.`;

/** Characters a name keeps: no path, no control characters, no quotes that would end a header's value. */
export function cleanFileName(name: string, extension: string): string {
  const base =
    name
      .split(/[/\\]/)
      .at(-1)!
      .normalize("NFC")
      .replace(/[\u0000-\u001f\u007f-\u009f"\u{d800}-\u{dfff}]/gu, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^\.+/, "") || "document";
  const named = extensionOf(base) ? base : `${base}.${extension}`;
  if (named.length <= 255) return named;
  const suffix = `.${extensionOf(named)}`;
  return `${[...named.slice(0, named.length - suffix.length)].slice(0, 200).join("")}${suffix}`;
}

export async function checkDocumentFile(file: File, maxBytes: number): Promise<{ file: CheckedFile } | { error: string }> {
  if (file.size === 0) return { error: EMPTY_FILE_MESSAGE };
  if (file.size > maxBytes) return { error: fileTooLargeMessage(maxBytes) };
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = detectFileType(bytes);
  if (!type) return { error: FILE_TYPE_MESSAGE };
  const { label, mediaType, extensions } = FILE_TYPES[type];
  const extension = extensionOf(file.name);
  if (extension && !(extensions as readonly string[]).includes(extension)) return { error: mismatchMessage(extension, label) };
  return {
    file: {
      bytes,
      sha256: sha256Of(bytes),
      mediaType,
      originalName: cleanFileName(file.name, extensions[0]),
    },
  };
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The bytes read back for a document's file, once checked against the digest its row keeps. */
export function intactBytes<T extends Uint8Array>(documentId: string, bytes: T, expected: { sha256: string; sizeBytes: number }): T {
  if (bytes.length !== expected.sizeBytes || sha256Of(bytes) !== expected.sha256)
    throw new Error(
      `The file of document ${documentId} read back is not the one kept (${bytes.length} bytes, SHA-256 ${sha256Of(bytes)}; expected ${expected.sizeBytes} bytes, ${expected.sha256}): restore it from a backup.`,
    );
  return bytes;
}

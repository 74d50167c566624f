// Checks an uploaded file before it is kept: not empty, not over the size limit, of an
// allow-listed type as its content shows (lib/documents/file-types.ts), and named with an
// extension of that type. Answers what to keep, or the French message the form shows at the field.
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
      sha256: createHash("sha256").update(bytes).digest("hex"),
      mediaType,
      originalName: cleanFileName(file.name, extensions[0]),
    },
  };
}

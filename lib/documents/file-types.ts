// The kinds of file a document may hold, told from their content: the first bytes (and, for the
// ZIP-based office formats, the archive's entries), never the name or the type the browser
// declares. Runs in the browser too (no Node.js API): the form names the accepted types.

export type FileType = {
  /** What the page says: « PDF », « Word (DOCX) »… */
  label: string;
  mediaType: string;
  /** Extensions a file of this type may have, the first one added to a name that has none. */
  extensions: readonly string[];
};

export const FILE_TYPES = {
  pdf: { label: "PDF", mediaType: "application/pdf", extensions: ["pdf"] },
  odt: { label: "OpenDocument texte (ODT)", mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  docx: {
    label: "Word (DOCX)",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  ods: { label: "OpenDocument tableur (ODS)", mediaType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  xlsx: {
    label: "Excel (XLSX)",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  png: { label: "PNG", mediaType: "image/png", extensions: ["png"] },
  jpeg: { label: "JPEG", mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
} as const satisfies Record<string, FileType>;

export type FileTypeKey = keyof typeof FILE_TYPES;

/** The file input's `accept`: extensions and media types of the allow-list. */
export const ACCEPTED_FILES = Object.values(FILE_TYPES)
  .flatMap((type) => [...type.extensions.map((extension) => `.${extension}`), type.mediaType])
  .join(",");

/** « PDF, ODT, DOCX, ODS, XLSX, PNG ou JPEG ». */
export const ACCEPTED_FILES_TEXT = "PDF, ODT, DOCX, ODS, XLSX, PNG ou JPEG";

/** A stored media type's short label, for lists (« PDF », « Excel (XLSX) »), or « Fichier ». */
export function fileTypeLabel(mediaType: string): string {
  return Object.values(FILE_TYPES).find((type) => type.mediaType === mediaType)?.label ?? "Fichier";
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];

/** The allow-listed type the content is, or null. */
export function detectFileType(bytes: Uint8Array): FileTypeKey | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, ZIP_LOCAL_FILE)) return officeType(bytes);
  return null;
}

const OPENDOCUMENT_MIMETYPES: Record<string, FileTypeKey> = {
  [FILE_TYPES.odt.mediaType]: "odt",
  [FILE_TYPES.ods.mediaType]: "ods",
};

/**
 * An OpenDocument file begins with its stored, uncompressed "mimetype" entry; an Office Open XML
 * file lists "[Content_Types].xml" and its main part ("word/document.xml", "xl/workbook.xml") in
 * the archive's central directory. Any other archive is refused.
 */
function officeType(bytes: Uint8Array): FileTypeKey | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // OpenDocument: the first local header names "mimetype", stored (method 0), its content next.
  if (bytes.length >= 38) {
    const method = view.getUint16(8, true);
    const size = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    const name = ascii(bytes, 30, nameLength);
    if (name === "mimetype" && method === 0 && size <= 100) {
      const start = 30 + nameLength + extraLength;
      const type = OPENDOCUMENT_MIMETYPES[ascii(bytes, start, size)];
      if (type && centralDirectoryNames(bytes, view)?.has("content.xml")) return type;
      return null;
    }
  }
  const names = centralDirectoryNames(bytes, view);
  if (!names?.has("[Content_Types].xml")) return null;
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  return null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (start + length > bytes.length) return "";
  let text = "";
  for (let index = start; index < start + length; index++) text += String.fromCharCode(bytes[index]);
  return text;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** Entries read at most: an office file has a few dozen, a few hundred with many images. */
const MAX_ENTRIES = 5_000;

/** The names of a ZIP archive's entries, from its central directory; null when it cannot be read. */
function centralDirectoryNames(bytes: Uint8Array, view: DataView): Set<string> | null {
  // The end record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES) return null;
  const names = new Set<string>();
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_FILE_HEADER) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.add(ascii(bytes, offset + 46, nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The extension of a file name, in lower case, or "". */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1].toLowerCase() : "";
}

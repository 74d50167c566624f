// Files of every kind a document may hold, made here as their programs write them (Word and Excel
// files by the docx and exceljs libraries, OpenDocument archives by a small ZIP writer), and
// files that pretend to be one of them.
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";

/** A small valid PDF: one empty page. */
export function pdfBytes(text = "Contrat local de santé"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  ];
  let body = `%PDF-1.4\n% ${text.replace(/[^\x20-\x7e]/g, "?")}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A 1×1 PNG. */
export const pngBytes = () =>
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** The start of a JPEG (JFIF) file. */
export const jpegBytes = () =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0"), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);

export async function docxBytes(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Délibération du conseil municipal")] }] }));
}

export async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Budget").addRow(["Ligne", 1200]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A ZIP archive of these entries, stored without compression, in this order. */
export function zipBytes(entries: ReadonlyArray<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const openDocument = (mimetype: string) =>
  zipBytes([
    ["mimetype", mimetype],
    ["content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'],
    ["META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>'],
  ]);

export const odtBytes = () => openDocument("application/vnd.oasis.opendocument.text");
export const odsBytes = () => openDocument("application/vnd.oasis.opendocument.spreadsheet");

/** A page of HTML: what a hostile upload named .pdf would hold. */
export const htmlBytes = () => Buffer.from("<!doctype html><script>alert(document.cookie)</script>");

/** A DocumentFile row's columns for these bytes, as the upload would store them (a PDF unless told). */
export function documentFileRow(bytes: Buffer = pdfBytes(), { mediaType = "application/pdf", originalName = "document.pdf" } = {}) {
  return {
    content: new Uint8Array(bytes),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sizeBytes: bytes.length,
    mediaType,
    originalName,
  };
}

// A document's file as an HTTP response: always downloaded (Content-Disposition: attachment),
// never shown in the app's origin; typed by what its content was found to be, with nosniff so that
// no browser guesses otherwise; and sandboxed should it be opened anyway.
import { NextResponse, type NextRequest } from "next/server";
import type { DocumentDownload } from "./queries";

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII name for old clients, the real one for the others (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function documentFileResponse(request: NextRequest, file: DocumentDownload): NextResponse {
  const etag = `"${file.sha256}"`;
  const headers = {
    "Content-Type": file.mediaType,
    "Content-Disposition": contentDisposition(file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Public files are revalidated on each use (a document can be withdrawn); others are never kept.
    "Cache-Control": file.servedPublicly ? "public, no-cache" : "private, no-store",
    ...(file.servedPublicly ? { ETag: etag } : {}),
  };
  if (file.servedPublicly && request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(new Uint8Array(file.bytes), { headers: { ...headers, "Content-Length": String(file.sizeBytes) } });
}

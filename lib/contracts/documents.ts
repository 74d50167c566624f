// A contract's documents as links: to the file uploaded for them, or to their web address. Only
// web addresses (http, https) become links, so that a stored address in another scheme
// (javascript:, data:, file:) never reaches a page.
import { fileTypeLabel } from "@/lib/documents/file-types";
import { formatFileSize } from "@/lib/format";

/** Where a document's link leads, with the site it is on; null when its address is not a web address. */
export function documentLink(url: string | null): { href: string; host: string } | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return { href: parsed.href, host: parsed.hostname.replace(/^www\./, "") };
}

/**
 * Where a document is read: its file here, when one was uploaded (`fileHref` gives its download
 * address), else its web address; with what a reader needs to know before following the link
 * (the file's type and size, or the site). Null when there is neither.
 */
export function documentTarget(
  document: { id: string; url: string | null; file: { mediaType: string; sizeBytes: number } | null },
  fileHref: (documentId: string) => string,
): { href: string; detail: string; file: boolean } | null {
  if (document.file)
    return {
      href: fileHref(document.id),
      detail: `${fileTypeLabel(document.file.mediaType)}, ${formatFileSize(document.file.sizeBytes)}`,
      file: true,
    };
  const link = documentLink(document.url);
  return link ? { href: link.href, detail: link.host, file: false } : null;
}

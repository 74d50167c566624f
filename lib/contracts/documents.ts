// A contract's documents as links for the public: only web addresses (http, https) become links,
// so that a stored address in another scheme (javascript:, data:, file:) never reaches a page.

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

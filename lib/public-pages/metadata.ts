// The metadata every public page gives search engines and link previews: its canonical URL,
// Open Graph tags and a Twitter card. Paths stay relative: the root layout's metadataBase (the
// app's public address, lib/http/public-url.ts) makes them absolute.
import type { Metadata } from "next";

export const SITE_NAME = "OpenCLS";
/** The home page's title, and the site's in link previews. */
export const SITE_TITLE = "OpenCLS · Contrats locaux de santé";
export const SITE_DESCRIPTION =
  "Plateforme ouverte de suivi des contrats locaux de santé\u00a0: axes, fiches actions, partenaires et évaluation.";

export type PublicPageMetadataInput = {
  /** The page's title without the site's name (the root layout's template adds it); none: the site's own title, for the home page. */
  title?: string;
  /** What the page holds: its first 200 characters or so are kept, cut between words. */
  description: string;
  /**
   * The page's canonical path: the path, plus only the query parameters that choose what the page
   * shows (`listHref("/", { region }, page)`), never tracking or presentation parameters.
   */
  path: string;
  /** "article" for a published record (a fiche), with the day it was published; "website" otherwise. */
  type?: "website" | "article";
  publishedTime?: Date;
};

/**
 * Metadata for a public page: `export const metadata = publicPageMetadata({ title, description,
 * path })` on a static page, or returned by `generateMetadata` on a page that reads its record
 * first. Gives `<link rel="canonical">`, `og:type` / `og:locale` (fr_FR) / `og:site_name` /
 * `og:url` / `og:title` / `og:description` and a `twitter:card` "summary".
 */
export function publicPageMetadata({ title, description: text, path, type = "website", publishedTime }: PublicPageMetadataInput): Metadata {
  const shownTitle = title ?? SITE_TITLE;
  const description = summaryOf(text);
  const openGraph = { locale: "fr_FR", siteName: SITE_NAME, url: path, title: shownTitle, description };
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path },
    openGraph:
      type === "article"
        ? { ...openGraph, type, ...(publishedTime ? { publishedTime: publishedTime.toISOString() } : {}) }
        : { ...openGraph, type },
    twitter: { card: "summary", title: shownTitle, description },
  };
}

/** Search results and link previews show about this many characters of a description. */
export const DESCRIPTION_LENGTH = 200;

/** The text on one line, cut between two words with an ellipsis when it is longer than DESCRIPTION_LENGTH. */
function summaryOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= DESCRIPTION_LENGTH) return line;
  const cut = line.slice(0, DESCRIPTION_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > DESCRIPTION_LENGTH / 2 ? cut.slice(0, lastSpace) : cut.slice(0, -1)).replace(/[\s,;:.–-]+$/, "")}…`;
}

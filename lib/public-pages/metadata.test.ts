import { describe, expect, it } from "vitest";
import { DESCRIPTION_LENGTH, publicPageMetadata, SITE_TITLE } from "./metadata";

describe("public page metadata", () => {
  it("gives a page its canonical path, Open Graph tags in French and a summary card", () => {
    expect(
      publicPageMetadata({ title: "Contrat local de santé – Lens", description: "Le contrat.", path: "/territoires/lens-lievin" }),
    ).toEqual({
      title: "Contrat local de santé – Lens",
      description: "Le contrat.",
      alternates: { canonical: "/territoires/lens-lievin" },
      openGraph: {
        type: "website",
        locale: "fr_FR",
        siteName: "OpenCLS",
        url: "/territoires/lens-lievin",
        title: "Contrat local de santé – Lens",
        description: "Le contrat.",
      },
      twitter: { card: "summary", title: "Contrat local de santé – Lens", description: "Le contrat." },
    });
  });

  it("leaves the home page the site's title, and dates a published record as an article", () => {
    const home = publicPageMetadata({ description: "Accueil.", path: "/" });
    expect(home.title).toBeUndefined();
    expect(home.openGraph?.title).toBe(SITE_TITLE);
    const fiche = publicPageMetadata({
      title: "Fiche",
      description: "Objectif.",
      path: "/f",
      type: "article",
      publishedTime: new Date("2026-03-01T08:00:00Z"),
    });
    expect(fiche.openGraph).toMatchObject({ type: "article", publishedTime: "2026-03-01T08:00:00.000Z" });
  });

  it("cuts a long description between two words, on one line", () => {
    const words = "Réduire les inégalités sociales et territoriales de santé,\nconstruire des parcours adaptés ".repeat(6);
    const { description } = publicPageMetadata({ title: "T", description: words, path: "/" });
    expect(description!.length).toBeLessThanOrEqual(DESCRIPTION_LENGTH);
    expect(description).toMatch(/[a-zé]…$/);
    expect(description).not.toContain("\n");
    expect(words.replace(/\s+/g, " ").startsWith(description!.slice(0, -1))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/authz";
import { readSitemapFileName } from "./paths";
import { robotsRules } from "./robots";

describe("robots.txt", () => {
  it("points crawlers at the sitemap index on the app's public address, and keeps them out of private areas but not the open-data API", () => {
    const robots = robotsRules(ANONYMOUS, { NEXTAUTH_URL: "https://cls.exemple.fr" });
    expect(robots.sitemap).toBe("https://cls.exemple.fr/sitemap.xml");
    const rules = [robots.rules].flat()[0];
    expect(rules.allow).toEqual(["/", "/api/v1/"]);
    for (const path of [
      "/espace",
      "/admin",
      "/portefeuille",
      "/engagements",
      "/notifications",
      "/dev",
      "/connexion",
      "/invitation",
      "/desabonnement",
      "/api/",
    ])
      expect(rules.disallow).toContain(path);
  });
});

describe("sitemap file names", () => {
  it("read a file number from its name, and nothing else", () => {
    expect(readSitemapFileName("1.xml")).toBe(1);
    expect(readSitemapFileName("12.xml")).toBe(12);
    for (const name of ["0.xml", "01.xml", "1.XML", "1", "1.xml.gz", "-1.xml", "1e3.xml", "9999999.xml", "__proto__"])
      expect(readSitemapFileName(name)).toBeNull();
  });
});

// Issue 15: the sitemap lists every public page and nothing else (a confidential, unpublished,
// withdrawn or trashed fiche and a draft contract's territory never appear), in well-formed files
// of the Sitemaps protocol that an index lists, each file read by bounded keyset queries.
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { setFicheConfidentiality, withdrawFiche } from "@/lib/publication/mutations";
import { readSitemapFileName } from "@/lib/sitemap/paths";
import { sitemapFile, sitemapIndex, type SitemapOptions } from "@/lib/sitemap/sitemap";
import { SITEMAP_NAMESPACE } from "@/lib/sitemap/xml";
import { createContractWithStructure, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";
import { parseSitemapXml as parseXml } from "../support/sitemap-xml";

setupAppDatabase();

const db = () => getDb();
const env = { NEXTAUTH_URL: "https://cls.exemple.fr" };
const url = (path: string) => `https://cls.exemple.fr${path}`;

async function readText(pieces: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const piece of pieces) text += piece;
  return text;
}

/** Each file the index lists, checked to be a sitemap: its entries. */
async function crawl(options: SitemapOptions = {}) {
  const index = parseXml(await sitemapIndex(ANONYMOUS, { env, ...options }));
  expect([index.root, index.namespace]).toEqual(["sitemapindex", SITEMAP_NAMESPACE]);
  const files = [];
  for (const { loc } of index.entries) {
    expect(loc).toMatch(/^https:\/\/cls\.exemple\.fr\/sitemaps\/\d+\.xml$/);
    const file = await sitemapFile(ANONYMOUS, readSitemapFileName(loc.split("/").at(-1)!)!, { env, ...options });
    const parsed = parseXml(await readText(file!));
    expect([parsed.root, parsed.namespace]).toEqual(["urlset", SITEMAP_NAMESPACE]);
    files.push(parsed.entries);
  }
  return files;
}
const allLocs = async (options: SitemapOptions = {}) => (await crawl(options)).flat().map((entry) => entry.loc);

let published: Awaited<ReturnType<typeof createContractWithStructure>>;
let filtered: Awaited<ReturnType<typeof createContractWithStructure>>;
let draft: Awaited<ReturnType<typeof createContractWithStructure>>;

beforeAll(async () => {
  published = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 3, publishFiches: true });
  // Four fiches published, then one made confidential, one withdrawn, one put in the trash; a fifth never published.
  filtered = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 4, publishFiches: true });
  const fiches = await db().ficheAction.findMany({
    where: { contractId: filtered.contract.id },
    orderBy: { number: "asc" },
    select: { id: true, version: true, axisId: true },
  });
  const user = await createUser(db());
  const coordinator: Actor = {
    userId: user.id,
    email: user.email,
    memberships: [{ role: "coordinator", territoryId: filtered.territory.id, regionId: null, organisationId: null }],
  };
  const run = async (action: Parameters<typeof executeAction>[0], input: unknown) =>
    expect(
      await (executeAction(action, { db: db(), actor: coordinator, ip: "198.51.100.7" }, input) as Promise<ActionResult<unknown>>),
    ).toMatchObject({
      ok: true,
    });
  await run(setFicheConfidentiality, { ficheId: fiches[0].id, version: String(fiches[0].version), confidential: "on", withheldFields: [] });
  await run(withdrawFiche, { ficheId: fiches[1].id });
  await db().ficheAction.update({ where: { id: fiches[2].id }, data: { deletedAt: new Date() } });
  await db().ficheAction.create({ data: { contractId: filtered.contract.id, axisId: fiches[0].axisId, number: 5, title: "Fiche 5" } });
  // A contract still a draft, even with fiches published before it went back to draft, and a territory with no contract.
  draft = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 2, publishFiches: true });
  await db().contract.update({ where: { id: draft.contract.id }, data: { visibility: "draft" } });
  await createTerritory(db(), { slug: "territoire-sans-contrat" });
});

describe("sitemap", () => {
  it("lists the public pages, each territory with a published contract and its published fiches, with when each changed", async () => {
    const entries = (await crawl()).flat();
    const locs = entries.map((entry) => entry.loc);
    for (const path of ["/", "/recherche", "/donnees", "/accessibilite", "/confidentialite"]) expect(locs).toContain(url(path));
    const territory = `/territoires/${published.territory.slug}`;
    expect(locs).toContain(url(territory));
    for (const number of [1, 2, 3]) expect(locs).toContain(url(`${territory}/cls-1/fiches/${number}`));

    const publicFiche = await db().publicFiche.findFirstOrThrow({ where: { contractId: published.contract.id, number: 1 } });
    expect(entries.find((entry) => entry.loc === url(`${territory}/cls-1/fiches/1`))?.lastmod).toBe(publicFiche.publishedAt.toISOString());
    // A territory page changed when its latest fiche was published, if nothing changed since.
    expect(entries.find((entry) => entry.loc === url(territory))?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("never lists a confidential, withdrawn, trashed or unpublished fiche, nor a territory without a published contract", async () => {
    const locs = await allLocs();
    const territory = `/territoires/${filtered.territory.slug}`;
    expect(locs).toContain(url(territory));
    expect(locs.filter((loc) => loc.startsWith(url(`${territory}/`)))).toEqual([url(`${territory}/cls-1/fiches/4`)]);
    expect(locs.filter((loc) => loc.includes(draft.territory.slug))).toEqual([]);
    expect(locs).not.toContain(url("/territoires/territoire-sans-contrat"));
  });

  it("splits the URLs into files of the chunk size at most, all listed by the index, none twice", async () => {
    const whole = await allLocs();
    // 5 public pages, 2 territories, 3 + 1 fiches.
    expect(whole).toHaveLength(11);
    const files = await crawl({ chunkSize: 4, batchSize: 3 });
    expect(files.map((file) => file.length)).toEqual([4, 4, 3]);
    expect(files.flat().map((entry) => entry.loc)).toEqual(whole);
    expect(await sitemapFile(ANONYMOUS, 4, { chunkSize: 4, env })).toBeNull();
    expect(await sitemapFile(ANONYMOUS, 0, { chunkSize: 4, env })).toBeNull();
  });

  it("reads a file window by window, one bounded query per window after the three counts", async () => {
    const { queries, result } = await countQueries(async () => readText((await sitemapFile(ANONYMOUS, 1, { batchSize: 1, env }))!));
    // Three counts (territories, earlier contracts, fiches), then 2 territories and 4 fiches one per query.
    expect(queries).toHaveLength(3 + 2 + 4);
    expect(queries.slice(3).every((sql) => /LIMIT/i.test(sql))).toBe(true);
    expect(parseXml(result).entries).toHaveLength(11);
  });

  // Last: it adds a contract to a territory the tests above count.
  it("lists an earlier contract's own page once the contract that follows it is published, not before", async () => {
    const { territory, contract } = published;
    const next = await db().contract.create({
      data: { territoryId: territory.id, title: "Contrat suivant", generation: 2, previousContractId: contract.id, visibility: "draft" },
    });
    const earlier = url(`/territoires/${territory.slug}/cls-1`);
    expect(await allLocs()).not.toContain(earlier);
    await db().contract.update({ where: { id: next.id }, data: { visibility: "published" } });
    const locs = await allLocs();
    expect(locs).toContain(earlier);
    expect(locs).not.toContain(url(`/territoires/${territory.slug}/cls-2`));
  });
});

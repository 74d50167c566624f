import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { findTerritoryPage, listTerritoryDirectory } from "@/lib/territories/queries";
import { createContract, createContractWithStructure, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

describe("public territory page", () => {
  it("loads with the same small number of queries for 1 fiche or 280 fiches", async () => {
    const db = getDb();
    await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1, territorySlug: "petit", publishFiches: true });
    await createContractWithStructure(db, { axes: 7, fichesPerAxis: 40, territorySlug: "grand", publishFiches: true });

    const small = await countQueries(() => findTerritoryPage(ANONYMOUS, "petit"));
    const large = await countQueries(() => findTerritoryPage(ANONYMOUS, "grand"));

    expect(large.result?.contracts[0].publicFiches).toHaveLength(280);
    expect(small.result?.contracts[0].publicFiches).toHaveLength(1);
    expect(large.queries.length).toBeGreaterThan(0);
    expect(large.queries.length).toBeLessThanOrEqual(4);
    expect(large.queries.length).toBe(small.queries.length);
  });

  it("returns axes in position order and published fiches in number order, each with its axis", async () => {
    const { territory } = await createContractWithStructure(getDb(), { axes: 3, fichesPerAxis: 4, publishFiches: true });
    const page = await findTerritoryPage(ANONYMOUS, territory.slug);
    const [contract] = page!.contracts;
    expect(contract.axes.map((axis) => axis.number)).toEqual([1, 2, 3]);
    expect(contract.publicFiches.map((fiche) => fiche.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const axisOf = new Map(contract.axes.map((axis) => [axis.id, axis.number]));
    expect(contract.publicFiches.map((fiche) => axisOf.get(fiche.axisId))).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it("shows the latest published contract and never a draft", async () => {
    const db = getDb();
    const territory = await createTerritory(db);
    await createContract(db, { territoryId: territory.id, generation: 1, title: "Premier contrat", visibility: "published" });
    await createContract(db, { territoryId: territory.id, generation: 2, title: "Deuxième contrat (brouillon)", visibility: "draft" });

    const page = await findTerritoryPage(ANONYMOUS, territory.slug);
    expect(page?.contracts.map((contract) => contract.title)).toEqual(["Premier contrat"]);

    await db.contract.updateMany({
      where: { territoryId: territory.id, generation: 2 },
      data: { visibility: "published", title: "Deuxième contrat" },
    });
    const republished = await findTerritoryPage(ANONYMOUS, territory.slug);
    expect(republished?.contracts.map((contract) => contract.title)).toEqual(["Deuxième contrat"]);
  });

  it("hides published fiches once in the trash or confidential", async () => {
    const db = getDb();
    const { territory, contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 3, publishFiches: true });
    await db.ficheAction.updateMany({ where: { contractId: contract.id, number: 2 }, data: { deletedAt: new Date() } });
    await db.ficheAction.updateMany({ where: { contractId: contract.id, number: 3 }, data: { confidential: true } });
    const page = await findTerritoryPage(ANONYMOUS, territory.slug);
    expect(page!.contracts[0].publicFiches.map((fiche) => fiche.number)).toEqual([1]);
  });

  it("shows no fiche before it is published", async () => {
    const { territory } = await createContractWithStructure(getDb(), { axes: 1, fichesPerAxis: 2 });
    const page = await findTerritoryPage(ANONYMOUS, territory.slug);
    expect(page!.contracts[0].publicFiches).toEqual([]);
  });

  it("returns null for an unknown slug", async () => {
    expect(await findTerritoryPage(ANONYMOUS, "inconnu")).toBeNull();
  });

  it("lists the directory a page at a time, in four queries whatever the number of territories", async () => {
    const db = getDb();
    await createContractWithStructure(db, { axes: 2, fichesPerAxis: 5, territorySlug: "annuaire", publishFiches: true });
    const before = await countQueries(() => listTerritoryDirectory(ANONYMOUS, { page: 1 }));
    await Promise.all(Array.from({ length: PAGE_SIZE }, () => createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 })));
    const after = await countQueries(() => listTerritoryDirectory(ANONYMOUS, { page: 1 }));

    expect(after.result.total).toBe(before.result.total + PAGE_SIZE);
    expect(after.result.entries).toHaveLength(PAGE_SIZE);
    expect(before.queries).toHaveLength(4);
    expect(after.queries).toHaveLength(4);
    const pages = await Promise.all([1, 2].map((page) => listTerritoryDirectory(ANONYMOUS, { page })));
    const listed = pages.flatMap((page) => page.entries).find((territory) => territory.slug === "annuaire");
    expect(listed?.contracts[0]._count).toEqual({ axes: 2, publicFiches: 10 });
    // The region filter keeps the territories of one region, and says how many each region has.
    const region = pages[0].regions[0];
    const filtered = await listTerritoryDirectory(ANONYMOUS, { page: 1, region: region.slug });
    expect(filtered.total).toBe(region.territories);
    expect(filtered.entries.every((territory) => territory.region.name === region.name)).toBe(true);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContractSections } from "@/components/contracts/contract-sections";
import { ANONYMOUS } from "@/lib/authz";
import { documentLink } from "@/lib/contracts/documents";
import { publicDocumentPath } from "@/lib/documents/paths";
import { publicContractStatus } from "@/lib/contracts/public-status";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { listPublicFicheProgress, publicProgress } from "@/lib/public-pages/progress";
import { publishAllFiches } from "@/lib/publication/publish";
import { findTerritoryPage, listTerritoryDirectory } from "@/lib/territories/queries";
import { createContract, createContractWithStructure, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { documentFileRow, pdfBytes } from "../support/document-files";
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

describe("public territory page: progress, steering meetings and documents", () => {
  /** The contract of a territory page, with its published fiches' progress and roll-up. */
  async function publicView(slug: string) {
    const contract = (await findTerritoryPage(ANONYMOUS, slug))!.contracts[0];
    const progress = await listPublicFicheProgress(contract);
    const numbers = new Map(contract.publicFiches.map((fiche) => [fiche.ficheId, fiche.number]));
    return {
      contract,
      byNumber: Object.fromEntries([...progress].map(([id, value]) => [numbers.get(id), value])),
      rollUp: publicProgress(contract.axes, contract.publicFiches, progress),
    };
  }

  it("rolls progress up from the published versions only: confidential fiches, fiches in the trash and later edits do not count", async () => {
    const db = getDb();
    const { territory, contract } = await createContractWithStructure(db, { axes: 2, fichesPerAxis: 3 });
    const fiches = await db.ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" }, select: { id: true } });
    const set = (index: number, data: Prisma.FicheActionUpdateInput) => db.ficheAction.update({ where: { id: fiches[index].id }, data });
    await set(0, { status: "completed", progress: 100 });
    // Its objectives' average counts, not its own figure: (20 + 60) / 2, the abandoned one aside.
    await set(1, {
      status: "in_progress",
      progress: 5,
      objectives: {
        create: [
          { position: 1, title: "Objectif A", status: "in_progress", progress: 20 },
          { position: 2, title: "Objectif B", status: "in_progress", progress: 60 },
          { position: 3, title: "Objectif C", status: "abandoned", progress: 0 },
        ],
      },
    });
    await set(2, { status: "abandoned", progress: 10 });
    await set(3, { status: "delayed", progress: 30 });
    await set(4, { status: "in_progress", progress: 90, confidential: true });
    await set(5, { status: "completed", progress: 100 });
    await db.$transaction((tx) => publishAllFiches(tx, contract.id, { userId: null }));
    // After publication: an edit not published yet, a fiche in the trash.
    await set(0, { status: "not_started", progress: 0, version: { increment: 1 } });
    await set(5, { deletedAt: new Date() });

    const { byNumber, rollUp } = await publicView(territory.slug);
    expect(byNumber).toEqual({
      // None closed by an amendment (tests/integration/closed-fiches.test.ts).
      1: { status: "completed", progress: 100, closedOn: null },
      2: { status: "in_progress", progress: 40, closedOn: null },
      3: { status: "abandoned", progress: 10, closedOn: null },
      4: { status: "delayed", progress: 30, closedOn: null },
    });
    // Axis 1: (100 + 40) / 2, the abandoned fiche aside; axis 2: 30. The contract: (70 + 30) / 2.
    expect(rollUp.achievementByAxis.rows.map((row) => row.value)).toEqual([70, 30]);
    expect(rollUp.overall).toBe(50);
    expect(rollUp.fiches).toBe(4);
    expect(rollUp.fichesByStatus.rows.map((row) => row.values)).toEqual([
      { completed: 1, in_progress: 1, delayed: 0, not_started: 0, abandoned: 1 },
      { completed: 0, in_progress: 0, delayed: 1, not_started: 0, abandoned: 0 },
    ]);
    expect(rollUp.fichesByStatus.summary).toBe("4\u00a0fiches actions\u00a0: 1 réalisée, 1 en cours, 1 en retard et 1 abandonnée.");
  });

  it("reads the progress of 1 or 280 published fiches in one query", async () => {
    const db = getDb();
    await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1, territorySlug: "avancement-petit", publishFiches: true });
    await createContractWithStructure(db, { axes: 7, fichesPerAxis: 40, territorySlug: "avancement-grand", publishFiches: true });
    const count = async (slug: string) => {
      const contract = (await findTerritoryPage(ANONYMOUS, slug))!.contracts[0];
      return countQueries(() => listPublicFicheProgress(contract));
    };
    const small = await count("avancement-petit");
    const large = await count("avancement-grand");
    expect(large.result.size).toBe(280);
    expect(small.result.size).toBe(1);
    expect(large.queries).toHaveLength(1);
    expect(small.queries).toHaveLength(1);
  });

  it("lists the steering meetings, latest first, and the public documents, with their minutes and files as links to their file or web address", async () => {
    const db = getDb();
    const { territory, contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1, publishFiches: true });
    const minutes = await db.document.create({
      data: {
        contractId: contract.id,
        kind: "minutes",
        title: "Compte-rendu du COPIL",
        url: "https://exemple.fr/copil.pdf",
        isPublic: true,
      },
    });
    // Minutes the coordinators keep to the workspace: their meeting is listed, without them.
    const internal = await db.document.create({
      data: { contractId: contract.id, kind: "minutes", title: "Compte-rendu du COTECH", url: "https://exemple.fr/cotech-interne.pdf" },
    });
    await db.meeting.create({
      data: { contractId: contract.id, kind: "copil", heldOn: new Date("2025-03-12"), topic: "Bilan", minutesDocumentId: minutes.id },
    });
    await db.meeting.create({
      data: {
        contractId: contract.id,
        kind: "cotech",
        heldOn: new Date("2025-06-02"),
        minutes: "Compte rendu interne",
        minutesDocumentId: internal.id,
      },
    });
    await db.document.createMany({
      data: (
        [
          {
            contractId: contract.id,
            kind: "contract",
            title: "Contrat signé",
            issuedOn: new Date("2024-01-10"),
            url: "https://exemple.fr/cls.pdf",
          },
          {
            contractId: contract.id,
            kind: "deliberation",
            title: "Délibération",
            issuedOn: new Date("2023-12-01"),
            url: "javascript:alert(1)",
          },
          { contractId: contract.id, kind: "charter", title: "Charte", issuedOn: new Date("2023-06-01") },
          {
            contractId: contract.id,
            kind: "diagnosis",
            title: "Diagnostic de travail",
            url: "https://exemple.fr/interne.pdf",
            isPublic: false,
          },
        ] satisfies Prisma.DocumentCreateManyInput[]
      ).map((document) => ({ isPublic: true, ...document })),
    });
    const signed = await db.document.create({
      data: {
        contractId: contract.id,
        kind: "amendment",
        title: "Avenant n°1",
        issuedOn: new Date("2025-01-15"),
        isPublic: true,
        file: {
          create: documentFileRow(pdfBytes(), { originalName: "avenant.pdf" }),
        },
      },
    });

    const { contract: shown } = await publicView(territory.slug);
    expect(shown.meetings.map((meeting) => [meeting.kind, meeting.minutesDocument?.isPublic ? meeting.minutesDocument.url : null])).toEqual(
      [
        ["cotech", null],
        ["copil", "https://exemple.fr/copil.pdf"],
      ],
    );
    // The working group's meeting is listed with its group, not among the steering meetings.
    expect(shown._count.meetings).toBe(2);
    // The meetings' own account never leaves the workspace.
    expect(JSON.stringify(shown)).not.toContain("Compte rendu interne");
    expect(shown.documents.map((document) => [document.title, documentLink(document.url)?.href ?? null])).toEqual([
      ["Charte", null],
      ["Délibération", null],
      ["Contrat signé", "https://exemple.fr/cls.pdf"],
      ["Avenant n°1", null],
    ]);
    // The file's bytes never come with the page.
    expect(shown.documents.at(-1)?.file).toEqual({
      originalName: "avenant.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdfBytes().length,
    });

    const html = renderToStaticMarkup(
      createElement(ContractSections, {
        contract: shown,
        status: publicContractStatus(shown),
        progress: publicProgress(shown.axes, shown.publicFiches, new Map()),
        ficheProgress: new Map(),
        evaluation: null,
        ficheHref: (number) => `/fiches/${number}`,
        documentHref: (documentId) => publicDocumentPath(territory.slug, documentId),
      }),
    );
    expect(html).toContain('<a href="https://exemple.fr/cls.pdf" rel="noopener noreferrer">Contrat signé</a>');
    expect(html).toContain('href="https://exemple.fr/copil.pdf"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Délibération");
    expect(html).toContain(
      `<a href="/territoires/${territory.slug}/documents/${signed.id}" download="">Avenant n°1</a> <span class="text-sm text-slate-600">(PDF, ${pdfBytes().length}\u00a0octets)</span>`,
    );
    expect(html).not.toContain("Diagnostic de travail");
    expect(html).not.toContain("cotech-interne");
  });
});

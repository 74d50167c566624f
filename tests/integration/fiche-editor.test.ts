// The fiche editor and the contract page load with a fixed number of SQL queries, however many
// objectives, commitments, partners, budget lines and indicators the fiche has.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getContractExport } from "@/lib/contracts/export-query";
import { getContractOverview } from "@/lib/contracts/queries";
import { contractPdf } from "@/lib/contracts/pdf";
import { contractWorkbook } from "@/lib/contracts/xlsx";
import { getDb } from "@/lib/db/client";
import { getFicheEditor, getFicheIndicators, MEASUREMENTS_SHOWN } from "@/lib/fiches/queries";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";
import { countQueries } from "../support/query-count";

setupAppDatabase();
const db = () => getDb();

let coordinator: Actor;
let territory: { id: string; slug: string };
let contractId: string;
let bare: { id: string };
let full: { id: string };

async function fiche(number: number, size: number) {
  const axis = await db().axis.create({ data: { contractId, position: number, number, title: `Axe ${number}` } });
  const organisations = await Promise.all(Array.from({ length: size }, () => createOrganisation(db())));
  const created = await db().ficheAction.create({ data: { contractId, axisId: axis.id, number, title: `Fiche ${number}` } });
  for (const [index, organisation] of organisations.entries()) {
    await db().fichePartner.create({ data: { ficheId: created.id, organisationId: organisation.id } });
    await db().budgetLine.create({ data: { ficheId: created.id, funderId: organisation.id, amount: 1000 } });
    const objective = await db().operationalObjective.create({
      data: { ficheId: created.id, position: index + 1, title: `Objectif ${index + 1}` },
    });
    await db().commitment.create({ data: { objectiveId: objective.id, organisationId: organisation.id, description: "Engagement" } });
    const indicator = await db().indicator.create({ data: { ficheId: created.id, name: `Indicateur ${index + 1}`, level: "result" } });
    await db().measurement.createMany({
      data: [1, 2, 3].map((month) => ({ indicatorId: indicator.id, measuredOn: new Date(Date.UTC(2025, month, 1)), value: month })),
    });
  }
  return created;
}

beforeAll(async () => {
  territory = await createTerritory(db());
  contractId = (await createContract(db(), { territoryId: territory.id })).id;
  const user = await db().user.create({
    data: {
      email: `coordination-${randomUUID()}@exemple.test`,
      memberships: { create: { role: "coordinator", territoryId: territory.id } },
    },
  });
  coordinator = await actorForUser(user.id);
  bare = await fiche(1, 0);
  full = await fiche(2, 12);
});

describe("query counts", () => {
  it("the fiche editor: the same few queries for a bare fiche and for one with 12 of everything", async () => {
    const small = await countQueries(() => getFicheEditor(coordinator, territory.slug, contractId, bare.id));
    const large = await countQueries(() => getFicheEditor(coordinator, territory.slug, contractId, full.id));
    expect(large.result.values.objectives).toHaveLength(12);
    expect(large.result.fiche._count.indicators).toBe(12);
    expect(small.queries.length).toBe(2);
    expect(large.queries.length).toBe(small.queries.length);
  });

  it("the fiche's indicators: the same few queries for a bare fiche and for one with 12 indicators", async () => {
    const small = await countQueries(() => getFicheIndicators(coordinator, territory.slug, contractId, bare.id));
    const large = await countQueries(() => getFicheIndicators(coordinator, territory.slug, contractId, full.id));
    expect(large.result.fiche.indicators).toHaveLength(12);
    expect(large.result.fiche.indicators[0].measurements).toHaveLength(3);
    expect(small.queries.length).toBe(2);
    expect(large.queries.length).toBe(small.queries.length);
  });

  it("the contract page: two queries whatever the number of fiches and objectives", async () => {
    const overview = await countQueries(() => getContractOverview(coordinator, territory.slug, contractId));
    const fiches = overview.result.axes.flatMap((axis) => axis.fiches);
    expect(fiches).toHaveLength(2);
    expect(fiches.find((listed) => listed.id === full.id)?.objectives).toHaveLength(12);
    expect(overview.queries).toHaveLength(2);
  });

  it("the xlsx export: one query, and a workbook with every fiche, objective and indicator", async () => {
    const exported = await countQueries(() => getContractExport(coordinator, territory.slug, contractId));
    expect(exported.queries).toHaveLength(1);
    const buffer = await contractWorkbook(exported.result);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Axes et fiches")!.rowCount).toBe(1 + 2);
    expect(workbook.getWorksheet("Objectifs")!.rowCount).toBe(1 + 12);
    expect(workbook.getWorksheet("Indicateurs")!.getCell("I2").value).toBe(3);
  });

  it("the PDF document: every fiche, objective and indicator, page numbers, French text", async () => {
    const contract = await getContractExport(coordinator, territory.slug, contractId);
    const pdf = (await contractPdf(contract, { compress: false })).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    // The text shown on the pages (tests/support/pdf-text.ts).
    const shown = pdfText(pdf);
    expect(shown).toContain("Fiche n°\u00a02 – Fiche 2");
    expect(shown).toContain("12. Objectif 12 – Non commencée, 0\u00a0%");
    expect(shown).toContain("Indicateur 12\u00a0: départ —, dernière valeur 3 (1er\u00a0avril\u00a02025)");
    const pages = (pdf.match(/\/Type \/Page\b/g) ?? []).length;
    expect(shown).toContain(`page ${pages} sur ${pages}`);
  });

  // Last: it adds a fiche, which the export tests above would count.
  it("the fiche's indicators: an indicator's latest measurements only, and how many there are", async () => {
    const measured = await fiche(3, 1);
    const indicator = await db().indicator.findFirstOrThrow({ where: { ficheId: measured.id }, select: { id: true } });
    await db().measurement.createMany({
      data: Array.from({ length: 20 }, (_, month) => ({
        indicatorId: indicator.id,
        measuredOn: new Date(Date.UTC(2026, month, 1)),
        value: month,
      })),
    });
    const page = await getFicheIndicators(coordinator, territory.slug, contractId, measured.id);
    const shown = page.fiche.indicators.find((candidate) => candidate.id === indicator.id)!;
    expect(shown._count.measurements).toBe(23);
    expect(shown.measurements).toHaveLength(MEASUREMENTS_SHOWN);
    // The newest first: the latest value is the one the indicator is judged on.
    expect(shown.measurements[0].measuredOn).toEqual(new Date(Date.UTC(2027, 7, 1)));
  });
});

// An evaluation campaign's report in its three formats (PDF, Word, Excel), built from one model:
// each file read back says what the campaign holds, in French, with typed cells in the workbook
// and Word's heading styles in the document; a 120-fiche contract renders each format in under
// 5 s; another territory's contract or another contract's campaign is not found.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { NotFoundError, type Actor } from "@/lib/authz";
import { closeCampaign } from "@/lib/campaigns/mutations";
import { getDb } from "@/lib/db/client";
import { formatDate, isoDay } from "@/lib/format";
import { reportDocx } from "@/lib/reports/docx";
import type { EvaluationReport } from "@/lib/reports/model";
import { reportPdf } from "@/lib/reports/pdf";
import { getEvaluationReport } from "@/lib/reports/queries";
import { reportWorkbook } from "@/lib/reports/xlsx";
import { createContractWithStructure, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

setupAppDatabase();

const db = () => getDb();
const NOW = new Date("2026-11-15T10:00:00Z");

/** A contract of `axes` × `fichesPerAxis` fiches, each with budget lines, a commitment, an indicator measured twice and an assessment. */
async function evaluatedContract(axes: number, fichesPerAxis: number) {
  const { territory, contract } = await createContractWithStructure(db(), { axes, fichesPerAxis });
  const user = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role: "coordinator", territoryId: territory.id } } },
  });
  const actor = await actorForUser(user.id);
  const cpam = await createOrganisation(db(), { name: `CPAM de la Drôme ${randomUUID().slice(0, 4)}` });
  const campaign = await db().evaluationCampaign.create({
    data: {
      contractId: contract.id,
      kind: "mid_term",
      periodStart: new Date("2024-01-01"),
      periodEnd: new Date("2026-06-30"),
      synthesis: "Le contrat avance : « prévention » en tête, l’accès aux soins à renforcer.",
      recommendations: "Prolonger l’équipe mobile et réunir le COPIL deux fois l’an.",
    },
  });
  const fiches = await db().ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  await db().budgetLine.createMany({
    data: fiches.flatMap((fiche) => [
      { ficheId: fiche.id, funderId: cpam.id, amount: "1000.10" },
      { ficheId: fiche.id, funderLabel: "Commune", year: 2025, amount: "0.20" },
    ]),
  });
  await db().commitment.createMany({
    data: fiches.map((fiche) => ({ ficheId: fiche.id, organisationId: cpam.id, description: "Animer les ateliers de prévention" })),
  });
  await db().indicator.createMany({
    data: fiches.map((fiche) => ({
      ficheId: fiche.id,
      name: `Personnes accompagnées (fiche ${fiche.number})`,
      level: "result",
      unit: "personnes",
      baselineValue: "10",
      baselineOn: new Date("2024-01-01"),
      targetValue: "50",
      targetOn: new Date("2028-12-31"),
    })),
  });
  const indicators = await db().indicator.findMany({ where: { fiche: { contractId: contract.id } } });
  await db().measurement.createMany({
    data: indicators.flatMap((indicator) => [
      { indicatorId: indicator.id, measuredOn: new Date("2025-01-31"), value: "20" },
      { indicatorId: indicator.id, measuredOn: new Date("2026-03-31"), value: "32.5" },
    ]),
  });
  const lines = await db().budgetLine.findMany({ where: { fiche: { contractId: contract.id }, funderId: cpam.id } });
  const lineOf = new Map(lines.map((line) => [line.ficheId, line.id]));
  for (const fiche of fiches)
    await db().ficheAssessment.create({
      data: {
        campaignId: campaign.id,
        ficheId: fiche.id,
        realisationStatus: fiche.number % 2 ? "partially_completed" : "completed",
        achievementRate: fiche.number % 2 ? 60 : 100,
        relevanceRating: 4,
        relevanceComment: "Répond au diagnostic : « publics éloignés ».",
        efficiencyRating: 2,
        difficulties: "Recrutement difficile d’un infirmier.",
        recommendations: `Élargir la fiche ${fiche.number} aux communes voisines.`,
        spending: { create: [{ budgetLineId: lineOf.get(fiche.id)!, spent: "999.99" }] },
      },
    });
  const commitment = await db().commitment.findFirstOrThrow({ where: { ficheId: fiches[0].id } });
  await db().commitmentContribution.create({
    data: {
      campaignId: campaign.id,
      commitmentId: commitment.id,
      outcome: "kept",
      contribution: "Six ateliers tenus",
      amountSpent: "250.50",
    },
  });
  await db().meeting.create({
    data: {
      contractId: contract.id,
      kind: "copil",
      heldOn: new Date("2025-06-12"),
      topic: "Bilan d’étape",
      decisions: "Prolonger la fiche 1",
      attendances: { create: { organisationId: cpam.id, attendeeCount: 2 } },
    },
  });
  return { territory, contract, campaign, actor, cpam };
}

const SECTIONS = [
  "Synthèse",
  "Avancement par axe",
  "Fiche par fiche",
  "Indicateurs",
  "Budget par financeur",
  "Gouvernance",
  "Recommandations",
];

const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");

describe("an evaluation campaign's report", () => {
  let world: Awaited<ReturnType<typeof evaluatedContract>>;
  let report: EvaluationReport;
  beforeAll(async () => {
    world = await evaluatedContract(2, 2);
    report = await getEvaluationReport(world.actor, world.territory.slug, world.contract.id, world.campaign.id, NOW);
  });

  it("names the file after the campaign, the territory and the day, and says its figures are provisional while open", () => {
    expect(report.fileName).toBe(`evaluation-mi-parcours-${world.territory.slug}-2026-11-15`);
    expect(report.cover.status).toBe("Campagne en cours\u00a0: chiffres provisoires");
    expect(report.sections.map((section) => section.title)).toEqual(SECTIONS);
  });

  it("writes a workbook with one sheet per section and typed cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Rapport",
      ...SECTIONS,
      "Critères d’évaluation",
      "Contributions des partenaires",
    ]);
    // Budget: the CPAM's four lines of 1000.10 planned, 999.99 spent each: exact numbers with the euro format.
    const budget = workbook.getWorksheet("Budget par financeur")!;
    expect(budget.getRow(1).values).toEqual([undefined, "Financeur", "Prévu", "Dépensé", "Taux de consommation"]);
    expect(budget.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const cpam = budget.getRow(2);
    expect(cpam.getCell(1).value).toBe(world.cpam.name);
    expect(cpam.getCell(2).value).toBe(4000.4);
    expect(cpam.getCell(2).numFmt).toBe('#,##0.00 "€"');
    expect(cpam.getCell(3).value).toBe(3999.96);
    expect(budget.getRow(4).getCell(1).value).toBe("Total");
    // Governance: a real date.
    const governance = workbook.getWorksheet("Gouvernance")!;
    const copil = governance.getRows(2, governance.rowCount - 1)!.find((row) => row.getCell(2).value === "COPIL")!;
    expect(copil.getCell(1).value).toEqual(new Date("2025-06-12T00:00:00Z"));
    expect(copil.getCell(1).numFmt).toBe("dd/mm/yyyy");
    // Fiches: the achievement rate as a percent.
    const fiches = workbook.getWorksheet("Fiche par fiche")!;
    expect(fiches.getRow(2).getCell(7).value).toBe(0.6);
    expect(fiches.getRow(2).getCell(7).numFmt).toBe("0 %");
    const indicators = workbook.getWorksheet("Indicateurs")!;
    expect(indicators.getRow(2).getCell(7).value).toBe(32.5);
    expect(indicators.getRow(2).getCell(9).value).toBe(-17.5);
  });

  it("writes a Word document with real headings, tables and French text", async () => {
    const docx = await reportDocx(report);
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = await documentXml(docx);
    for (const markup of ['<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="Heading2"/>', "<w:tbl>", "<w:tblHeader/>"])
      expect(xml.includes(markup), markup).toBe(true);
    for (const text of [
      "Avancement par axe",
      "Fiche n°\u00a01 – Fiche 1",
      "« prévention »",
      "Critères d’évaluation",
      "4\u202f000,40\u00a0€",
    ])
      expect(xml.includes(text), text).toBe(true);
  });

  it("writes a PDF with a cover, chapters and numbered pages", async () => {
    const pdf = await reportPdf(report, { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf.toString("latin1"));
    for (const part of ["Synthèse", "Budget par financeur", "« prévention »", "Campagne en cours", "Recrutement difficile d’un infirmier."])
      expect(text).toContain(part);
    expect(text).toMatch(/page 2 sur \d+/);
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(5);
  });

  it("reads a closed campaign from its snapshot and says so", async () => {
    const closed = await evaluatedContract(1, 1);
    const outcome = await executeAction(
      closeCampaign,
      { db: db(), actor: closed.actor, ip: "192.0.2.1" },
      { campaignId: closed.campaign.id, version: String(closed.campaign.version) },
    );
    expect(outcome).toMatchObject({ ok: true });
    const { closedAt } = await db().evaluationCampaign.findUniqueOrThrow({ where: { id: closed.campaign.id } });
    const closedReport = await getEvaluationReport(closed.actor, closed.territory.slug, closed.contract.id, closed.campaign.id, NOW);
    expect(closedReport.cover.status).toBe(`Campagne close le ${formatDate(closedAt!)} — instantané n°\u00a01`);
    expect(closedReport.fileName).toBe(`evaluation-mi-parcours-${closed.territory.slug}-${isoDay(closedAt)}`);
  });

  it("is not found through another territory, for another contract's campaign, or for an actor of another territory", async () => {
    const other = await evaluatedContract(1, 1);
    const report = (actor: Actor, slug: string, contractId: string, campaignId: string) =>
      getEvaluationReport(actor, slug, contractId, campaignId, NOW);
    await expect(report(world.actor, other.territory.slug, world.contract.id, world.campaign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(report(world.actor, world.territory.slug, world.contract.id, other.campaign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(report(other.actor, world.territory.slug, world.contract.id, world.campaign.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the report of a 120-fiche contract", () => {
  it("renders each format in under 5 s", { timeout: 120_000 }, async () => {
    const big = await evaluatedContract(6, 20);
    const figures: Record<string, number> = {};
    let started = performance.now();
    const report = await getEvaluationReport(big.actor, big.territory.slug, big.contract.id, big.campaign.id, NOW);
    const read = performance.now() - started;
    const formats = { pdf: reportPdf, docx: reportDocx, xlsx: reportWorkbook };
    const sizes: Record<string, number> = {};
    for (const [format, render] of Object.entries(formats)) {
      started = performance.now();
      sizes[format] = (await render(report)).length;
      figures[format] = Math.round(read + performance.now() - started);
    }
    console.log(`120 fiches: read ${Math.round(read)} ms; read + render (ms):`, figures, "bytes:", sizes);
    expect(report.sections.find((section) => section.key === "fiches")!.blocks[0]).toMatchObject({
      records: { items: expect.arrayContaining([expect.objectContaining({ key: 120 })]) },
    });
    for (const elapsed of Object.values(figures)) expect(elapsed).toBeLessThan(5000);
  });
});

// Editing contracts, axes and fiches through their actions on a real database: what is saved,
// what the audit log keeps, and what happens when two people save the same record at once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { createAxis, moveAxis, updateAxis } from "@/lib/axes/mutations";
import { createContract as createContractAction, updateContract } from "@/lib/contracts/mutations";
import { getDb } from "@/lib/db/client";
import { createFiche, updateFiche } from "@/lib/fiches/mutations";
import { createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
const run = (definition: Parameters<typeof executeAction>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

let territoryId: string;
let coordinator: Actor;
let contributor: Actor;
let organisations: string[];

async function member(role: "coordinator" | "contributor") {
  const user = await db().user.create({
    data: {
      email: `${role}-${randomUUID()}@exemple.test`,
      name: role === "coordinator" ? "Claude Coordination" : "Paule Pilote",
      memberships: { create: { role, territoryId } },
    },
  });
  return actorForUser(user.id);
}

const contractInput = (extra: Record<string, unknown> = {}) => ({
  territoryId,
  title: "Contrat local de santé",
  generation: String(generation++),
  status: "preparation",
  visibility: "draft",
  ...extra,
});
let generation = 1;

beforeAll(async () => {
  territoryId = (await createTerritory(db())).id;
  coordinator = await member("coordinator");
  contributor = await member("contributor");
  organisations = (await Promise.all([0, 1, 2].map(() => createOrganisation(db())))).map((organisation) => organisation.id);
});

async function newContract(extra: Record<string, unknown> = {}) {
  const result = await run(createContractAction, coordinator, contractInput(extra));
  if (!result.ok) throw new Error(result.message);
  return (result.data as { contractId: string }).contractId;
}

describe("contracts", () => {
  it("saves the facts, computes the duration, keeps finding ids, and records the change", async () => {
    const contractId = await newContract({
      startsOn: "2024-01-01",
      endsOn: "2028-12-31",
      findings: [{ text: "Isolement" }, { text: "Addictions" }],
      signatories: [{ organisationId: organisations[0], signedOn: "2024-02-02" }],
    });
    const created = await db().contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { findings: { orderBy: { position: "asc" } }, signatories: true },
    });
    expect(created.durationMonths).toBe(60);
    expect(created.findings.map((finding) => finding.text)).toEqual(["Isolement", "Addictions"]);

    const [isolement, addictions] = created.findings;
    const updated = await run(updateContract, coordinator, {
      ...contractInput({ generation: String(created.generation) }),
      contractId,
      version: "1",
      visibility: "published",
      findings: [
        { id: addictions.id, text: "Addictions et conduites à risque" },
        { id: isolement.id, text: "Isolement" },
        { text: "Santé mentale" },
      ],
      signatories: [{ organisationId: organisations[1] }],
    });
    expect(updated.ok).toBe(true);
    const after = await db().contract.findUniqueOrThrow({
      where: { id: contractId },
      include: { findings: { orderBy: { position: "asc" } }, signatories: true },
    });
    expect(after.findings.map((finding) => [finding.id, finding.text])).toEqual([
      [addictions.id, "Addictions et conduites à risque"],
      [isolement.id, "Isolement"],
      [expect.any(String), "Santé mentale"],
    ]);
    expect(after.publishedAt).not.toBeNull();
    expect(after.version).toBe(2);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: contractId, action: "contract.update" } });
    expect(event.changes).toMatchObject({
      visibility: { before: "Brouillon (non publié)", after: "Publié" },
      findings: { after: "1. Addictions et conduites à risque\n2. Isolement\n3. Santé mentale" },
    });
  });

  it("lets exactly one of two concurrent saves of the same version through, and tells the other what changed", async () => {
    const contractId = await newContract();
    const base = {
      ...contractInput({ generation: String((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).generation) }),
      contractId,
      version: "1",
    };
    const results = await Promise.all([
      run(updateContract, coordinator, { ...base, prsReference: "PRS 2018-2028" }),
      run(updateContract, coordinator, { ...base, diagnosisSource: "ORS" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok);
    expect(loser).toMatchObject({
      reason: "conflict",
      conflict: {
        currentVersion: 2,
        changes: [{ by: "Claude Coordination", fields: [expect.objectContaining({ after: expect.stringMatching(/PRS 2018-2028|ORS/) })] }],
      },
    });
    expect(await db().auditEvent.count({ where: { entityId: contractId, action: "contract.update" } })).toBe(1);
  });

  it("refuses a generation the territory already has, at the field", async () => {
    const contractId = await newContract();
    const { generation: taken } = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    expect(await run(createContractAction, coordinator, contractInput({ generation: String(taken) }))).toMatchObject({
      ok: false,
      fieldErrors: { generation: "Ce territoire a déjà un contrat de ce rang." },
    });
  });
});

describe("axes", () => {
  it("numbers axes in order, transversal ones unnumbered, and keeps numbering after moves", async () => {
    const contractId = await newContract();
    for (const [title, isTransversal] of [
      ["Prévention", ""],
      ["Mobilité", "on"],
      ["Accès aux soins", ""],
    ])
      await run(createAxis, coordinator, { contractId, title, isTransversal });
    const list = () =>
      db().axis.findMany({ where: { contractId }, orderBy: { position: "asc" }, select: { id: true, title: true, number: true } });
    expect((await list()).map((axis) => [axis.title, axis.number])).toEqual([
      ["Prévention", 1],
      ["Mobilité", null],
      ["Accès aux soins", 2],
    ]);
    const soins = (await list())[2];
    await run(moveAxis, coordinator, { axisId: soins.id, direction: "up" });
    await run(moveAxis, coordinator, { axisId: soins.id, direction: "up" });
    expect((await list()).map((axis) => [axis.title, axis.number])).toEqual([
      ["Accès aux soins", 1],
      ["Prévention", 2],
      ["Mobilité", null],
    ]);
    // Making an axis transversal renumbers the others.
    const prevention = (await list())[1];
    await run(updateAxis, coordinator, { axisId: prevention.id, version: "1", title: "Prévention", isTransversal: "on" });
    expect((await list()).map((axis) => axis.number)).toEqual([1, null, null]);
  });
});

describe("fiches", () => {
  async function ficheSetup() {
    const contractId = await newContract({ findings: [{ text: "Isolement" }] });
    await run(createAxis, coordinator, { contractId, title: "Axe A" });
    await run(createAxis, coordinator, { contractId, title: "Axe B" });
    const [axisA, axisB] = await db().axis.findMany({ where: { contractId }, orderBy: { position: "asc" } });
    const [finding] = await db().diagnosisFinding.findMany({ where: { contractId } });
    return { contractId, axisA, axisB, finding };
  }

  it("saves a fiche with its objectives, commitments, partners and budget, numbered after the last one", async () => {
    const { contractId, axisA, finding } = await ficheSetup();
    const result = await run(createFiche, coordinator, {
      contractId,
      axisId: axisA.id,
      title: "Rompre l’isolement des aînés",
      geographicScope: "whole_territory",
      status: "in_progress",
      findingIds: finding.id,
      themes: ["ageing_carers", "mental_health"],
      determinants: "Lien social\nMobilité\nLien social",
      partners: [{ organisationId: organisations[0], role: "Animation" }],
      budgetLines: [{ funderId: organisations[1], fundingInstrument: "FIR", year: "2025", amount: "12 500,50" }],
      objectives: [
        {
          title: "Repérer les personnes isolées",
          status: "in_progress",
          progress: "50",
          commitments: [{ organisationId: organisations[0], description: "Visites à domicile" }],
        },
        { title: "Créer un réseau de bénévoles", status: "not_started", progress: "" },
      ],
    });
    expect(result.ok).toBe(true);
    const fiche = await db().ficheAction.findFirstOrThrow({
      where: { contractId },
      include: {
        objectives: { orderBy: { position: "asc" }, include: { commitments: true } },
        budgetLines: true,
        partners: true,
        findings: true,
      },
    });
    expect(fiche.number).toBe(1);
    expect(fiche.determinants).toEqual(["Lien social", "Mobilité"]);
    expect(fiche.budgetLines[0].amount.toString()).toBe("12500.5");
    expect(fiche.objectives.map((objective) => [objective.title, objective.progress, objective.commitments.length])).toEqual([
      ["Repérer les personnes isolées", 50, 1],
      ["Créer un réseau de bénévoles", 0, 0],
    ]);
    expect(fiche.findings).toHaveLength(1);
  });

  it("keeps objective ids and what partners reported, trashes removed objectives", async () => {
    const { contractId, axisA } = await ficheSetup();
    await run(createFiche, coordinator, {
      contractId,
      axisId: axisA.id,
      title: "Fiche",
      geographicScope: "whole_territory",
      status: "in_progress",
      objectives: [
        { title: "Un", status: "in_progress", commitments: [{ organisationId: organisations[0], description: "Engagement" }] },
        { title: "Deux", status: "in_progress" },
      ],
    });
    const fiche = await db().ficheAction.findFirstOrThrow({
      where: { contractId },
      include: { objectives: { orderBy: { position: "asc" } } },
    });
    const [one, two] = fiche.objectives;
    // The partner reports progress on their commitment.
    await db().commitment.updateMany({ where: { objectiveId: one.id }, data: { progress: 70, comment: "Bien avancé" } });
    const saved = await run(updateFiche, coordinator, {
      ficheId: fiche.id,
      version: "1",
      axisId: axisA.id,
      title: "Fiche",
      geographicScope: "whole_territory",
      status: "in_progress",
      objectives: [
        { id: two.id, title: "Deux, précisé", status: "completed", progress: "100" },
        {
          id: one.id,
          title: "Un",
          status: "in_progress",
          commitments: [{ organisationId: organisations[0], description: "Engagement révisé" }],
        },
      ],
    });
    expect(saved.ok).toBe(true);
    const objectives = await db().operationalObjective.findMany({
      where: { ficheId: fiche.id, deletedAt: null },
      orderBy: { position: "asc" },
      include: { commitments: true },
    });
    expect(objectives.map((objective) => objective.id)).toEqual([two.id, one.id]);
    expect(objectives[1].commitments[0]).toMatchObject({ description: "Engagement révisé", progress: 70, comment: "Bien avancé" });

    await run(updateFiche, coordinator, {
      ficheId: fiche.id,
      version: "2",
      axisId: axisA.id,
      title: "Fiche",
      geographicScope: "whole_territory",
      status: "in_progress",
      objectives: [{ id: one.id, title: "Un", status: "in_progress" }],
    });
    expect(await db().operationalObjective.findUniqueOrThrow({ where: { id: two.id } })).toMatchObject({ deletedAt: expect.any(Date) });
  });

  it("lets the piloting contributor edit the content, not move the fiche nor change its pilot", async () => {
    const { contractId, axisA, axisB } = await ficheSetup();
    await run(createFiche, coordinator, {
      contractId,
      axisId: axisA.id,
      title: "Fiche pilotée",
      geographicScope: "whole_territory",
      status: "not_started",
      pilotUserId: contributor.userId,
    });
    const fiche = await db().ficheAction.findFirstOrThrow({ where: { contractId } });
    const result = await run(updateFiche, contributor, {
      ficheId: fiche.id,
      version: "1",
      axisId: axisB.id,
      number: "42",
      title: "Fiche pilotée, précisée",
      geographicScope: "qpv",
      status: "in_progress",
      pilotUserId: "",
    });
    expect(result.ok).toBe(true);
    expect(await db().ficheAction.findUniqueOrThrow({ where: { id: fiche.id } })).toMatchObject({
      title: "Fiche pilotée, précisée",
      geographicScope: "qpv",
      axisId: axisA.id,
      number: 1,
      pilotUserId: contributor.userId,
    });
  });

  it("refuses ids from elsewhere at their field", async () => {
    const { contractId, axisA } = await ficheSetup();
    const other = await ficheSetup();
    const fiche = { contractId, title: "X", geographicScope: "whole_territory", status: "not_started" };
    expect(await run(createFiche, coordinator, { ...fiche, axisId: other.axisA.id })).toMatchObject({
      fieldErrors: { axisId: "Choisissez un axe de ce contrat." },
    });
    expect(await run(createFiche, coordinator, { ...fiche, axisId: axisA.id, findingIds: [other.finding.id] })).toMatchObject({
      fieldErrors: { findingIds: expect.any(String) },
    });
    expect(await run(createFiche, coordinator, { ...fiche, axisId: axisA.id, partners: [{ organisationId: randomUUID() }] })).toMatchObject(
      { fieldErrors: { "partners.0.organisationId": "Cette organisation n’existe pas." } },
    );
  });
});

describe("importing fiches", () => {
  it("reads an .xlsx made from the template, and reports rows by column", async () => {
    const { importFiches, importTemplate } = await import("@/lib/fiches/import");
    const ExcelJS = (await import("exceljs")).default;
    const contractId = await newContract();
    await run(createAxis, coordinator, { contractId, title: "Prévention" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Fiches actions")!;
    sheet.spliceRows(2, 1, [
      1,
      "Prévention",
      "Prévenir les chutes",
      "Réalisée",
      100,
      "",
      "",
      "",
      "",
      "",
      "",
      new Date(Date.UTC(2025, 0, 15)),
      "",
      "",
    ]);
    sheet.addRow([2, "Axe 9", "Fiche sans axe"]);
    const file = new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "fiches.xlsx");
    const result = await run(importFiches, coordinator, { contractId, mode: "import", file });
    expect(result).toMatchObject({ ok: true, data: { imported: true, report: { valid: 1, invalid: 1 } } });
    const report = (result as { data: { report: { rows: Array<{ errors: Record<string, string> }> } } }).data.report;
    expect(report.rows[1].errors).toEqual({ Axe: "Aucun axe de ce contrat ne s’appelle «\u00a0Axe 9\u00a0»." });
    const fiche = await db().ficheAction.findFirstOrThrow({ where: { contractId, number: 1 } });
    expect(fiche).toMatchObject({
      title: "Prévenir les chutes",
      status: "completed",
      progress: 100,
      startsOn: new Date("2025-01-15T00:00:00Z"),
    });
    // The history has the imported fields, as for a fiche saved from the form.
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: fiche.id } });
    expect(event).toMatchObject({
      action: "fiche.import.create",
      changes: {
        title: { before: null, after: "Prévenir les chutes" },
        ficheStatus: { after: "Réalisée" },
        startsOn: { after: "2025-01-15" },
      },
    });
  });
});

// A fiche's assessment in an evaluation campaign: created from version 0 and updated from the
// version the form loaded (a stale one, or two first saves at once, answer a conflict), with what
// was spent of each of the fiche's budget lines as exact decimals; refused once the campaign is
// closed, for a budget line of another fiche, and for anyone who may not edit the fiche. The
// campaign page and the assessment page load in a fixed number of queries.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { BUDGET_LINE_GONE_MESSAGE, saveAssessment } from "@/lib/assessments/mutations";
import { getAssessmentPage, getCampaignPage } from "@/lib/assessments/queries";
import { listRecentChanges } from "@/lib/audit/history";
import { actorForUser } from "@/lib/auth/actor";
import { NotFoundError, type Actor } from "@/lib/authz";
import { CLOSED_CAMPAIGN_MESSAGE } from "@/lib/campaigns/guard";
import { getDb } from "@/lib/db/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { updateFiche } from "@/lib/fiches/mutations";
import { SPENT_LINE_MESSAGE } from "@/lib/fiches/save";
import { createContract, createContractWithStructure, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const run = (actor: Actor, input: Record<string, unknown>) => executeAction(saveAssessment, { db: db(), actor, ip: "192.0.2.1" }, input);
const EUROS = (text: string) => text.replace(/ /g, "\u202f") + "\u00a0€";

async function member(role: MembershipRole, scope: { territoryId?: string; regionId?: string; organisationId?: string }) {
  const user = await db().user.create({ data: { email: `${role}-${randomUUID()}@exemple.test`, name: `Compte ${role}` } });
  await db().membership.create({ data: { userId: user.id, role, ...scope } });
  return { id: user.id, actor: await actorForUser(user.id) };
}

let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const { territory, contract } = await createContractWithStructure(db(), { axes: 2, fichesPerAxis: 2 });
  const fiches = await db().ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  const funder = await createOrganisation(db(), { name: `CPAM ${randomUUID().slice(0, 8)}` });
  const signatory = await db().signatory.findFirstOrThrow({ where: { contractId: contract.id } });
  const coordinator = await member("coordinator", { territoryId: territory.id });
  const pilot = await member("contributor", { territoryId: territory.id });
  const contributor = await member("contributor", { territoryId: territory.id });
  const partner = await member("partner", { territoryId: territory.id, organisationId: signatory.organisationId });
  const ars = await member("ars_officer", { regionId: territory.regionId });
  await db().ficheAction.update({ where: { id: fiches[0].id }, data: { pilotUserId: pilot.id, title: "Prévenir les chutes" } });
  const ars2025 = await db().budgetLine.create({
    data: { ficheId: fiches[0].id, funderLabel: "ARS", fundingInstrument: "FIR", year: 2025, amount: "30000" },
  });
  const cpam2026 = await db().budgetLine.create({ data: { ficheId: fiches[0].id, funderId: funder.id, year: 2026, amount: "12500.50" } });
  const otherFicheLine = await db().budgetLine.create({ data: { ficheId: fiches[1].id, funderLabel: "Ville", amount: "1000" } });
  const campaign = await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term" } });

  // Elsewhere: another territory's contract with its own open campaign and fiche.
  const foreign = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 1 });
  const foreignFiche = await db().ficheAction.findFirstOrThrow({ where: { contractId: foreign.contract.id } });
  const foreignCampaign = await db().evaluationCampaign.create({ data: { contractId: foreign.contract.id, kind: "mid_term" } });
  const foreignCoordinator = await member("coordinator", { territoryId: foreign.territory.id });
  return {
    territory,
    contract,
    fiches,
    funder,
    campaign,
    lines: { ars2025, cpam2026, otherFicheLine },
    actors: { coordinator, pilot, contributor, partner, ars, foreignCoordinator },
    foreign: { ...foreign, fiche: foreignFiche, campaign: foreignCampaign },
  };
}

beforeAll(async () => {
  world = await buildWorld();
});

/** A first save of fiche n° 1's assessment, as its form sends it. */
const firstSave = (overrides: Record<string, unknown> = {}) => ({
  campaignId: world.campaign.id,
  ficheId: world.fiches[0].id,
  version: "0",
  realisationStatus: "partially_completed",
  achievementRate: "60",
  relevanceRating: "3",
  relevanceComment: "Répond aux constats du diagnostic sur les chutes.",
  efficiencyRating: "2",
  difficulties: "Recrutement des animateurs.",
  spending: [
    { budgetLineId: world.lines.ars2025.id, spent: "12 500,50" },
    { budgetLineId: world.lines.cpam2026.id, spent: "" },
  ],
  ...overrides,
});

describe("saving a fiche's assessment", () => {
  it("creates it from version 0, keeps spending exact, and records a readable audit event", async () => {
    const saved = await run(world.actors.pilot.actor, firstSave());
    expect(saved).toMatchObject({ ok: true });

    const assessment = await db().ficheAssessment.findUniqueOrThrow({
      where: { campaignId_ficheId: { campaignId: world.campaign.id, ficheId: world.fiches[0].id } },
      include: { spending: true },
    });
    expect(assessment).toMatchObject({
      version: 1,
      realisationStatus: "partially_completed",
      achievementRate: 60,
      relevanceRating: 3,
      efficiencyRating: 2,
      coherenceRating: null,
      difficulties: "Recrutement des animateurs.",
    });
    expect(assessment.spending.map((row) => [row.budgetLineId, row.spent.toString()])).toEqual([[world.lines.ars2025.id, "12500.5"]]);

    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "FicheAssessment", entityId: assessment.id } });
    expect(event).toMatchObject({ action: "assessment.save", entityLabel: "Fiche n°\u00a01 · Évaluation à mi-parcours" });
    expect(event.changes).toMatchObject({
      realisationStatus: { before: null, after: "Partiellement réalisée" },
      achievementRate: { before: null, after: "60\u00a0%" },
      relevanceRating: { before: null, after: "3 – Satisfaisant" },
      spending: { before: null, after: `ARS (FIR) 2025 : ${EUROS("12 500,50")} dépensés sur ${EUROS("30 000,00")}` },
    });
    const [line] = await listRecentChanges(db(), "FicheAssessment", assessment.id, 1);
    expect(line.fields.map((field) => field.label)).toEqual([
      "Réalisation",
      "Taux d’atteinte",
      "Pertinence\u00a0: appréciation",
      "Pertinence\u00a0: commentaire",
      "Efficience\u00a0: appréciation",
      "Difficultés rencontrées",
      "Dépenses",
    ]);
  });

  it("updates from the version loaded; a stale version, or version 0 once it exists, is a conflict saying what changed", async () => {
    const updated = await run(
      world.actors.coordinator.actor,
      firstSave({
        version: "1",
        realisationStatus: "completed",
        achievementRate: "100",
        spending: [
          { budgetLineId: world.lines.ars2025.id, spent: "" },
          { budgetLineId: world.lines.cpam2026.id, spent: "999 999 999 999,99" },
        ],
      }),
    );
    expect(updated).toMatchObject({ ok: true });
    const assessment = await db().ficheAssessment.findUniqueOrThrow({
      where: { campaignId_ficheId: { campaignId: world.campaign.id, ficheId: world.fiches[0].id } },
      include: { spending: true },
    });
    expect(assessment).toMatchObject({ version: 2, realisationStatus: "completed", achievementRate: 100 });
    expect(assessment.spending.map((row) => [row.budgetLineId, row.spent.toString()])).toEqual([
      [world.lines.cpam2026.id, "999999999999.99"],
    ]);

    for (const version of ["1", "0"]) {
      const stale = await run(world.actors.pilot.actor, firstSave({ version, realisationStatus: "abandoned" }));
      expect(stale).toMatchObject({ ok: false, reason: "conflict", conflict: { currentVersion: 2 } });
      const fields = !stale.ok ? stale.conflict!.changes.flatMap((change) => change.fields) : [];
      expect(fields).toContainEqual({ label: "Réalisation", before: "Partiellement réalisée", after: "Réalisée" });
    }
    expect(await db().ficheAssessment.findUniqueOrThrow({ where: { id: assessment.id } })).toMatchObject({
      version: 2,
      realisationStatus: "completed",
    });
  });

  it("two first saves at the same moment: one is saved, the other answers a conflict, not a crash", async () => {
    const ficheId = world.fiches[2].id;
    const save = () => run(world.actors.coordinator.actor, firstSave({ ficheId, spending: [] }));
    const results = await Promise.all([save(), save()]);
    expect(results.map((result) => (result.ok ? "ok" : result.reason)).sort()).toEqual(["conflict", "ok"]);
    expect(await db().ficheAssessment.count({ where: { campaignId: world.campaign.id, ficheId } })).toBe(1);
  });

  it("refuses bad values at their field, in French, and writes nothing", async () => {
    const ficheId = world.fiches[3].id;
    const line = await db().budgetLine.create({ data: { ficheId, funderLabel: "Département", amount: "500" } });
    const refused = await run(
      world.actors.coordinator.actor,
      firstSave({
        ficheId,
        achievementRate: "150",
        impactRating: "5",
        spending: [{ budgetLineId: line.id, spent: "abc" }],
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        achievementRate: "Un pourcentage entre 0 et 100.",
        impactRating: "Choisissez une appréciation de 1 à 4.",
        "spending.0.spent": "Saisissez un montant en euros, par exemple 12\u00a0500,50.",
      },
    });
    const twice = await run(
      world.actors.coordinator.actor,
      firstSave({
        ficheId,
        spending: [
          { budgetLineId: line.id, spent: "10" },
          { budgetLineId: line.id, spent: "12" },
        ],
      }),
    );
    expect(twice).toMatchObject({ ok: false, fieldErrors: { "spending.1.spent": "Cette ligne de budget est déjà saisie plus haut." } });
    const negative = await run(world.actors.coordinator.actor, firstSave({ ficheId, spending: [{ budgetLineId: line.id, spent: "-1" }] }));
    expect(negative).toMatchObject({ ok: false, fieldErrors: { "spending.0.spent": "Un montant ne peut pas être négatif." } });
    expect(await db().ficheAssessment.count({ where: { ficheId } })).toBe(0);
  });

  it("refuses a budget line that is not the fiche's, and writes nothing", async () => {
    const ficheId = world.fiches[3].id;
    const refused = await run(
      world.actors.coordinator.actor,
      firstSave({ ficheId, spending: [{ budgetLineId: world.lines.otherFicheLine.id, spent: "10" }] }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "spending.0.spent": BUDGET_LINE_GONE_MESSAGE } });
    const unknown = await run(
      world.actors.coordinator.actor,
      firstSave({ ficheId, spending: [{ budgetLineId: randomUUID(), spent: "10" }] }),
    );
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { "spending.0.spent": BUDGET_LINE_GONE_MESSAGE } });
    expect(await db().ficheAssessment.count({ where: { ficheId } })).toBe(0);
  });

  it("is refused by the action layer once the campaign is closed, whatever the version, and changes nothing", async () => {
    const contract = await createContract(db(), { territoryId: world.territory.id, generation: 2 });
    const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Axe" } });
    const fiche = await db().ficheAction.create({ data: { contractId: contract.id, axisId: axis.id, number: 1, title: "Close" } });
    const line = await db().budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "ARS", amount: "100" } });
    const campaign = await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "final" } });
    const opened = await run(
      world.actors.coordinator.actor,
      firstSave({ campaignId: campaign.id, ficheId: fiche.id, spending: [{ budgetLineId: line.id, spent: "80" }] }),
    );
    expect(opened).toMatchObject({ ok: true });
    await db().evaluationCampaign.update({ where: { id: campaign.id }, data: { status: "closed", closedAt: new Date() } });

    for (const version of ["0", "1", "2"]) {
      const refused = await run(world.actors.coordinator.actor, firstSave({ campaignId: campaign.id, ficheId: fiche.id, version }));
      expect(refused).toEqual({ ok: false, reason: "refused", message: CLOSED_CAMPAIGN_MESSAGE });
    }
    const kept = await db().ficheAssessment.findFirstOrThrow({ where: { campaignId: campaign.id }, include: { spending: true } });
    expect(kept).toMatchObject({ version: 1 });
    expect(kept.spending.map((row) => row.spent.toString())).toEqual(["80"]);

    // The fiche's own form may not remove a line whose spending a closed campaign holds.
    const fiches = { ficheId: fiche.id, axisId: axis.id, title: "Close", geographicScope: "whole_territory", status: "in_progress" };
    const removed = await executeAction(
      updateFiche,
      { db: db(), actor: world.actors.coordinator.actor, ip: null },
      {
        ...fiches,
        version: "1",
        budgetLines: [],
      },
    );
    expect(removed).toMatchObject({ ok: false, reason: "refused", message: SPENT_LINE_MESSAGE });
    expect(await db().budgetLine.count({ where: { id: line.id } })).toBe(1);
  });

  it("a fiche saved with its form keeps its budget lines, and their spending", async () => {
    const ficheId = world.fiches[0].id;
    const { ars2025, cpam2026 } = world.lines;
    const version = (await db().ficheAction.findUniqueOrThrow({ where: { id: ficheId } })).version;
    const saved = await executeAction(
      updateFiche,
      { db: db(), actor: world.actors.coordinator.actor, ip: null },
      {
        ficheId,
        version: String(version),
        axisId: world.fiches[0].axisId,
        title: "Prévenir les chutes",
        geographicScope: "whole_territory",
        status: "in_progress",
        pilotUserId: world.actors.pilot.id,
        budgetLines: [
          { id: cpam2026.id, funderId: world.funder.id, year: "2026", amount: "13 000" },
          { id: ars2025.id, funderLabel: "ARS", fundingInstrument: "FIR", year: "2025", amount: "30 000" },
          { id: randomUUID(), funderLabel: "Mutualité", amount: "200" },
        ],
      },
    );
    expect(saved).toMatchObject({ ok: true });
    const lines = await db().budgetLine.findMany({ where: { ficheId }, select: { id: true, amount: true } });
    expect(lines.map((line) => line.id)).toEqual(expect.arrayContaining([ars2025.id, cpam2026.id]));
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.id === cpam2026.id)!.amount.toString()).toBe("13000");
    expect(await db().assessmentSpending.count({ where: { budgetLineId: cpam2026.id } })).toBe(1);
  });

  describe("who may save it", () => {
    it("the pilot and the territory's coordinators; not another contributor, a partner, the ARS, nor another territory", async () => {
      const ficheId = world.fiches[1].id;
      const input = firstSave({ ficheId, spending: [] });
      for (const who of ["contributor", "partner", "ars", "foreignCoordinator"] as const)
        expect(await run(world.actors[who].actor, input), who).toMatchObject({ ok: false, reason: "notFound" });
      expect(await db().ficheAssessment.count({ where: { ficheId } })).toBe(0);
    });

    it("a fiche of another territory, of another contract than the campaign's, or in the trash is not found", async () => {
      const { coordinator, foreignCoordinator } = world.actors;
      // Another territory's fiche, with its own campaign or with ours.
      for (const campaignId of [world.foreign.campaign.id, world.campaign.id])
        expect(await run(coordinator.actor, firstSave({ campaignId, ficheId: world.foreign.fiche.id, spending: [] }))).toMatchObject({
          reason: "notFound",
        });
      // Its coordinator, with our fiche in its campaign.
      expect(
        await run(
          foreignCoordinator.actor,
          firstSave({ campaignId: world.foreign.campaign.id, ficheId: world.fiches[1].id, spending: [] }),
        ),
      ).toMatchObject({ reason: "notFound" });
      const trashed = await db().ficheAction.create({
        data: { contractId: world.contract.id, axisId: world.fiches[0].axisId, number: 99, title: "Corbeille", deletedAt: new Date() },
      });
      expect(await run(coordinator.actor, firstSave({ ficheId: trashed.id, spending: [] }))).toMatchObject({ reason: "notFound" });
    });
  });
});

describe("the campaign's pages", () => {
  it("the campaign page counts assessed fiches and lists them by axis, in two queries whatever their number", async () => {
    const { territory, contract, campaign } = world;
    const counted = await countQueries(() =>
      getCampaignPage(world.actors.ars.actor, territory.slug, contract.id, campaign.id, { page: 1 }),
    );
    expect(counted.queries).toHaveLength(2);
    // Fiches n° 1 and 3 have an assessment with a realisation status; the trashed fiche is not counted.
    expect(counted.result.progress).toEqual({ assessed: 2, total: 4 });
    expect(counted.result.groups.map((group) => group.fiches.map((fiche) => fiche.number))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(counted.result.groups[0].fiches[0]).toMatchObject({
      title: "Prévenir les chutes",
      assessment: { realisationStatus: "completed", achievementRate: 100 },
    });

    // A larger contract: 3 axes of 10 fiches, each assessed with spending.
    const large = await createContractWithStructure(db(), { axes: 3, fichesPerAxis: 10 });
    const largeCampaign = await db().evaluationCampaign.create({ data: { contractId: large.contract.id, kind: "mid_term" } });
    for (const fiche of await db().ficheAction.findMany({ where: { contractId: large.contract.id } })) {
      const line = await db().budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "ARS", amount: "10" } });
      await db().ficheAssessment.create({
        data: {
          campaignId: largeCampaign.id,
          ficheId: fiche.id,
          realisationStatus: "completed",
          spending: { create: { budgetLineId: line.id, spent: "5" } },
        },
      });
    }
    const admin = await member("platform_admin", {});
    const largeCount = await countQueries(() =>
      getCampaignPage(admin.actor, large.territory.slug, large.contract.id, largeCampaign.id, { page: 1 }),
    );
    expect(largeCount.result.progress).toEqual({ assessed: 30, total: 30 });
    expect(largeCount.result.groups.flatMap((group) => group.fiches)).toHaveLength(24);
    expect(largeCount.result.pageCount).toBe(2);
    expect(largeCount.queries).toHaveLength(counted.queries.length);
  });

  it("the campaign page is read by whoever reads the contract, and not found elsewhere or under another contract", async () => {
    const { territory, contract, campaign, foreign } = world;
    for (const who of ["coordinator", "pilot", "partner", "ars"] as const)
      await expect(getCampaignPage(world.actors[who].actor, territory.slug, contract.id, campaign.id, { page: 1 })).resolves.toBeDefined();
    await expect(
      getCampaignPage(world.actors.foreignCoordinator.actor, territory.slug, contract.id, campaign.id, { page: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getCampaignPage(world.actors.coordinator.actor, territory.slug, contract.id, foreign.campaign.id, { page: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the assessment page: the form for the fiche's editors while open, exact totals, in a fixed number of queries", async () => {
    const { territory, contract, campaign, fiches } = world;
    const page = (actor: Actor, ficheId: string) => getAssessmentPage(actor, territory.slug, contract.id, campaign.id, ficheId);

    const assessed = await countQueries(() => page(world.actors.pilot.actor, fiches[0].id));
    expect(assessed.result.editable).toBe(true);
    expect(assessed.result.budget).toMatchObject({ planned: "43200", spent: "999999999999.99" });
    expect(assessed.result.values).toMatchObject({ realisationStatus: "completed", achievementRate: "100", relevanceRating: "3" });
    expect(assessed.result.values.spending).toEqual(
      expect.arrayContaining([{ budgetLineId: world.lines.cpam2026.id, spent: "999999999999,99" }]),
    );
    expect(assessed.result.history.length).toBeGreaterThanOrEqual(2);
    // Their editors only, while the campaign is open.
    expect((await page(world.actors.ars.actor, fiches[0].id)).editable).toBe(false);
    expect((await page(world.actors.contributor.actor, fiches[0].id)).editable).toBe(false);
    await expect(page(world.actors.foreignCoordinator.actor, fiches[0].id)).rejects.toBeInstanceOf(NotFoundError);

    // A fiche with many indicators and budget lines: the same queries.
    const ficheId = fiches[2].id;
    const bare = await countQueries(() => page(world.actors.coordinator.actor, ficheId));
    for (let index = 0; index < 8; index++) {
      await db().budgetLine.create({ data: { ficheId, funderLabel: `Financeur ${index}`, amount: "0.1" } });
      const indicator = await db().indicator.create({ data: { ficheId, name: `Indicateur ${index}`, level: "result" } });
      await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: new Date("2026-01-01"), value: index } });
      await db().operationalObjective.create({ data: { ficheId, position: index + 1, title: `Objectif ${index}` } });
    }
    const full = await countQueries(() => page(world.actors.coordinator.actor, ficheId));
    expect(full.result.indicators).toHaveLength(8);
    expect(full.result.budget.planned).toBe("0.8");
    expect(full.queries).toHaveLength(bare.queries.length);
    expect(full.queries.length).toBeLessThanOrEqual(2);
  });
});

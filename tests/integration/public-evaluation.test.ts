// The public page's evaluation: only a published contract's last closed campaign, read from its
// snapshot (live edits afterwards change nothing), in a fixed number of queries, and with no
// amount, contribution or minutes in what the page receives.
import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { findPublicEvaluation } from "@/lib/public-pages/evaluation";
import { findTerritoryPage } from "@/lib/territories/queries";
import { closeEvaluation, CONFIDENTIAL_EVALUATION, createEvaluatedContract, EVALUATION_SYNTHESIS } from "../fixtures/evaluations";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const TODAY = new Date("2026-11-15T10:00:00Z");

/** What the public page shows of a territory's evaluation, read as the page reads it. */
async function publicEvaluationOf(slug: string) {
  const page = await findTerritoryPage(ANONYMOUS, slug);
  const contract = page?.contracts[0];
  return contract ? findPublicEvaluation(contract, TODAY) : null;
}

describe("the evaluation on the public contract page", () => {
  it("never shows an open campaign's provisional figures", async () => {
    const world = await createEvaluatedContract(db());
    expect(await publicEvaluationOf(world.territory.slug)).toBeNull();
  });

  it("shows a closed campaign's frozen figures, whatever is edited afterwards", async () => {
    const world = await createEvaluatedContract(db());
    await closeEvaluation(db(), world);
    const shown = await publicEvaluationOf(world.territory.slug);
    expect(shown).toMatchObject({
      kind: "mid_term",
      periodStart: new Date("2024-01-01"),
      periodEnd: new Date("2026-06-30"),
      synthesis: EVALUATION_SYNTHESIS,
      fiches: 4,
      assessed: 2,
      achievement: 60,
      realisation: { completed: 1, partially_completed: 1, not_started: 0, abandoned: 0, unassessed: 2 },
    });
    expect(shown!.achievementByAxis.rows.map(({ label, value, assessed, fiches }) => ({ label, value, assessed, fiches }))).toEqual([
      { label: "Axe 1", value: 80, assessed: 1, fiches: 2 },
      { label: "Axe 2", value: 40, assessed: 1, fiches: 2 },
    ]);
    expect(shown!.achievementByAxis.summary).toMatch(/^Le taux de réalisation moyen va de 40\s%\spour l’axe 2 à 80\s%\spour l’axe 1\.$/);
    expect(shown!.realisationByAxis.summary).toMatch(/^2\sfiches actions évaluées sur 4\s: 1 réalisée et 1 partiellement réalisée\.$/);
    expect(shown!.indicators).toBe("Aucune fiche action n’a encore d’indicateur.");

    // Live edits after closing: the assessments rewritten, a fiche deleted, the axes renamed.
    await db().ficheAssessment.updateMany({
      where: { campaignId: world.campaign.id },
      data: { achievementRate: 5, realisationStatus: "abandoned" },
    });
    await db().ficheAction.update({ where: { id: world.fiches[1].id }, data: { deletedAt: new Date() } });
    await db().axis.updateMany({ where: { contractId: world.contract.id }, data: { title: "Renommé" } });
    expect(await publicEvaluationOf(world.territory.slug)).toEqual(shown);
  });

  it("never shows the campaign of a contract that is not published", async () => {
    const world = await createEvaluatedContract(db());
    await closeEvaluation(db(), world);
    await db().contract.update({ where: { id: world.contract.id }, data: { visibility: "draft" } });
    expect(await findTerritoryPage(ANONYMOUS, world.territory.slug)).toMatchObject({ contracts: [] });
    expect(await publicEvaluationOf(world.territory.slug)).toBeNull();
  });

  it("hands the page no amount, contribution, minutes nor a fiche's own texts", async () => {
    const world = await createEvaluatedContract(db());
    await closeEvaluation(db(), world);
    const shown = await publicEvaluationOf(world.territory.slug);
    expect(shown).not.toBeNull();
    const serialized = JSON.stringify(shown);
    const keys = [
      "planned",
      "spent",
      "amount",
      "amountSpent",
      "budget",
      "budgetTotal",
      "contribution",
      "contributions",
      "minutes",
      "meetings",
    ];
    for (const key of [...keys, "decisions", "recommendations", "difficulties", "criteria"]) expect(serialized).not.toContain(`"${key}"`);
    for (const confidential of [...CONFIDENTIAL_EVALUATION.amounts, ...CONFIDENTIAL_EVALUATION.texts, "CPAM"])
      expect(serialized).not.toContain(confidential);
  });

  it("reads the evaluation in two queries whether the contract has 4 or 40 fiches, and the page still in one", async () => {
    const small = await createEvaluatedContract(db(), { fichesPerAxis: 2 });
    const large = await createEvaluatedContract(db(), { fichesPerAxis: 20 });
    await closeEvaluation(db(), small);
    await closeEvaluation(db(), large);
    const counts = [];
    for (const { territory } of [small, large]) {
      const page = await countQueries(() => findTerritoryPage(ANONYMOUS, territory.slug));
      const evaluation = await countQueries(() => findPublicEvaluation(page.result!.contracts[0], TODAY));
      counts.push({ page: page.queries.length, evaluation: evaluation.queries.length, fiches: evaluation.result?.fiches });
    }
    expect(counts).toEqual([
      { page: 1, evaluation: 2, fiches: 4 },
      { page: 1, evaluation: 2, fiches: 40 },
    ]);
  });
});

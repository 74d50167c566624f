// The campaign dashboard's loader: a fixed number of SQL statements for 2 or 40 fiches, open or
// closed, a 404 for another contract's campaign, the other campaign's totals for the comparison
// equal to its full figures, and the contract dashboard's budget spent from the latest campaign.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { NotFoundError } from "@/lib/authz";
import { closeCampaign, openCampaign } from "@/lib/campaigns/mutations";
import { getDb } from "@/lib/db/client";
import { readOpenCampaignTotals } from "@/lib/dashboards/campaign-figures";
import { getCampaignDashboard, getContractDashboard } from "@/lib/dashboards/queries";
import { evaluationFigures } from "@/lib/evaluations/figures";
import { readCampaignEvaluation } from "@/lib/evaluations/read";
import { createContractWithStructure, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const today = new Date("2026-11-15T10:00:00Z");
const run = (definition: Parameters<typeof executeAction>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

/** A contract whose fiches all have a budget line, a commitment and an assessment with spending in an open mid-term campaign. */
async function assessedContract(fichesPerAxis: number) {
  const { territory, contract } = await createContractWithStructure(db(), { axes: 2, fichesPerAxis });
  const user = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role: "coordinator", territoryId: territory.id } } },
  });
  const actor = await actorForUser(user.id);
  const funder = await createOrganisation(db(), { name: `CPAM ${randomUUID()}` });
  expect(
    await run(openCampaign, actor, {
      contractId: contract.id,
      kind: "mid_term",
      periodStart: "2024-01-01",
      periodEnd: "2026-06-30",
      opensOn: "2026-07-01",
      closesOn: "",
    }),
  ).toMatchObject({ ok: true });
  const campaign = await db().evaluationCampaign.findFirstOrThrow({ where: { contractId: contract.id } });
  const fiches = await db().ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  for (const [index, fiche] of fiches.entries()) {
    const line = await db().budgetLine.create({ data: { ficheId: fiche.id, funderId: funder.id, amount: "1000.10" } });
    const commitment = await db().commitment.create({ data: { ficheId: fiche.id, organisationId: funder.id, description: "Ateliers" } });
    await db().commitmentContribution.create({ data: { campaignId: campaign.id, commitmentId: commitment.id, outcome: "kept" } });
    if (index % 2 === 0)
      await db().ficheAssessment.create({
        data: {
          campaignId: campaign.id,
          ficheId: fiche.id,
          realisationStatus: index % 4 === 0 ? "completed" : "partially_completed",
          achievementRate: index % 4 === 0 ? 100 : 45,
          relevanceRating: 3,
          spending: { create: { budgetLineId: line.id, spent: "500.05" } },
        },
      });
  }
  return { territory, contract, campaign, actor };
}

describe("campaign dashboard", () => {
  it("reads a campaign of 2 or of 40 fiches in the same statements, open and then closed", async () => {
    const small = await assessedContract(1);
    const large = await assessedContract(20);
    const read = (of: typeof small) =>
      countQueries(() => getCampaignDashboard(of.actor, of.territory.slug, of.contract.id, of.campaign.id, { today }));
    const [few, many] = [await read(small), await read(large)];
    expect(many.result.figures.fiches).toHaveLength(40);
    expect(few.result.figures.fiches).toHaveLength(2);
    expect(many.queries.length).toBe(few.queries.length);

    for (const of of [small, large])
      expect(await run(closeCampaign, of.actor, { campaignId: of.campaign.id, version: String(of.campaign.version) })).toMatchObject({
        ok: true,
      });
    const [fewClosed, manyClosed] = [await read(small), await read(large)];
    expect(manyClosed.queries.length).toBe(fewClosed.queries.length);
    expect(manyClosed.result.figures.budgetTotal).toEqual({ planned: "40004.00", spent: "10001.00" });
    // A closed campaign's figures are kept: the second read is only the contract's.
    expect((await read(large)).queries.length).toBe(1);
  });

  it("answers 404 for a campaign of another contract, or for a reader of another territory", async () => {
    const mine = await assessedContract(1);
    const other = await assessedContract(1);
    await expect(
      getCampaignDashboard(mine.actor, mine.territory.slug, mine.contract.id, other.campaign.id, { today }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getCampaignDashboard(other.actor, mine.territory.slug, mine.contract.id, mine.campaign.id, { today }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("compares with the other campaign through totals equal to its figures", async () => {
    const world = await assessedContract(3);
    const figures = evaluationFigures(await readCampaignEvaluation(db(), world.contract.id, world.campaign.id, today), today);
    const totals = await readOpenCampaignTotals(db(), world.contract.id, world.campaign.id);
    expect(totals.achievement).toBe(figures.achievement);
    expect(totals.realisation).toEqual(figures.realisation);
    expect(totals.budgetTotal).toEqual(figures.budgetTotal);
    expect(totals.axes.map((axis) => axis.achievement)).toEqual(figures.axes.map((axis) => axis.achievement));

    expect(await run(closeCampaign, world.actor, { campaignId: world.campaign.id, version: String(world.campaign.version) })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(
      await run(openCampaign, world.actor, {
        contractId: world.contract.id,
        kind: "final",
        periodStart: "2024-01-01",
        periodEnd: "2028-12-31",
        opensOn: "2026-11-01",
        closesOn: "",
      }),
    ).toMatchObject({ ok: true });
    const dashboard = await getCampaignDashboard(world.actor, world.territory.slug, world.contract.id, world.campaign.id, { today });
    expect(dashboard.other?.campaign.kind).toBe("final");
    expect(dashboard.other?.totals.realisation.unassessed).toBe(6);

    // The contract dashboard's budget: spent as the latest campaign with spending says (the closed mid-term one).
    const contract = await getContractDashboard(world.actor, world.territory.slug, world.contract.id, { asOf: today });
    expect(contract.spendingCampaign?.kind).toBe("mid_term");
    expect(contract.campaigns.map((campaign) => campaign.kind)).toEqual(["mid_term", "final"]);
    expect(contract.budget[0]).toMatchObject({ planned: "6000.60", spent: "1500.15" });
  });
});

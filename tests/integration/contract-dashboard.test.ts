// The contract dashboard's loader: a fixed number of SQL statements whatever the number of
// fiches, indicators, measurements, budget lines and commitments (ADR 0003), and what it reads.
import { describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { getContractDashboard } from "@/lib/dashboards/queries";
import { createContractWithStructure, createOrganisation, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const asOf = new Date("2026-06-01T00:00:00Z");

/** A contract whose every fiche has an indicator with measurements, a budget line and a partner's commitment on an objective. */
async function filledContract(axes: number, fichesPerAxis: number) {
  const db = getDb();
  const { territory, contract } = await createContractWithStructure(db, { axes, fichesPerAxis });
  const [funder, partner] = await Promise.all([createOrganisation(db), createOrganisation(db)]);
  const fiches = await db.ficheAction.findMany({ where: { contractId: contract.id }, select: { id: true, number: true } });
  for (const fiche of fiches) {
    await db.ficheAction.update({ where: { id: fiche.id }, data: { endsOn: new Date("2026-01-01"), status: "in_progress", progress: 40 } });
    const objective = await db.operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Objectif", progress: 50 } });
    await db.commitment.create({ data: { organisationId: partner.id, objectiveId: objective.id, description: "Engagement" } });
    await db.budgetLine.create({ data: { ficheId: fiche.id, funderId: funder.id, amount: 1000 } });
    await db.budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "Mécène", amount: 500 } });
    await db.indicator.create({
      data: {
        ficheId: fiche.id,
        name: `Indicateur ${fiche.number}`,
        level: "result",
        baselineValue: 0,
        baselineOn: new Date("2024-01-01"),
        targetValue: 10,
        targetOn: new Date("2028-01-01"),
        measurements: {
          create: [1, 2, 3].map((month) => ({ measuredOn: new Date(`2025-0${month}-01`), value: month })),
        },
      },
    });
  }
  const coordinator = await createUser(db, { memberships: { create: { role: "coordinator", territoryId: territory.id } } });
  return { territory, contract, funder, partner, actor: await actorForUser(coordinator.id) };
}

describe("contract dashboard", () => {
  it("reads a contract of 2 or of 60 fiches in the same few statements", async () => {
    const small = await filledContract(1, 2);
    const large = await filledContract(4, 15);

    const read = (of: typeof small) => countQueries(() => getContractDashboard(of.actor, of.territory.slug, of.contract.id, { asOf }));
    const [few, many] = [await read(small), await read(large)];

    expect(many.result.indicators).toHaveLength(60);
    expect(few.result.indicators).toHaveLength(2);
    expect(many.queries.length).toBe(few.queries.length);
    expect(many.queries.length).toBeLessThanOrEqual(7);
  });

  it("aggregates the budget by funder and the commitments by partner in SQL, and draws the first indicator measured", async () => {
    const { territory, contract, funder, partner, actor } = await filledContract(1, 3);
    const dashboard = await getContractDashboard(actor, territory.slug, contract.id, { asOf });

    expect(dashboard.budget).toEqual(
      expect.arrayContaining([
        { funder: funder.name, amount: 3000, planned: "3000.00", spent: "0.00" },
        { funder: "Mécène", amount: 1500, planned: "1500.00", spent: "0.00" },
      ]),
    );
    // The fiches ended on 1 January 2026, before `asOf`: their unfinished commitments are overdue.
    expect(dashboard.commitments).toEqual([
      { organisationId: partner.id, organisation: partner.name, status: "not_started", overdue: true, count: 3 },
    ]);
    expect(dashboard.indicators[0]).toMatchObject({ ficheNumber: 1, latestValue: 3, baselineValue: 0, targetValue: 10 });
    expect(dashboard.trajectory?.indicator.id).toBe(dashboard.indicators[0].id);
    expect(dashboard.trajectory?.measurements.map((measurement) => measurement.value)).toEqual([1, 2, 3]);

    const chosen = await getContractDashboard(actor, territory.slug, contract.id, { asOf, indicatorId: dashboard.indicators[2].id });
    expect(chosen.trajectory?.indicator.name).toBe("Indicateur 3");
  });

  it("never draws an indicator of another contract, and is not found for a reader of another territory", async () => {
    const mine = await filledContract(1, 1);
    const other = await filledContract(1, 1);
    const foreignIndicator = (await getContractDashboard(other.actor, other.territory.slug, other.contract.id, { asOf })).indicators[0];

    const dashboard = await getContractDashboard(mine.actor, mine.territory.slug, mine.contract.id, {
      asOf,
      indicatorId: foreignIndicator.id,
    });
    expect(dashboard.trajectory?.indicator.name).toBe("Indicateur 1");
    expect(dashboard.trajectory?.indicator.id).not.toBe(foreignIndicator.id);
    await expect(getContractDashboard(mine.actor, other.territory.slug, other.contract.id, { asOf })).rejects.toBeInstanceOf(NotFoundError);
  });
});

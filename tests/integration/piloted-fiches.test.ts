// "Mes fiches": the fiches a person pilots where they may edit them, with what falls due, in two
// queries whatever the page holds.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { listPilotedFiches } from "@/lib/fiches/queries";
import { createContract, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const TODAY = day("2026-12-06");

let pilot: Actor;
let pilotId: string;
let territoryId: string;
let contractId: string;
let axisId: string;
let fiches = 0;

async function fiche(data: { title: string; contractId?: string; axisId?: string; deletedAt?: Date }) {
  return db().ficheAction.create({
    data: { contractId, axisId, number: ++fiches, pilotUserId: pilotId, startsOn: day("2026-01-01"), ...data },
  });
}

beforeAll(async () => {
  territoryId = (await createTerritory(db())).id;
  contractId = (await createContract(db(), { territoryId })).id;
  axisId = (await db().axis.create({ data: { contractId, position: 1, number: 1, title: "Axe 1" } })).id;
  const user = await db().user.create({
    data: { email: `pilote-${randomUUID()}@exemple.test`, memberships: { create: { role: "contributor", territoryId } } },
  });
  pilotId = user.id;
  pilot = await actorForUser(user.id);
});

describe("Mes fiches", () => {
  it("lists the fiches the person pilots in their territories, with what is due, outside the trash", async () => {
    const followed = await fiche({ title: "Ateliers de prévention" });
    const indicator = await db().indicator.create({
      data: { ficheId: followed.id, name: "Ateliers tenus", level: "process", frequency: "quarterly" },
    });
    await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: day("2026-08-20"), value: 3 } });
    const milestone = await db().milestone.create({ data: { ficheId: followed.id, title: "Convention signée", dueOn: day("2026-12-20") } });
    // An open mid-term evaluation asks for the fiche's assessment; a closed one, or one assessed, asks nothing.
    const campaign = await db().evaluationCampaign.create({ data: { contractId, kind: "mid_term", opensOn: day("2026-12-01") } });
    await db().evaluationCampaign.create({ data: { contractId, kind: "final", status: "closed", opensOn: day("2026-12-01") } });
    await fiche({ title: "Dans la corbeille", deletedAt: new Date() });
    // A fiche of another territory names them as pilot, but they are no member there.
    const elsewhere = await createContract(db(), { territoryId: (await createTerritory(db())).id });
    const elsewhereAxis = await db().axis.create({ data: { contractId: elsewhere.id, position: 1, number: 1, title: "Axe 1" } });
    await fiche({ title: "Ailleurs", contractId: elsewhere.id, axisId: elsewhereAxis.id });

    const { entries, total } = await listPilotedFiches(pilot, { page: 1 }, TODAY);
    expect(total).toBe(1);
    expect(entries.map((entry) => [entry.title, entry.due])).toEqual([
      [
        "Ateliers de prévention",
        [
          { kind: "measurement", subjectId: indicator.id, label: "Ateliers tenus", dueOn: day("2026-11-20"), overdue: true },
          { kind: "assessment", subjectId: campaign.id, label: "Évaluation à mi-parcours", dueOn: day("2026-12-01"), overdue: false },
          { kind: "milestone", subjectId: milestone.id, label: "Convention signée", dueOn: day("2026-12-20"), overdue: false },
        ],
      ],
    ]);
    await db().ficheAssessment.create({
      data: { campaignId: campaign.id, ficheId: followed.id, realisationStatus: "partially_completed" },
    });
    const [assessed] = (await listPilotedFiches(pilot, { page: 1 }, TODAY)).entries;
    expect(assessed.due.map((item) => item.kind)).toEqual(["measurement", "milestone"]);
    // Once the contract is closed, nothing falls due on it any more.
    await db().contract.update({ where: { id: contractId }, data: { status: "closed" } });
    const [closed] = (await listPilotedFiches(pilot, { page: 1 }, TODAY)).entries;
    expect(closed.due).toEqual([]);
    await db().contract.update({ where: { id: contractId }, data: { status: "in_progress" } });
  });

  it("reads a page in two queries however many fiches, indicators and milestones it holds", async () => {
    const before = await countQueries(() => listPilotedFiches(pilot, { page: 1 }, TODAY));
    for (let index = 0; index < 5; index++) {
      const created = await fiche({ title: `Fiche ${index}` });
      await db().indicator.createMany({
        data: [1, 2, 3].map((n) => ({
          ficheId: created.id,
          name: `Indicateur ${n}`,
          level: "result" as const,
          frequency: "yearly" as const,
        })),
      });
      await db().milestone.createMany({
        data: [1, 2].map((n) => ({ ficheId: created.id, title: `Étape ${n}`, dueOn: day("2026-12-10") })),
      });
    }
    const after = await countQueries(() => listPilotedFiches(pilot, { page: 1 }, TODAY));
    expect(after.result.total).toBeGreaterThan(before.result.total);
    expect(after.queries).toHaveLength(2);
    expect(before.queries).toHaveLength(2);
  });

  it("is empty for someone who pilots nothing, and for a partner", async () => {
    const partner = await db().user.create({ data: { email: `p-${randomUUID()}@exemple.test` } });
    expect(await listPilotedFiches(await actorForUser(partner.id), { page: 1 }, TODAY)).toEqual({ entries: [], total: 0 });
  });
});

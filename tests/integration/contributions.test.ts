// Partners' contributions to an evaluation campaign: only the committed organisation's partners
// write them, only while the campaign is open, from the version they loaded; amounts are exact,
// and another territory's ids are not found.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { CLOSED_CAMPAIGN_MESSAGE } from "@/lib/campaigns/guard";
import { saveContribution } from "@/lib/contributions/mutations";
import { listCampaignContributions, listCommitmentCampaigns } from "@/lib/contributions/queries";
import { listPartnerCommitments } from "@/lib/commitments/queries";
import { getDb } from "@/lib/db/client";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const run = (actor: Actor, input: Record<string, unknown>) => executeAction(saveContribution, { db: db(), actor, ip: "192.0.2.1" }, input);

async function member(role: "partner" | "coordinator" | "contributor", territoryId: string, organisationId?: string) {
  const user = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role, territoryId, organisationId } } },
  });
  return actorForUser(user.id);
}

/** A territory's contract with a fiche, a commitment of `organisation` on an objective, and a campaign. */
async function setting(status: "open" | "closed" = "open") {
  const territory = await createTerritory(db());
  const contract = await createContract(db(), { territoryId: territory.id });
  const organisation = await createOrganisation(db(), { name: `CPAM ${randomUUID()}` });
  const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Axe" } });
  const fiche = await db().ficheAction.create({
    data: { contractId: contract.id, axisId: axis.id, number: 1, title: "Prévenir les chutes" },
  });
  const objective = await db().operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Former" } });
  const commitment = await db().commitment.create({
    data: { objectiveId: objective.id, organisationId: organisation.id, description: "Financer les ateliers" },
  });
  const campaign = await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term", status } });
  return { territory, contract, organisation, fiche, commitment, campaign };
}

let world: Awaited<ReturnType<typeof setting>>;
let partner: Actor;
const input = (extra: Record<string, unknown> = {}) => ({
  campaignId: world.campaign.id,
  commitmentId: world.commitment.id,
  version: "0",
  outcome: "partly_kept",
  contribution: "Six ateliers sur dix.",
  amountSpent: "12 345 678 901,23",
  ...extra,
});

beforeAll(async () => {
  world = await setting();
  partner = await member("partner", world.territory.id, world.organisation.id);
});

describe("contribution.save", () => {
  it("creates then updates the partner's contribution, exactly, from the version loaded", async () => {
    const created = await run(partner, input());
    expect(created).toMatchObject({ ok: true });
    const saved = await db().commitmentContribution.findUniqueOrThrow({
      where: { campaignId_commitmentId: { campaignId: world.campaign.id, commitmentId: world.commitment.id } },
    });
    expect(saved.amountSpent?.toString()).toBe("12345678901.23");
    expect(saved.outcome).toBe("partly_kept");
    expect(saved.reportedById).toBe(partner.userId);
    expect(saved.reportedAt).toBeInstanceOf(Date);

    // A second "first save" (another tab) is a conflict, not a duplicate.
    expect(await run(partner, input())).toMatchObject({ ok: false, reason: "conflict" });

    expect(await run(partner, input({ version: "1", outcome: "kept", amountSpent: "0,1" }))).toMatchObject({ ok: true });
    const updated = await db().commitmentContribution.findUniqueOrThrow({ where: { id: saved.id } });
    expect(updated.amountSpent?.toString()).toBe("0.1");
    expect(updated.version).toBe(2);

    // Saving from the old version again: someone else saved first.
    const stale = await run(partner, input({ version: "1", outcome: "not_kept" }));
    expect(stale).toMatchObject({ ok: false, reason: "conflict" });
    expect(stale.ok ? null : stale.conflict?.changes.length).toBeGreaterThan(0);

    const events = await db().auditEvent.findMany({ where: { entityType: "CommitmentContribution", entityId: saved.id } });
    expect(events.map((event) => event.action)).toEqual(["contribution.save", "contribution.save"]);
  });

  it("refuses a missing outcome and a negative or over-precise amount at their fields", async () => {
    const result = await run(partner, input({ outcome: "", amountSpent: "-3" }));
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      outcome: "Indiquez si l’engagement a été tenu.",
      amountSpent: "Un montant ne peut pas être négatif.",
    });
    const precise = await run(partner, input({ amountSpent: "1,234" }));
    expect(precise.ok ? {} : precise.fieldErrors).toMatchObject({ amountSpent: expect.stringMatching(/^2\sdécimales au plus\.$/) });
  });

  it("is refused to a partner of another organisation, to coordinators and to contributors", async () => {
    const other = await createOrganisation(db());
    for (const actor of [
      await member("partner", world.territory.id, other.id),
      await member("coordinator", world.territory.id),
      await member("contributor", world.territory.id),
    ])
      expect(await run(actor, input({ version: "1" }))).toMatchObject({ ok: false, reason: "notFound" });
  });

  it("answers not found for a campaign of another contract, or ids of another territory", async () => {
    const elsewhere = await setting();
    expect(await run(partner, input({ campaignId: elsewhere.campaign.id }))).toMatchObject({ ok: false, reason: "notFound" });
    expect(await run(partner, input({ commitmentId: elsewhere.commitment.id }))).toMatchObject({ ok: false, reason: "notFound" });
    expect(await run(partner, { ...input(), campaignId: elsewhere.campaign.id, commitmentId: elsewhere.commitment.id })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(partner, input({ campaignId: randomUUID() }))).toMatchObject({ ok: false, reason: "notFound" });
  });

  it("is refused once the campaign is closed, and writes nothing", async () => {
    const closed = await setting("closed");
    const closedPartner = await member("partner", closed.territory.id, closed.organisation.id);
    const result = await run(closedPartner, { ...input(), campaignId: closed.campaign.id, commitmentId: closed.commitment.id });
    expect(result).toMatchObject({ ok: false, reason: "refused", message: CLOSED_CAMPAIGN_MESSAGE });
    expect(await db().commitmentContribution.count({ where: { campaignId: closed.campaign.id } })).toBe(0);
  });
});

describe("reads of contributions", () => {
  it("list a campaign's contributions in one query, with the commitment and its fiche", async () => {
    const { result, queries } = await countQueries(() => listCampaignContributions(world.campaign.id));
    expect(queries).toHaveLength(1);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      outcome: "kept",
      commitment: { description: "Financer les ateliers", organisation: { name: world.organisation.name }, fiche: { number: 1 } },
    });
    expect(result[0].amountSpent?.toString()).toBe("0.1");
  });

  it("give the commitment page its contract's campaigns with its contribution, and mark expected ones in Mes engagements", async () => {
    const campaigns = await listCommitmentCampaigns(world.contract.id, world.commitment.id);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0].contributions).toHaveLength(1);

    const fresh = await setting();
    const freshPartner = await member("partner", fresh.territory.id, fresh.organisation.id);
    const { result, queries } = await countQueries(() => listPartnerCommitments(freshPartner, { page: 1 }));
    expect(queries).toHaveLength(2);
    expect(result.entries[0].fiche.contract.campaigns).toEqual([{ id: fresh.campaign.id, kind: "mid_term" }]);
    expect(result.entries[0].contributions).toEqual([]);
  });
});

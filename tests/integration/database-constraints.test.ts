import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createContract, createContractWithStructure, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

/** The name of the constraint PostgreSQL reports when `write` is rejected. */
async function violatedConstraint(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error("the write was accepted");
}

describe("database constraints", () => {
  it("keep progress between 0 and 100", async () => {
    const db = getDb();
    const { contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 });
    const fiche = await db.ficheAction.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(await violatedConstraint(() => db.ficheAction.update({ where: { id: fiche.id }, data: { progress: 101 } }))).toContain(
      "FicheAction_progress_check",
    );
    expect(await violatedConstraint(() => db.ficheAction.update({ where: { id: fiche.id }, data: { progress: -1 } }))).toContain(
      "FicheAction_progress_check",
    );
    await expect(db.ficheAction.update({ where: { id: fiche.id }, data: { progress: 100 } })).resolves.toMatchObject({ progress: 100 });
  });

  it("number fiches uniquely within a contract, but not across contracts", async () => {
    const db = getDb();
    const first = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 });
    const second = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 });
    const axis = await db.axis.findFirstOrThrow({ where: { contractId: first.contract.id } });
    expect(
      await violatedConstraint(() =>
        db.ficheAction.create({ data: { contractId: first.contract.id, axisId: axis.id, number: 1, title: "Doublon" } }),
      ),
    ).toMatch(/Unique constraint|unique/i);
    const secondFiche = await db.ficheAction.findFirstOrThrow({ where: { contractId: second.contract.id } });
    expect(secondFiche.number).toBe(1);
  });

  it("refuse a commitment that targets both an objective and a fiche, or neither", async () => {
    const db = getDb();
    const { contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 });
    const fiche = await db.ficheAction.findFirstOrThrow({ where: { contractId: contract.id } });
    const objective = await db.operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Objectif" } });
    const organisation = await createOrganisation(db);
    expect(
      await violatedConstraint(() => db.commitment.create({ data: { organisationId: organisation.id, description: "Rien" } })),
    ).toContain("Commitment_target_check");
    expect(
      await violatedConstraint(() =>
        db.commitment.create({
          data: { organisationId: organisation.id, objectiveId: objective.id, ficheId: fiche.id, description: "Les deux" },
        }),
      ),
    ).toContain("Commitment_target_check");
  });

  it("match a membership's scope to its role", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: "personne@exemple.test" } });
    const territory = await createTerritory(db);
    expect(await violatedConstraint(() => db.membership.create({ data: { userId: user.id, role: "coordinator" } }))).toContain(
      "Membership_scope_check",
    );
    expect(
      await violatedConstraint(() =>
        db.membership.create({ data: { userId: user.id, role: "platform_admin", territoryId: territory.id } }),
      ),
    ).toContain("Membership_scope_check");
    await expect(
      db.membership.create({ data: { userId: user.id, role: "coordinator", territoryId: territory.id } }),
    ).resolves.toMatchObject({ role: "coordinator" });
  });

  it("keep one pending access request per user and territory, and a decision consistent with its status", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: "agent@exemple.gouv.fr" } });
    const territory = await createTerritory(db);
    const organisation = await createOrganisation(db);
    const request = { userId: user.id, territoryId: territory.id, proposedOrganisationId: organisation.id, siret: "13002526500013" };
    const first = await db.accessRequest.create({ data: request });
    expect(await violatedConstraint(() => db.accessRequest.create({ data: request }))).toMatch(/Unique constraint|unique/i);
    // Decided requests stay beside a new pending one.
    await db.accessRequest.update({ where: { id: first.id }, data: { status: "refused", decidedAt: new Date() } });
    await expect(db.accessRequest.create({ data: request })).resolves.toMatchObject({ status: "pending" });
    expect(await violatedConstraint(() => db.accessRequest.create({ data: { ...request, status: "refused" } }))).toContain(
      "AccessRequest_decision_check",
    );
    expect(
      await violatedConstraint(() =>
        db.accessRequest.create({ data: { ...request, status: "refused", decidedAt: new Date(), organisationId: organisation.id } }),
      ),
    ).toContain("AccessRequest_granted_check");
    expect(await violatedConstraint(() => db.accessRequest.create({ data: { ...request, siret: "1300252650001" } }))).toContain(
      "AccessRequest_siret_check",
    );
  });

  it("keep a notification's link inside the app", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: `notifiee-${Date.now()}@exemple.test` } });
    const notice = { userId: user.id, kind: "milestone_due", subjectId: user.id, title: "Jalon" };
    await db.notification.create({ data: { ...notice, period: "ok", href: "/fiches" } });
    for (const [period, href] of [
      ["a", "https://ailleurs.example/"],
      ["b", "//ailleurs.example/"],
      ["c", "/\\ailleurs.example/"],
    ]) {
      expect(await violatedConstraint(() => db.notification.create({ data: { ...notice, period, href } }))).toContain(
        "Notification_href_check",
      );
    }
  });

  it("store e-mails in lower case only", async () => {
    expect(await violatedConstraint(() => getDb().user.create({ data: { email: "Coordination@Exemple.test" } }))).toContain(
      "User_email_lowercase_check",
    );
  });

  it("refuse a contract that ends before it starts or has generation 0", async () => {
    const db = getDb();
    expect(
      await violatedConstraint(() => createContract(db, { startsOn: new Date("2025-01-01"), endsOn: new Date("2024-01-01") })),
    ).toContain("Contract_dates_check");
    expect(await violatedConstraint(() => createContract(db, { generation: 0 }))).toContain("Contract_generation_check");
  });

  it("keep evaluation ratings between 1 and 4", async () => {
    const db = getDb();
    const { contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 1 });
    const fiche = await db.ficheAction.findFirstOrThrow({ where: { contractId: contract.id } });
    const campaign = await db.evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term" } });
    expect(
      await violatedConstraint(() =>
        db.ficheAssessment.create({ data: { campaignId: campaign.id, ficheId: fiche.id, relevanceRating: 5 } }),
      ),
    ).toContain("FicheAssessment_ratings_check");
    expect(
      await violatedConstraint(() =>
        db.ficheAssessment.create({ data: { campaignId: campaign.id, ficheId: fiche.id, achievementRate: 101 } }),
      ),
    ).toContain("FicheAssessment_achievement_check");
    const line = await db.budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "Commune", amount: "100.00" } });
    const assessment = await db.ficheAssessment.create({ data: { campaignId: campaign.id, ficheId: fiche.id } });
    expect(
      await violatedConstraint(() =>
        db.assessmentSpending.create({ data: { assessmentId: assessment.id, budgetLineId: line.id, spent: "-0.01" } }),
      ),
    ).toContain("AssessmentSpending_spent_check");
  });

  it("keep a campaign's period in order and number snapshots from 1", async () => {
    const db = getDb();
    const contract = await createContract(db);
    expect(
      await violatedConstraint(() =>
        db.evaluationCampaign.create({
          data: { contractId: contract.id, kind: "mid_term", periodStart: new Date("2026-01-01"), periodEnd: new Date("2025-01-01") },
        }),
      ),
    ).toContain("EvaluationCampaign_period_check");
    expect(
      await violatedConstraint(() =>
        db.contractSnapshot.create({ data: { contractId: contract.id, version: 0, reason: "publication", content: {} } }),
      ),
    ).toContain("ContractSnapshot_version_check");
  });

  it("protect a territory that still has contracts from deletion", async () => {
    const db = getDb();
    const contract = await createContract(db);
    expect(await violatedConstraint(() => db.territory.delete({ where: { id: contract.territoryId } }))).toMatch(
      /foreign key|Foreign key/i,
    );
  });
});

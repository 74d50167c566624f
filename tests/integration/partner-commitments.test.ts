// The partner portal: a partner reports on their organisation's commitments in the territory
// that invited them, under the report's own version; the fiche's editors and the partner never
// overwrite each other; the fiche's history shows the partner's reports.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { NotFoundError, type Actor } from "@/lib/authz";
import { reportCommitment } from "@/lib/commitments/mutations";
import { getCommitmentReport, listPartnerCommitments } from "@/lib/commitments/queries";
import { getDb } from "@/lib/db/client";
import { getFicheHistory } from "@/lib/fiches/queries";
import { updateFiche } from "@/lib/fiches/mutations";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
const run = (definition: Parameters<typeof executeAction>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

let territory: { id: string; slug: string };
let organisationId: string;
let otherOrganisationId: string;
let partner: Actor;
let coordinator: Actor;

async function member(data: { role: "partner" | "coordinator"; territoryId: string; organisationId?: string }, name: string) {
  const user = await db().user.create({ data: { email: `${randomUUID()}@exemple.test`, name, memberships: { create: data } } });
  return actorForUser(user.id);
}

const contracts = new Map<string, { contractId: string; axisId: string }>();

/** The territory's published contract (generation 1) or its draft (generation 2), with an axis. */
async function contractOf(territoryId: string, draft: boolean) {
  const key = `${territoryId}:${draft}`;
  if (!contracts.has(key)) {
    const status = draft ? { generation: 2, status: "preparation", visibility: "draft" } : { generation: 1 };
    const { id: contractId } = await createContract(db(), { territoryId, ...status } as Parameters<typeof createContract>[1]);
    const axis = await db().axis.create({ data: { contractId, position: 1, number: 1, title: "Axe 1" } });
    contracts.set(key, { contractId, axisId: axis.id });
  }
  return contracts.get(key)!;
}

/** A new fiche with one objective, and a commitment of the organisation to it. */
async function committedFiche(territoryId: string, { organisation = organisationId, draft = false } = {}) {
  const { contractId, axisId } = await contractOf(territoryId, draft);
  const number = (await db().ficheAction.count({ where: { contractId } })) + 1;
  const fiche = await db().ficheAction.create({ data: { contractId, axisId, number, title: "Aller vers les personnes isolées" } });
  const objective = await db().operationalObjective.create({
    data: { ficheId: fiche.id, position: 1, title: "Repérer les personnes isolées" },
  });
  const commitment = await db().commitment.create({
    data: { objectiveId: objective.id, organisationId: organisation, description: "Mettre une salle à disposition" },
  });
  return { contractId, axisId, fiche, objective, commitment };
}

const report = (commitmentId: string, version: string, values: Record<string, string> = {}) => ({
  commitmentId,
  version,
  status: "in_progress",
  progress: "40",
  humanResources: "Une animatrice, une demi-journée par semaine",
  financialAmount: "1 500,50",
  inKindResources: "Salle de réunion",
  comment: "Premiers ateliers tenus.",
  commentedOn: "2026-11-30",
  ...values,
});

beforeAll(async () => {
  territory = await createTerritory(db());
  organisationId = (await createOrganisation(db(), { name: "CPAM de démonstration" })).id;
  otherOrganisationId = (await createOrganisation(db())).id;
  partner = await member({ role: "partner", territoryId: territory.id, organisationId }, "Paul Partenaire");
  coordinator = await member({ role: "coordinator", territoryId: territory.id }, "Claude Coordination");
});

describe("a partner's report on a commitment", () => {
  it("saves status, progress, resources and a dated comment, and shows in the fiche's history", async () => {
    const { fiche, commitment } = await committedFiche(territory.id);
    const saved = await run(reportCommitment, partner, report(commitment.id, "1"));
    expect(saved).toMatchObject({ ok: true });
    const stored = await db().commitment.findUniqueOrThrow({ where: { id: commitment.id } });
    expect(stored).toMatchObject({
      status: "in_progress",
      progress: 40,
      humanResources: "Une animatrice, une demi-journée par semaine",
      inKindResources: "Salle de réunion",
      comment: "Premiers ateliers tenus.",
      reportedById: partner.userId,
      version: 2,
    });
    expect(stored.financialAmount?.toString()).toBe("1500.5");
    expect(stored.commentedOn?.toISOString()).toBe("2026-11-30T00:00:00.000Z");

    const { changes } = await getFicheHistory(coordinator, territory.slug, fiche.contractId, fiche.id);
    expect(changes[0]).toMatchObject({
      action: "commitment.report",
      subject: `Engagement · CPAM de démonstration · Fiche n°\u00a0${fiche.number}`,
      by: "Paul Partenaire",
    });
    expect(changes[0].fields).toEqual(
      expect.arrayContaining([
        { label: "Statut", before: "Non commencé", after: "En cours" },
        { label: "Avancement", before: "0\u00a0%", after: "40\u00a0%" },
        { label: "Moyens financiers (€)", before: "—", after: "1\u202f500,50\u00a0€" },
      ]),
    );
    expect((await getCommitmentReport(partner, commitment.id)).history).toHaveLength(1);
  });

  it("asks for the comment's date, and keeps everything else the partner typed", async () => {
    const { commitment } = await committedFiche(territory.id);
    const refused = await run(reportCommitment, partner, report(commitment.id, "1", { commentedOn: "" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { commentedOn: "Datez le commentaire." } });
    const impossible = await run(
      reportCommitment,
      partner,
      report(commitment.id, "1", { commentedOn: "2026-02-30", financialAmount: "-5" }),
    );
    expect(impossible).toMatchObject({ ok: false, fieldErrors: { commentedOn: expect.any(String), financialAmount: expect.any(String) } });
    // A date without its comment: the database would refuse it, the form says why first.
    const undated = await run(reportCommitment, partner, report(commitment.id, "1", { comment: "", commentedOn: "2026-02-01" }));
    expect(undated).toMatchObject({
      ok: false,
      fieldErrors: { comment: "Écrivez le commentaire que cette date accompagne, ou effacez la date." },
    });
    expect(await db().commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ version: 1, progress: 0 });
  });

  it("tells a partner who saves over another's report what changed, and writes nothing", async () => {
    const { commitment } = await committedFiche(territory.id);
    const colleague = await member({ role: "partner", territoryId: territory.id, organisationId }, "Collègue");
    expect(await run(reportCommitment, colleague, report(commitment.id, "1", { progress: "60" }))).toMatchObject({ ok: true });
    const late = await run(reportCommitment, partner, report(commitment.id, "1", { progress: "10" }));
    expect(late).toMatchObject({ ok: false, reason: "conflict", conflict: { currentVersion: 2 } });
    if (late.ok || !late.conflict) throw new Error("expected a conflict");
    expect(late.conflict.changes[0]).toMatchObject({ by: "Collègue" });
    expect(await db().commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ progress: 60, version: 2 });
  });

  it("is never overwritten by the fiche's save, and never overwrites the fiche", async () => {
    const { fiche, axisId, objective, commitment } = await committedFiche(territory.id);
    // The partner loaded the report (version 1) and the coordinator the fiche (version 1): both save.
    const ficheSave = {
      ficheId: fiche.id,
      version: "1",
      axisId,
      title: "Aller vers les personnes isolées, précisé",
      geographicScope: "whole_territory",
      status: "in_progress",
      objectives: [
        {
          id: objective.id,
          title: "Repérer les personnes isolées",
          status: "in_progress",
          commitments: [{ organisationId, description: "Mettre une salle et un animateur à disposition" }],
        },
      ],
    };
    expect(await run(reportCommitment, partner, report(commitment.id, "1"))).toMatchObject({ ok: true });
    expect(await run(updateFiche, coordinator, ficheSave)).toMatchObject({ ok: true });
    expect(await run(reportCommitment, partner, report(commitment.id, "2", { progress: "55" }))).toMatchObject({ ok: true });
    expect(await db().commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({
      description: "Mettre une salle et un animateur à disposition",
      progress: 55,
      comment: "Premiers ateliers tenus.",
      version: 3,
    });
    expect(await db().ficheAction.findUniqueOrThrow({ where: { id: fiche.id } })).toMatchObject({
      title: "Aller vers les personnes isolées, précisé",
      version: 2,
    });
  });

  it("is out of reach elsewhere: another organisation, another territory, a draft contract, the trash", async () => {
    const other = await committedFiche(territory.id, { organisation: otherOrganisationId });
    const elsewhere = await committedFiche((await createTerritory(db())).id);
    const draft = await committedFiche(territory.id, { draft: true });
    const trashed = await committedFiche(territory.id);
    await db().ficheAction.update({ where: { id: trashed.fiche.id }, data: { deletedAt: new Date() } });
    for (const { commitment } of [other, elsewhere, draft, trashed]) {
      expect(await run(reportCommitment, partner, report(commitment.id, "1"))).toMatchObject({ ok: false, reason: "notFound" });
      await expect(getCommitmentReport(partner, commitment.id)).rejects.toThrow(NotFoundError);
    }
    // Nor may the territory's coordinator write the partner's report.
    expect(await run(reportCommitment, coordinator, report(other.commitment.id, "1"))).toMatchObject({ ok: false, reason: "notFound" });
  });
});

describe("Mes engagements", () => {
  it("lists the organisation's commitments in the territories that invited the partner, a page at a time", async () => {
    const listed = async (actor: Actor, page = 1) => listPartnerCommitments(actor, { page });
    const newcomer = await member(
      { role: "partner", territoryId: (await createTerritory(db())).id, organisationId: (await createOrganisation(db())).id },
      "Nouveau partenaire",
    );
    expect(await listed(newcomer)).toEqual({ entries: [], total: 0 });
    const territoryId = (await db().membership.findFirstOrThrow({ where: { userId: newcomer.userId!, role: "partner" } })).territoryId!;
    const organisation = newcomer.memberships[0].organisationId!;
    for (let index = 0; index < PAGE_SIZE + 1; index++) await committedFiche(territoryId, { organisation });
    await committedFiche(territoryId, { organisation: otherOrganisationId });
    await committedFiche(territoryId, { organisation, draft: true });
    const first = await listed(newcomer);
    expect(first.total).toBe(PAGE_SIZE + 1);
    expect(first.entries).toHaveLength(PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ description: "Mettre une salle à disposition", fiche: { number: 1 } });
    expect((await listed(newcomer, 2)).entries).toHaveLength(1);
    // Territory members who are not partners have nothing to report on.
    expect(await listed(coordinator)).toEqual({ entries: [], total: 0 });
  });
});

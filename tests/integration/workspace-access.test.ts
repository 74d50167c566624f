// Who enters which territory workspace, for every role, against the demo data: the protected
// route /espace/<slug> runs exactly these loaders.
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import { ANONYMOUS, NotFoundError, type Actor } from "@/lib/authz";
import { getContractExport } from "@/lib/contracts/export-query";
import { getContractOverview, getContractReading } from "@/lib/contracts/queries";
import { getDb } from "@/lib/db/client";
import { loadDemoData } from "@/lib/seed/demo-data";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { getWorkspace, listWorkspaces } from "@/lib/workspaces/queries";
import { createContract, createOrganisation, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();
beforeAll(() => loadDemoData(getDb()));

const SLUGS = ["creusot-montceau", "lens-lievin", "pays-ruffecois", "romans-sur-isere", "rosny-sous-bois", "territoire-de-demonstration"];

async function actor(email: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  return actorForUser(user.id);
}

async function enterable(email: string | null): Promise<string[]> {
  const who = email ? await actor(email) : ANONYMOUS;
  const allowed: string[] = [];
  for (const slug of SLUGS) {
    try {
      await getWorkspace(who, slug);
      allowed.push(slug);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return allowed;
}

describe("territory workspaces", () => {
  it.each([
    ["a platform admin", "admin@opencls.test", SLUGS],
    ["an ARS officer, the territories of their region", "ars@ile-de-france.test", ["rosny-sous-bois"]],
    ["a coordinator, their territory", "coordination@romans-sur-isere.test", ["romans-sur-isere"]],
    ["a contributor, their territory", "contribution@pays-ruffecois.test", ["pays-ruffecois"]],
    ["a partner, the territories whose contract their organisation signed", "partenaire@romans-sur-isere.test", ["romans-sur-isere"]],
    ["a partner, the territories whose contract their organisation partners", "partenaire@pays-ruffecois.test", ["pays-ruffecois"]],
    ["a signed-out visitor, none", null, []],
  ])("open to %s", async (_who, email, expected) => {
    expect(await enterable(email)).toEqual(expected);
    if (email)
      expect((await listWorkspaces(await actor(email), { page: 1 })).entries.map((workspace) => workspace.slug).sort()).toEqual(expected);
  });

  it("answers an unknown territory like a forbidden one", async () => {
    await expect(getWorkspace(await actor("admin@opencls.test"), "atlantide")).rejects.toThrow(NotFoundError);
  });

  it("shows drafts to members but never on public pages", async () => {
    const db = getDb();
    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "lens-lievin" } });
    await db.contract.create({
      data: { territoryId: territory.id, generation: 2, title: "CLS de 2e génération (brouillon)", visibility: "draft" },
    });
    const workspace = await getWorkspace(await actor("coordination@lens-lievin.test"), "lens-lievin");
    expect(workspace.contracts.map((contract) => contract.visibility)).toEqual(["draft", "published"]);
  });

  it("stops letting a user in as soon as the membership is revoked", async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "coordination@creusot-montceau.test" } });
    expect(await enterable(user.email)).toEqual(["creusot-montceau"]);
    await getDb().membership.deleteMany({ where: { userId: user.id } });
    expect(await enterable(user.email)).toEqual([]);
  });
});

describe("a partner's contracts", () => {
  // One territory, four contracts: a partner organisation signs the first, only commits to an
  // objective of the second, signs the third (a draft), and has nothing to do with the fourth.
  let slug: string;
  let otherSlug: string;
  let partner: Actor;
  let coordinator: Actor;
  const ids = { signed: "", committed: "", draft: "", unrelated: "" };

  beforeAll(async () => {
    const db = getDb();
    const territory = await createTerritory(db);
    slug = territory.slug;
    const organisation = await createOrganisation(db);
    const other = await createOrganisation(db);
    const contract = (generation: number, data: { status?: "preparation" | "signed"; visibility?: "draft" | "published" } = {}) =>
      createContract(db, {
        territoryId: territory.id,
        generation,
        title: `Contrat ${generation}`,
        status: "signed",
        visibility: "published",
        ...data,
      });
    const signed = await contract(1);
    const committed = await contract(2);
    const draft = await contract(3, { status: "preparation", visibility: "draft" });
    const unrelated = await contract(4);
    Object.assign(ids, { signed: signed.id, committed: committed.id, draft: draft.id, unrelated: unrelated.id });
    await db.signatory.createMany({
      data: [
        { contractId: signed.id, organisationId: organisation.id, position: 1 },
        { contractId: committed.id, organisationId: other.id, position: 1 },
        { contractId: draft.id, organisationId: organisation.id, position: 1 },
        { contractId: unrelated.id, organisationId: other.id, position: 1 },
      ],
    });
    const axis = await db.axis.create({ data: { contractId: committed.id, position: 1, number: 1, title: "Axe 1" } });
    const fiche = await db.ficheAction.create({ data: { contractId: committed.id, axisId: axis.id, number: 1, title: "Fiche 1" } });
    const objective = await db.operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Objectif 1" } });
    await db.commitment.create({
      data: { organisationId: organisation.id, objectiveId: objective.id, description: "Mettre à disposition une salle" },
    });
    // The unrelated contract's fiche carries a commitment of the organisation, but in the trash.
    const unrelatedAxis = await db.axis.create({ data: { contractId: unrelated.id, position: 1, number: 1, title: "Axe 1" } });
    const trashed = await db.ficheAction.create({
      data: { contractId: unrelated.id, axisId: unrelatedAxis.id, number: 1, title: "Fiche supprimée", deletedAt: new Date() },
    });
    await db.commitment.create({
      data: { organisationId: organisation.id, ficheId: trashed.id, description: "Engagement d’une fiche supprimée" },
    });

    partner = await actorForUser(
      (await createUser(db, { memberships: { create: { role: "partner", territoryId: territory.id, organisationId: organisation.id } } }))
        .id,
    );
    // The organisation also signs another territory's contract; that territory did not invite this partner.
    const elsewhere = await createTerritory(db);
    otherSlug = elsewhere.slug;
    const elsewhereContract = await createContract(db, { territoryId: elsewhere.id, status: "signed", visibility: "published" });
    await db.signatory.create({ data: { contractId: elsewhereContract.id, organisationId: organisation.id, position: 1 } });
    coordinator = await actorForUser(
      (await createUser(db, { memberships: { create: { role: "coordinator", territoryId: territory.id } } })).id,
    );
  });

  it("lists only the contracts the organisation signs or commits to in the territory that invited them, never a draft", async () => {
    expect((await listWorkspaces(partner, { page: 1 })).entries.map((workspace) => workspace.slug)).toEqual([slug]);
    await expect(getWorkspace(partner, otherSlug)).rejects.toThrow(NotFoundError);
    expect((await getWorkspace(partner, slug)).contracts.map((contract) => contract.id)).toEqual([ids.committed, ids.signed]);
  });

  it("opens, reads and exports those contracts, and answers the others as not found", async () => {
    for (const id of [ids.signed, ids.committed]) {
      expect((await getContractOverview(partner, slug, id)).id).toBe(id);
      expect((await getContractReading(partner, slug, id)).id).toBe(id);
      expect((await getContractExport(partner, slug, id)).id).toBe(id);
    }
    for (const id of [ids.draft, ids.unrelated]) {
      await expect(getContractOverview(partner, slug, id), id).rejects.toThrow(NotFoundError);
      await expect(getContractReading(partner, slug, id), id).rejects.toThrow(NotFoundError);
      await expect(getContractExport(partner, slug, id), id).rejects.toThrow(NotFoundError);
    }
    await expect(getContractReading(partner, otherSlug, ids.signed)).rejects.toThrow(NotFoundError);
  });

  it("still shows every contract, drafts included, to the territory's coordinator and to a platform admin", async () => {
    const all = [ids.unrelated, ids.draft, ids.committed, ids.signed];
    expect((await getWorkspace(coordinator, slug)).contracts.map((contract) => contract.id)).toEqual(all);
    expect((await getWorkspace(await actor("admin@opencls.test"), slug)).contracts.map((contract) => contract.id)).toEqual(all);
    expect((await getContractOverview(coordinator, slug, ids.draft)).id).toBe(ids.draft);
    // The reading page lists the fiches outside the trash only.
    expect((await getContractReading(coordinator, slug, ids.unrelated)).axes.map((axis) => axis.fiches)).toEqual([[]]);
  });

  it("keeps a partner whose organisation only signs a draft out of the territory", async () => {
    const db = getDb();
    const territory = await createTerritory(db);
    const organisation = await createOrganisation(db);
    const draft = await createContract(db, { territoryId: territory.id, status: "preparation", visibility: "draft" });
    await db.signatory.create({ data: { contractId: draft.id, organisationId: organisation.id, position: 1 } });
    const onlyDraft = await actorForUser(
      (await createUser(db, { memberships: { create: { role: "partner", territoryId: territory.id, organisationId: organisation.id } } }))
        .id,
    );
    expect((await listWorkspaces(onlyDraft, { page: 1 })).entries.map((workspace) => workspace.slug)).not.toContain(territory.slug);
    await expect(getWorkspace(onlyDraft, territory.slug)).rejects.toThrow(NotFoundError);
  });

  it("hides a signed contract that is not yet published, and one published but still in preparation", async () => {
    const db = getDb();
    const territory = await createTerritory(db);
    const organisation = await createOrganisation(db);
    const unpublished = await createContract(db, { territoryId: territory.id, generation: 1, status: "signed", visibility: "draft" });
    const preparing = await createContract(db, {
      territoryId: territory.id,
      generation: 2,
      status: "preparation",
      visibility: "published",
    });
    await db.contractPartner.createMany({
      data: [unpublished, preparing].map((contract) => ({ contractId: contract.id, organisationId: organisation.id, position: 1 })),
    });
    const contractPartner = await actorForUser(
      (await createUser(db, { memberships: { create: { role: "partner", territoryId: territory.id, organisationId: organisation.id } } }))
        .id,
    );
    await expect(getWorkspace(contractPartner, territory.slug)).rejects.toThrow(NotFoundError);
    await db.contract.update({ where: { id: unpublished.id }, data: { visibility: "published" } });
    expect((await getWorkspace(contractPartner, territory.slug)).contracts.map((contract) => contract.id)).toEqual([unpublished.id]);
  });

  it("lists an admin's territories a page at a time, in four queries whatever their number", async () => {
    const admin = await actor("admin@opencls.test");
    const first = await countQueries(() => listWorkspaces(admin, { page: 1 }));
    const { id: regionId } = await getDb().region.findFirstOrThrow({ select: { id: true } });
    await Promise.all(Array.from({ length: PAGE_SIZE }, () => createTerritory(getDb(), { regionId })));
    const later = await countQueries(() => listWorkspaces(admin, { page: 1 }));
    expect(first.queries).toHaveLength(4);
    expect(later.queries).toHaveLength(4);
    expect(later.result.total).toBe(first.result.total + PAGE_SIZE);
    expect(later.result.entries).toHaveLength(PAGE_SIZE);
    const second = await listWorkspaces(admin, { page: 2 });
    expect(second.entries.map((entry) => entry.slug)).not.toContain(later.result.entries[0].slug);
    expect(later.result.entries.length + second.entries.length).toBe(later.result.total);
  });
});

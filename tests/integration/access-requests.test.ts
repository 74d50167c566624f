// Access requests of ProConnect agents: the organisation comes from the SIRET stored on the
// agent's ProConnect account, never from the form; a request gives no right; a coordinator of the
// territory confirms it (a partner membership for that territory and organisation) or refuses it,
// once; another territory's coordinators do not even see it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { confirmAccessRequest, refuseAccessRequest, requestAccess } from "@/lib/access-requests/mutations";
import { getAccessRequestPanel } from "@/lib/access-requests/queries";
import { executeAction } from "@/lib/actions/define";
import { resolveProConnectUser } from "@/lib/auth/proconnect";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { reportsAsPartner } from "@/lib/commitments/queries";
import { getDb } from "@/lib/db/client";
import { createContract, createOrganisation, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
const run = (definition: Parameters<typeof executeAction>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

const SIREN = "130025265";
let organisation: { id: string; name: string };
let otherOrganisation: { id: string; name: string };
/** Its contract is signed by the organisation. */
let signed: { id: string; name: string; slug: string };
/** The organisation only partners one of its fiches. */
let fichePartnered: { id: string; name: string };
/** The organisation takes part only in its draft. */
let drafted: { id: string; name: string };
/** The organisation takes no part there. */
let elsewhere: { id: string; name: string };
let coordinator: Actor;
let otherCoordinator: Actor;

async function coordinatorOf(territoryId: string): Promise<Actor> {
  const user = await createUser(db(), { memberships: { create: { role: "coordinator", territoryId } } });
  return actorForUser(user.id);
}

/** An agent signed in through ProConnect, as lib/auth/proconnect.ts records them. */
async function agent(siret: string | undefined = `${SIREN}00013`): Promise<Actor> {
  const login = randomUUID();
  const signedIn = await resolveProConnectUser(db(), {
    sub: login,
    email: `agent-${login}@exemple.gouv.fr`,
    given_name: "Nora",
    usual_name: "Benali",
    siret,
  });
  if (!signedIn.ok) throw new Error(signedIn.reason);
  return actorForUser(signedIn.userId);
}

const partnerships = (userId: string) =>
  db().membership.findMany({ where: { userId, role: "partner" }, select: { territoryId: true, organisationId: true } });
const auditActions = (entityId: string) =>
  db()
    .auditEvent.findMany({ where: { entityId }, orderBy: { occurredAt: "asc" }, select: { action: true } })
    .then((events) => events.map((event) => event.action));

async function pendingRequest(territoryId = signed.id) {
  const actor = await agent();
  const result = await run(requestAccess, actor, { territoryId });
  if (!result.ok) throw new Error(result.message);
  const request = await db().accessRequest.findFirstOrThrow({ where: { userId: actor.userId! }, select: { id: true, version: true } });
  return { actor, request };
}

beforeAll(async () => {
  organisation = await createOrganisation(db(), { name: "CPAM de la Drôme", siren: SIREN, kind: "cpam" });
  otherOrganisation = await createOrganisation(db(), { name: "CAF de la Drôme", kind: "caf" });
  signed = await createTerritory(db(), { name: "Romans-sur-Isère" });
  fichePartnered = await createTerritory(db(), { name: "Crest" });
  drafted = await createTerritory(db(), { name: "Die" });
  elsewhere = await createTerritory(db(), { name: "Valence" });

  const signedContract = await createContract(db(), { territoryId: signed.id });
  await db().signatory.create({ data: { contractId: signedContract.id, organisationId: organisation.id, position: 1 } });
  const ficheContract = await createContract(db(), { territoryId: fichePartnered.id });
  const axis = await db().axis.create({ data: { contractId: ficheContract.id, position: 1, number: 1, title: "Axe 1" } });
  const fiche = await db().ficheAction.create({ data: { contractId: ficheContract.id, axisId: axis.id, number: 1, title: "Fiche" } });
  await db().fichePartner.create({ data: { ficheId: fiche.id, organisationId: organisation.id } });
  const draft = await createContract(db(), { territoryId: drafted.id, status: "preparation", visibility: "draft" });
  await db().contractPartner.create({ data: { contractId: draft.id, organisationId: organisation.id, position: 1 } });
  await createContract(db(), { territoryId: elsewhere.id });

  coordinator = await coordinatorOf(signed.id);
  otherCoordinator = await coordinatorOf(elsewhere.id);
});

describe("what an agent is offered", () => {
  it("names the organisation of the agent's SIREN and the territories whose published contracts it takes part in", async () => {
    const actor = await agent();
    const panel = await getAccessRequestPanel(actor);
    expect(panel?.agent).toEqual({
      siret: `${SIREN}00013`,
      siren: SIREN,
      organisation: { id: organisation.id, name: "CPAM de la Drôme", siren: SIREN },
    });
    expect(panel?.territories.map((territory) => territory.name)).toEqual(["Crest", "Romans-sur-Isère"]);
    expect(panel?.requests).toEqual([]);
  });

  it("says when the SIREN matches no organisation, and offers nothing", async () => {
    const panel = await getAccessRequestPanel(await agent("55208131766522"));
    expect(panel).toMatchObject({ agent: { siren: "552081317", organisation: null }, territories: [], requests: [] });
  });

  it("shows nothing to someone who never signed in with ProConnect", async () => {
    const user = await createUser(db());
    expect(await getAccessRequestPanel(await actorForUser(user.id))).toBeNull();
  });
});

describe("asking for access", () => {
  it("records a pending request for the account's organisation, audited, that gives no right", async () => {
    const actor = await agent();
    // Whatever else the form carries, the organisation and SIRET come from the ProConnect account.
    const result = await run(requestAccess, actor, {
      territoryId: signed.id,
      proposedOrganisationId: otherOrganisation.id,
      siret: "55208131766522",
    });
    expect(result).toMatchObject({ ok: true });
    const request = await db().accessRequest.findFirstOrThrow({ where: { userId: actor.userId! } });
    expect(request).toMatchObject({
      territoryId: signed.id,
      proposedOrganisationId: organisation.id,
      siret: `${SIREN}00013`,
      status: "pending",
      organisationId: null,
      decidedAt: null,
      version: 1,
    });
    expect(await auditActions(request.id)).toEqual(["accessRequest.create"]);
    expect(await partnerships(actor.userId!)).toEqual([]);
    // The territory's coordinators are notified, and only they.
    expect(
      await db().notification.findMany({ where: { subjectId: request.id }, select: { userId: true, kind: true, href: true } }),
    ).toEqual([{ userId: coordinator.userId, kind: "access_requested", href: `/espace/${signed.slug}/membres` }]);
    const fresh = await actorForUser(actor.userId!);
    expect(reportsAsPartner(fresh)).toBe(false);

    const panel = await getAccessRequestPanel(fresh);
    expect(panel?.requests).toMatchObject([{ status: "pending", territory: { name: "Romans-sur-Isère" } }]);
    // The territory asked for is no longer offered while the request waits.
    expect(panel?.territories.map((territory) => territory.name)).toEqual(["Crest"]);
  });

  it("keeps one pending request per user and territory", async () => {
    const { actor } = await pendingRequest();
    expect(await run(requestAccess, actor, { territoryId: signed.id })).toMatchObject({
      ok: false,
      fieldErrors: { territoryId: "Vous avez déjà une demande en attente pour ce territoire." },
    });
    // Another territory where the organisation takes part is another request.
    expect(await run(requestAccess, actor, { territoryId: fichePartnered.id })).toMatchObject({ ok: true });
    expect(await db().accessRequest.count({ where: { userId: actor.userId! } })).toBe(2);
  });

  it("refuses a territory where the organisation takes part in no published contract", async () => {
    const actor = await agent();
    for (const territory of [elsewhere, drafted])
      expect(await run(requestAccess, actor, { territoryId: territory.id })).toMatchObject({
        ok: false,
        fieldErrors: { territoryId: expect.stringContaining("ne participe à aucun contrat publié de ce territoire") },
      });
    expect(await db().accessRequest.count({ where: { userId: actor.userId! } })).toBe(0);
  });

  it("refuses a user who did not sign in with ProConnect, and an agent whose SIREN matches no organisation", async () => {
    const user = await createUser(db());
    const notAnAgent = await run(requestAccess, await actorForUser(user.id), { territoryId: signed.id });
    expect(notAnAgent).toMatchObject({ ok: false, message: expect.stringContaining("Seuls les agents connectés avec ProConnect") });

    const unknown = await agent("55208131766522");
    expect(await run(requestAccess, unknown, { territoryId: signed.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining("ne correspond à aucune organisation inscrite"),
    });
    expect(await db().accessRequest.count({ where: { userId: { in: [user.id, unknown.userId!] } } })).toBe(0);
  });

  it("answers a signed-out visitor and an unknown territory as not found", async () => {
    const actor = await agent();
    expect(await run(requestAccess, { userId: null, email: null, memberships: [] }, { territoryId: signed.id })).toMatchObject({
      reason: "notFound",
    });
    expect(await run(requestAccess, actor, { territoryId: randomUUID() })).toMatchObject({ reason: "notFound" });
    expect(await run(requestAccess, actor, { territoryId: "romans" })).toMatchObject({ reason: "invalid" });
  });
});

describe("deciding", () => {
  it("confirming grants the partner role for that territory and organisation, in one audited transaction", async () => {
    const { actor, request } = await pendingRequest();
    const result = await run(confirmAccessRequest, coordinator, {
      requestId: request.id,
      version: String(request.version),
      organisationId: organisation.id,
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("est désormais partenaire de Romans-sur-Isère") });
    expect(await partnerships(actor.userId!)).toEqual([{ territoryId: signed.id, organisationId: organisation.id }]);
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "confirmed",
      organisationId: organisation.id,
      decidedById: coordinator.userId,
      version: 2,
    });
    expect(await auditActions(request.id)).toEqual(["accessRequest.create", "accessRequest.confirm"]);
    // The coordinators' notice of the request is settled: read, and never to be e-mailed.
    expect(await db().notification.findMany({ where: { subjectId: request.id }, select: { readAt: true, mailedAt: true } })).toEqual([
      { readAt: expect.any(Date), mailedAt: expect.any(Date) },
    ]);
    expect(
      await db().auditEvent.count({
        where: { action: "membership.grant", territoryId: signed.id, entityLabel: { contains: actor.email! } },
      }),
    ).toBe(1);
    // The agent now reports as the organisation's partner ("Mes engagements").
    expect(reportsAsPartner(await actorForUser(actor.userId!))).toBe(true);
    expect((await getAccessRequestPanel(await actorForUser(actor.userId!)))?.requests).toMatchObject([{ status: "confirmed" }]);
  });

  it("a coordinator may confirm for another organisation than the one proposed", async () => {
    const { actor, request } = await pendingRequest();
    expect(
      await run(confirmAccessRequest, coordinator, { requestId: request.id, version: "1", organisationId: otherOrganisation.id }),
    ).toMatchObject({ ok: true });
    expect(await partnerships(actor.userId!)).toEqual([{ territoryId: signed.id, organisationId: otherOrganisation.id }]);
  });

  it("confirming needs an organisation that exists, said at the field", async () => {
    const { actor, request } = await pendingRequest();
    expect(await run(confirmAccessRequest, coordinator, { requestId: request.id, version: "1", organisationId: "" })).toMatchObject({
      reason: "invalid",
      fieldErrors: { organisationId: "Choisissez l’organisation pour laquelle cette personne sera partenaire." },
    });
    expect(
      await run(confirmAccessRequest, coordinator, { requestId: request.id, version: "1", organisationId: randomUUID() }),
    ).toMatchObject({ ok: false, fieldErrors: { organisationId: expect.stringContaining("introuvable") } });
    expect(await partnerships(actor.userId!)).toEqual([]);
  });

  it("refusing gives no right, and the agent may ask again", async () => {
    const { actor, request } = await pendingRequest();
    expect(await run(refuseAccessRequest, coordinator, { requestId: request.id, version: "1" })).toMatchObject({ ok: true });
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "refused",
      organisationId: null,
      decidedById: coordinator.userId,
    });
    expect(await auditActions(request.id)).toEqual(["accessRequest.create", "accessRequest.refuse"]);
    expect(await partnerships(actor.userId!)).toEqual([]);
    expect(await run(requestAccess, actor, { territoryId: signed.id })).toMatchObject({ ok: true });
  });

  it("another territory's coordinator gets not found, and nothing changes", async () => {
    const { actor, request } = await pendingRequest();
    expect(
      await run(confirmAccessRequest, otherCoordinator, { requestId: request.id, version: "1", organisationId: organisation.id }),
    ).toMatchObject({ reason: "notFound" });
    expect(await run(refuseAccessRequest, otherCoordinator, { requestId: request.id, version: "1" })).toMatchObject({
      reason: "notFound",
    });
    // Nor may the agent decide for themselves.
    expect(await run(confirmAccessRequest, actor, { requestId: request.id, version: "1", organisationId: organisation.id })).toMatchObject({
      reason: "notFound",
    });
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "pending", version: 1 });
    expect(await partnerships(actor.userId!)).toEqual([]);
  });

  it("a request decided twice answers what happened, and never grants a second role", async () => {
    const { actor, request } = await pendingRequest();
    const second = await coordinatorOf(signed.id);
    const input = { requestId: request.id, version: "1", organisationId: organisation.id };
    expect(await run(confirmAccessRequest, coordinator, input)).toMatchObject({ ok: true });
    for (const [definition, decider] of [
      [confirmAccessRequest, second],
      [refuseAccessRequest, second],
      [confirmAccessRequest, coordinator],
    ] as const) {
      const again = await run(definition, decider, input);
      expect(again).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Cette demande a déjà été confirmée par .+ le .+\u00a0: rien n’a été changé/),
      });
    }
    expect(await partnerships(actor.userId!)).toHaveLength(1);
    expect(await auditActions(request.id)).toEqual(["accessRequest.create", "accessRequest.confirm"]);
  });

  it("two coordinators deciding at once: one decision wins, the other is told", async () => {
    const { actor, request } = await pendingRequest();
    const second = await coordinatorOf(signed.id);
    const results = await Promise.all([
      run(confirmAccessRequest, coordinator, { requestId: request.id, version: "1", organisationId: organisation.id }),
      run(refuseAccessRequest, second, { requestId: request.id, version: "1" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ message: expect.stringContaining("Cette demande a déjà été") });
    const { status } = await db().accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(await partnerships(actor.userId!)).toHaveLength(status === "confirmed" ? 1 : 0);
  });

  it("a coordinator who is also an agent cannot decide their own request", async () => {
    const actor = await agent();
    await db().membership.create({ data: { userId: actor.userId!, role: "coordinator", territoryId: signed.id } });
    const self = await actorForUser(actor.userId!);
    expect(await run(requestAccess, self, { territoryId: signed.id })).toMatchObject({ ok: true });
    const request = await db().accessRequest.findFirstOrThrow({ where: { userId: actor.userId! } });
    expect(await run(confirmAccessRequest, self, { requestId: request.id, version: "1", organisationId: organisation.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining("votre propre demande"),
    });
    expect(await partnerships(actor.userId!)).toEqual([]);
  });
});

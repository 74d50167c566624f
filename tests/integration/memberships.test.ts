// Membership management through its actions, on a real database: the invitation flow, role
// changes and revocations with their guards, optimistic locking under a real race, and the
// audit events written with each change.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionContext } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { listAuditEvents } from "@/lib/audit/queries";
import { getDb } from "@/lib/db/client";
import { acceptInvitation, inviteMember, registerWithInvitation, revokeInvitation } from "@/lib/invitations/mutations";
import { changeMemberRole, revokeMember } from "@/lib/memberships/mutations";
import { createRegion as createRegionAction } from "@/lib/regions/mutations";
import { createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
process.env.OPENCLS_DEVELOPMENT_MODE = "1";

const db = () => getDb();
const run = <I, O>(definition: Parameters<typeof executeAction<I, O>>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "198.51.100.7" } satisfies ActionContext, input);

let territory: { id: string; slug: string; name: string };
let coordinator: Actor;

async function member(role: "coordinator" | "contributor", territoryId = territory.id) {
  const user = await db().user.create({ data: { email: `${role}-${randomUUID()}@exemple.test`, name: "Dominique Exemple" } });
  const membership = await db().membership.create({ data: { userId: user.id, role, territoryId } });
  return { user, membership, actor: await actorForUser(user.id) };
}

/** The token is only in the e-mail: read it from the development mailbox, as a person would. */
/** Creates an account from an invitation link, with a good password. */
const register = (token: string, name: string) =>
  run(registerWithInvitation, ANONYMOUS, {
    token,
    name,
    password: "un mot de passe solide",
    passwordConfirmation: "un mot de passe solide",
  });

async function tokenMailedTo(email: string) {
  const mail = await db().devEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

beforeAll(async () => {
  territory = await createTerritory(db());
  coordinator = (await member("coordinator")).actor;
});

describe("invitations", () => {
  it("mail a link that creates the account, grants the role and signs nothing else", async () => {
    const email = `Nouvelle.Personne-${randomUUID().slice(0, 6)}@Exemple.test`;
    const invited = await run(inviteMember, coordinator, { email, role: "contributor", territoryId: territory.id });
    expect(invited).toMatchObject({ ok: true, data: { email: email.toLowerCase(), link: null } });

    const token = await tokenMailedTo(email.toLowerCase());
    const registered = await register(token, "Camille Martin");
    expect(registered.ok).toBe(true);

    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, include: { memberships: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(await verifyPassword("un mot de passe solide", user.passwordHash)).toBe(true);
    expect(user.memberships.map((m) => [m.role, m.territoryId])).toEqual([["contributor", territory.id]]);

    // The link is single-use.
    expect(await register(token, "Autre")).toMatchObject({ ok: false, reason: "notFound" });

    const actions = await db().auditEvent.findMany({
      where: { territoryId: territory.id, OR: [{ entityLabel: { contains: email.toLowerCase() } }, { actorId: user.id }] },
      orderBy: { occurredAt: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual(["invitation.create", "user.create", "membership.grant"]);
    expect(actions.every((event) => event.ip === "198.51.100.7")).toBe(true);
  });

  it("invite a partner for one organisation, whose role then holds the territory and the organisation", async () => {
    const organisation = await createOrganisation(db(), { name: `Mutuelle ${randomUUID().slice(0, 6)}` });
    const email = `partenaire-${randomUUID().slice(0, 6)}@exemple.test`;
    expect(await run(inviteMember, coordinator, { email, role: "partner", territoryId: territory.id })).toMatchObject({
      ok: false,
      fieldErrors: { organisationId: "Choisissez l’organisation." },
    });
    expect(
      await run(inviteMember, coordinator, { email, role: "partner", territoryId: territory.id, organisationId: organisation.id }),
    ).toMatchObject({ ok: true });
    const mail = await db().devEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe(`Invitation à rejoindre OpenCLS\u00a0: ${organisation.name} · ${territory.name}`);
    expect((await register(await tokenMailedTo(email), "Paule Partenaire")).ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships.map((m) => [m.role, m.territoryId, m.organisationId, m.regionId])).toEqual([
      ["partner", territory.id, organisation.id, null],
    ]);
    // Another territory's coordinator cannot invite a partner into this territory.
    const elsewhere = (await member("coordinator", (await createTerritory(db())).id)).actor;
    expect(
      await run(inviteMember, elsewhere, {
        email: `x-${email}`,
        role: "partner",
        territoryId: territory.id,
        organisationId: organisation.id,
      }),
    ).toMatchObject({ ok: false, reason: "notFound" });
  });

  it("link to the existing account of the invited address, and only that account", async () => {
    const existing = await member("contributor", (await createTerritory(db())).id);
    await run(inviteMember, coordinator, { email: existing.user.email.toUpperCase(), role: "coordinator", territoryId: territory.id });
    const token = await tokenMailedTo(existing.user.email);

    const someoneElse = (await member("contributor")).actor;
    expect(await run(acceptInvitation, someoneElse, { token })).toMatchObject({ ok: false });
    expect(await register(token, "X Y")).toMatchObject({ ok: false });

    expect(await run(acceptInvitation, existing.actor, { token })).toMatchObject({ ok: true });
    const roles = await db().membership.findMany({ where: { userId: existing.user.id }, select: { role: true, territoryId: true } });
    expect(roles).toContainEqual({ role: "coordinator", territoryId: territory.id });
    expect(await db().user.count({ where: { email: existing.user.email } })).toBe(1);
  });

  it("refuse a duplicate, a pending twin and a revoked link, with French messages at the field", async () => {
    const { user } = await member("contributor");
    expect(await run(inviteMember, coordinator, { email: user.email, role: "contributor", territoryId: territory.id })).toMatchObject({
      ok: false,
      fieldErrors: { email: "Cette personne a déjà ce rôle sur ce périmètre." },
    });
    expect(
      await run(inviteMember, coordinator, { email: "pas-une-adresse", role: "contributor", territoryId: territory.id }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr." },
    });
    const email = `attente-${randomUUID()}@exemple.test`;
    const first = await run(inviteMember, coordinator, { email, role: "contributor", territoryId: territory.id });
    expect(first.ok).toBe(true);
    expect(await run(inviteMember, coordinator, { email, role: "contributor", territoryId: territory.id })).toMatchObject({
      ok: false,
      fieldErrors: { email: expect.stringContaining("déjà en attente") },
    });

    const token = await tokenMailedTo(email);
    const invitationId = first.ok ? first.data.invitationId : "";
    expect(await run(revokeInvitation, coordinator, { invitationId, version: 1 })).toMatchObject({ ok: true });
    expect(await register(token, "X Y")).toMatchObject({ ok: false, reason: "notFound" });
  });

  it("expire after 7 days", async () => {
    const email = `expire-${randomUUID()}@exemple.test`;
    const invited = await run(inviteMember, coordinator, { email, role: "contributor", territoryId: territory.id });
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invited.ok ? invited.data.invitationId : "" } });
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    await db().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await register(await tokenMailedTo(email), "X Y")).toMatchObject({ reason: "notFound" });
  });
});

describe("changing and revoking roles", () => {
  it("writes the before and after of a role change in the same transaction", async () => {
    const { membership } = await member("contributor");
    expect(await run(changeMemberRole, coordinator, { membershipId: membership.id, role: "coordinator", version: 1 })).toMatchObject({
      ok: true,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: membership.id, action: "membership.change" } });
    expect(event.changes).toEqual({ role: { before: "contributor", after: "coordinator" } });
    expect(event.actorId).toBe(coordinator.userId);
  });

  it("lets only one of two concurrent changes of the same version through, and audits only that one", async () => {
    const { membership } = await member("contributor");
    const results = await Promise.all([
      run(changeMemberRole, coordinator, { membershipId: membership.id, role: "coordinator", version: 1 }),
      run(revokeMember, coordinator, { membershipId: membership.id, version: 1 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ reason: expect.stringMatching(/conflict|notFound/) });
    expect(await db().auditEvent.count({ where: { entityId: membership.id } })).toBe(1);
  });

  it("refuses a stale version with the conflict message", async () => {
    const { membership } = await member("contributor");
    await db().membership.update({ where: { id: membership.id }, data: { version: 2 } });
    expect(await run(changeMemberRole, coordinator, { membershipId: membership.id, role: "coordinator", version: 1 })).toMatchObject({
      ok: false,
      reason: "conflict",
      message: expect.stringContaining("Quelqu’un d’autre a modifié cet élément"),
    });
  });

  it("keeps at least one coordinator and never lets people change their own role", async () => {
    const lonely = await createTerritory(db());
    const only = await member("coordinator", lonely.id);
    const admin = await db().user.create({
      data: { email: `admin-${randomUUID()}@exemple.test`, memberships: { create: { role: "platform_admin" } } },
    });
    expect(await run(revokeMember, await actorForUser(admin.id), { membershipId: only.membership.id, version: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { membershipId: "Le territoire doit garder au moins une personne à la coordination." },
    });
    expect(await run(changeMemberRole, only.actor, { membershipId: only.membership.id, role: "contributor", version: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { role: expect.stringContaining("votre propre rôle") },
    });
  });

  it("records a revocation with who held what", async () => {
    const { membership, user } = await member("contributor");
    expect(await run(revokeMember, coordinator, { membershipId: membership.id, version: 1 })).toMatchObject({ ok: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: membership.id, action: "membership.revoke" } });
    expect(event.changes).toMatchObject({ user: { before: user.email, after: null }, role: { before: "contributor", after: null } });
    expect(await actorForUser(user.id)).toMatchObject({ memberships: [] });
  });
});

describe("the audit log", () => {
  it("lists a territory's events newest first, filters by person and record, and pages by cursor", async () => {
    const place = await createTerritory(db());
    const boss = await member("coordinator", place.id);
    await member("coordinator", place.id);
    const helpers = await Promise.all([1, 2, 3].map(() => member("contributor", place.id)));
    for (const helper of helpers)
      await run(changeMemberRole, boss.actor, { membershipId: helper.membership.id, role: "coordinator", version: 1 });
    await run(changeMemberRole, boss.actor, { membershipId: helpers[0].membership.id, role: "contributor", version: 2 });

    const all = await listAuditEvents(boss.actor, place.slug, {});
    expect(all.events).toHaveLength(4);
    expect(all.events.map((event) => event.occurredAt.getTime())).toEqual(
      [...all.events.map((event) => event.occurredAt.getTime())].sort((a, b) => b - a),
    );
    expect(all.people.map((person) => person.id)).toEqual([boss.user.id]);

    const oneRecord = await listAuditEvents(boss.actor, place.slug, { element: `Membership:${helpers[0].membership.id}` });
    expect(oneRecord.events.map((event) => event.changes)).toEqual([
      { role: { before: "coordinator", after: "contributor" } },
      { role: { before: "contributor", after: "coordinator" } },
    ]);
    expect((await listAuditEvents(boss.actor, place.slug, { personne: helpers[1].user.id })).events).toHaveLength(0);

    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const events = await listAuditEvents(boss.actor, place.slug, { apres: cursor });
      events.events.forEach((event) => seen.add(event.id));
      if (!events.nextCursor) break;
      cursor = events.nextCursor;
    }
    expect(seen.size).toBe(4);
  });

  it("is closed to other territories' coordinators and to contributors", async () => {
    const contributor = (await member("contributor")).actor;
    await expect(listAuditEvents(contributor, territory.slug, {})).rejects.toThrow("Denied");
    const elsewhere = (await member("coordinator", (await createTerritory(db())).id)).actor;
    await expect(listAuditEvents(elsewhere, territory.slug, {})).rejects.toThrow("Denied");
    await expect(listAuditEvents(coordinator, null, {})).rejects.toThrow("Denied");
  });
});

describe("platform records", () => {
  it("names the field of a duplicate instead of failing", async () => {
    const admin = await db().user.create({
      data: { email: `admin-${randomUUID()}@exemple.test`, memberships: { create: { role: "platform_admin" } } },
    });
    const region = await createRegion();
    expect(
      await run(createRegionAction, await actorForUser(admin.id), { name: `Autre ${randomUUID()}`, inseeCode: region.inseeCode }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { inseeCode: "Une région porte déjà ce code INSEE." },
    });
  });
});

async function createRegion() {
  return db().region.create({
    data: { name: `Région ${randomUUID()}`, slug: `r-${randomUUID()}`, inseeCode: String(700 + Math.floor(Math.random() * 200)) },
  });
}

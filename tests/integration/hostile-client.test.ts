// Holes found by probing the app as an attacker would (issue 9), each replayed against the real
// database: prototype keys in form fields, sessions that outlived sign-out, personal data kept
// past its retention.
import { afterEach, describe, expect, it } from "vitest";
import { executeFormAction } from "@/lib/actions/define";
import { ACTIONS } from "@/lib/actions/registry";
import { actorForUser } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { ANONYMOUS, can } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { purgePersonalData } from "@/lib/privacy/purge";
import { RETENTION } from "@/lib/privacy/retention";
import { revokeMember } from "@/lib/memberships/mutations";
import { createContract, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
const db = () => getDb();
const DAY = 86_400_000;

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

const prototypeIsClean = () =>
  Object.getOwnPropertyNames(Object.prototype).every((name) => !["territoryId", "x", "polluted"].includes(name));

afterEach(() => {
  // A failing test must not poison the next ones.
  for (const name of ["territoryId", "x", "polluted"]) delete (Object.prototype as Record<string, unknown>)[name];
});

describe("prototype keys in form fields", () => {
  const hostileNames = ["__proto__.territoryId", "constructor.prototype.territoryId", "__proto__.x", "objectives.0.__proto__.polluted"];

  for (const action of ACTIONS) {
    it(`${action.name}: refuses ${hostileNames.length} hostile field names before sign-in, and the process keeps working`, async () => {
      const territory = await createTerritory(db());
      for (const name of hostileNames) {
        const result = await executeFormAction(
          action,
          { db: db(), actor: ANONYMOUS, ip: null },
          form([
            [name, territory.id],
            ["title", "Contrat"],
          ]),
        );
        expect(result).toMatchObject({ ok: false, reason: "invalid" });
        expect(prototypeIsClean()).toBe(true);
      }
      // Prisma queries still work, and an empty resource inherits no territory.
      expect(await db().territory.count({ where: { id: territory.id } })).toBe(1);
      expect(can(ANONYMOUS, "contract.edit", {})).toBe(false);
    });
  }
});

describe("sessions", () => {
  it("end everywhere when the account's sessions are ended (sign-out, new password)", async () => {
    const user = await createUser(db());
    const issuedWith = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect((await actorForUser(user.id, issuedWith)).userId).toBe(user.id);
    await endAllSessions(db(), user.id);
    expect(await actorForUser(user.id, issuedWith)).toEqual(ANONYMOUS);
    // A session issued afterwards works.
    expect((await actorForUser(user.id, issuedWith + 1)).userId).toBe(user.id);
  });

  it("end when a coordinator removes the person's membership", async () => {
    const territory = await createTerritory(db());
    const coordinator = await createUser(db());
    await db().membership.create({ data: { userId: coordinator.id, role: "coordinator", territoryId: territory.id } });
    const member = await createUser(db());
    const membership = await db().membership.create({ data: { userId: member.id, role: "contributor", territoryId: territory.id } });
    await createContract(db(), { territoryId: territory.id });

    const result = await executeFormAction(
      revokeMember,
      { db: db(), actor: await actorForUser(coordinator.id), ip: null },
      form([
        ["membershipId", membership.id],
        ["version", "1"],
      ]),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await actorForUser(member.id, 0)).toEqual(ANONYMOUS);
  });
});

describe("personal data retention", () => {
  it(`erases audit IP addresses after ${RETENTION.auditIpDays} days, keeping the events, and purges expired sign-in records`, async () => {
    const now = new Date();
    const user = await createUser(db());
    const old = await db().auditEvent.create({
      data: {
        action: "test",
        entityType: "Test",
        entityId: user.id,
        ip: "203.0.113.7",
        occurredAt: new Date(now.getTime() - (RETENTION.auditIpDays + 1) * DAY),
      },
    });
    const recent = await db().auditEvent.create({
      data: {
        action: "test",
        entityType: "Test",
        entityId: user.id,
        ip: "203.0.113.8",
        occurredAt: new Date(now.getTime() - (RETENTION.auditIpDays - 1) * DAY),
      },
    });
    await db().knownSignInAddress.create({
      data: { userId: user.id, addressHash: "a".repeat(64), lastSeenAt: new Date(now.getTime() - (RETENTION.knownAddressDays + 1) * DAY) },
    });
    await db().knownSignInAddress.create({ data: { userId: user.id, addressHash: "b".repeat(64), lastSeenAt: now } });
    await db().signInFailure.create({
      data: { key: "pair:x|y", occurredAt: new Date(now.getTime() - (RETENTION.signInFailureMinutes + 1) * 60_000) },
    });
    await db().verificationToken.create({ data: { identifier: user.email, token: "expired", expires: new Date(now.getTime() - 1000) } });
    const notice = { userId: user.id, kind: "milestone_due", title: "Jalon", href: "/fiches" };
    await db().notification.create({
      data: { ...notice, subjectId: user.id, period: "old", createdAt: new Date(now.getTime() - (RETENTION.notificationDays + 1) * DAY) },
    });
    await db().notification.create({ data: { ...notice, subjectId: user.id, period: "recent", createdAt: now } });
    await db().mailDelivery.create({
      data: { userId: user.id, kind: "daily", period: "old", sentAt: new Date(now.getTime() - (RETENTION.mailDeliveryDays + 1) * DAY) },
    });
    await db().mailDelivery.create({ data: { userId: user.id, kind: "daily", period: "recent", sentAt: now } });
    await db().rateLimitWindow.createMany({
      data: [
        { key: "api:old", windowStart: new Date(now.getTime() - (RETENTION.apiRateLimitMinutes + 1) * 60_000), hits: 1 },
        { key: "api:current", windowStart: now, hits: 1 },
      ],
    });

    const counts = await purgePersonalData(db(), now);
    expect(counts).toMatchObject({
      auditIps: 1,
      knownAddresses: 1,
      signInFailures: 1,
      expiredSignInLinks: 1,
      notifications: 1,
      mailDeliveries: 1,
      rateLimitWindows: 1,
    });
    expect(await db().rateLimitWindow.findMany({ select: { key: true } })).toEqual([{ key: "api:current" }]);
    expect(await db().notification.findMany({ where: { userId: user.id }, select: { period: true } })).toEqual([{ period: "recent" }]);
    expect(await db().mailDelivery.findMany({ where: { userId: user.id }, select: { period: true } })).toEqual([{ period: "recent" }]);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: old.id }, select: { ip: true } })).toEqual({ ip: null });
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: recent.id }, select: { ip: true } })).toEqual({ ip: "203.0.113.8" });
    expect(await db().knownSignInAddress.count({ where: { userId: user.id } })).toBe(1);
    // Idempotent: a second run erases nothing more.
    expect(await purgePersonalData(db(), now)).toEqual({
      auditIps: 0,
      signInFailures: 0,
      knownAddresses: 0,
      expiredSignInLinks: 0,
      devEmails: 0,
      notifications: 0,
      mailDeliveries: 0,
      rateLimitWindows: 0,
    });
  });
});

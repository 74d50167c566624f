import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { recordSignInFailure, SIGN_IN_THROTTLE } from "@/lib/auth/rate-limit";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { actorForUser } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { loadDemoData } from "@/lib/seed/demo-data";
import { setupAppDatabase } from "../support/database";
import { makeTempDir } from "../support/temp-dir";

setupAppDatabase();
beforeAll(() => loadDemoData(getDb()));

const PASSWORD = "opencls-demo";
let ipCounter = 0;
/** A fresh client address per test, so that tests do not share the per-IP limit. */
const freshIp = () => `192.0.2.${++ipCounter}`;

describe("sign-in with e-mail and password", () => {
  it("accepts a demo account, whatever the case of the e-mail", async () => {
    const result = await authenticateWithPassword(
      getDb(),
      { email: "  Coordination@Romans-sur-Isere.TEST ", password: PASSWORD },
      freshIp(),
    );
    expect(result).toMatchObject({ ok: true, user: { email: "coordination@romans-sur-isere.test" } });
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const ip = freshIp();
    expect(await authenticateWithPassword(getDb(), { email: "coordination@romans-sur-isere.test", password: "mauvais" }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateWithPassword(getDb(), { email: "personne@nulle-part.test", password: PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a disabled account", async () => {
    await getDb().user.update({ where: { email: "contribution@lens-lievin.test" }, data: { disabledAt: new Date() } });
    expect(await authenticateWithPassword(getDb(), { email: "contribution@lens-lievin.test", password: PASSWORD }, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("slows a guesser at one address with growing delays, and lets them try again once the delay has passed", async () => {
    const email = "coordination@rosny-sous-bois.test";
    const ip = freshIp();
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.freeFailuresPerPair; attempt++) {
      expect(await authenticateWithPassword(getDb(), { email, password: `faux-${attempt}` }, ip, at(0))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Even the right password waits: the guesser must not learn anything during the delay.
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, ip, at(0))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: 1,
    });
    expect(await authenticateWithPassword(getDb(), { email, password: "faux" }, ip, at(1))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, ip, at(2))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: 1,
    });
    expect(await authenticateWithPassword(getDb(), { email, password: "faux" }, ip, at(3))).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, ip, at(4))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: 3,
    });
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, ip, at(7))).toMatchObject({ ok: true });
  });

  it("never lets an attacker elsewhere block the owner at their usual address", async () => {
    const email = "coordination@pays-ruffecois.test";
    const usual = freshIp();
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, usual)).toMatchObject({ ok: true });
    // A distributed attack: far past the account ceiling, from many addresses and from one
    // (written as the throttle records failures: checking 40 passwords would take half a minute).
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.accountCeiling * 2; attempt++) {
      await recordSignInFailure(getDb(), email, attempt % 2 ? freshIp() : "198.51.100.66");
    }
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, usual)).toMatchObject({ ok: true });
  });

  it("past the account ceiling, slows unknown addresses to one attempt per spacing, without locking the owner out", async () => {
    const email = "coordination@creusot-montceau.test";
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.accountCeiling; attempt++) await recordSignInFailure(getDb(), email, freshIp(), at(0));
    const newAddress = freshIp();
    expect(await authenticateWithPassword(getDb(), { email, password: "faux" }, newAddress, at(1))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, newAddress, at(2))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: SIGN_IN_THROTTLE.accountCeilingSpacingSeconds - 1,
    });
    expect(
      await authenticateWithPassword(
        getDb(),
        { email, password: PASSWORD },
        newAddress,
        at(1 + SIGN_IN_THROTTLE.accountCeilingSpacingSeconds),
      ),
    ).toMatchObject({ ok: true });
  });

  it("slows an address that sprays many accounts, by a second per failure and never more than a minute", async () => {
    const ip = freshIp();
    // The failures of a spray, written as the throttle records them (checking 100 passwords would take a minute).
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.freeFailuresPerAddress; attempt++)
      await recordSignInFailure(getDb(), `inconnu-${attempt}@exemple.test`, ip);
    expect(await authenticateWithPassword(getDb(), { email: "ars@ile-de-france.test", password: PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: 1,
    });
    expect(await authenticateWithPassword(getDb(), { email: "ars@ile-de-france.test", password: PASSWORD }, freshIp())).toMatchObject({
      ok: true,
    });
    for (let attempt = 0; attempt < 200; attempt++) await recordSignInFailure(getDb(), `encore-${attempt}@exemple.test`, ip);
    expect(await authenticateWithPassword(getDb(), { email: "ars@ile-de-france.test", password: PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: SIGN_IN_THROTTLE.maxAddressDelaySeconds,
    });
  });

  it("forgets failures after the window", async () => {
    const email = "coordination@lens-lievin.test";
    const ip = freshIp();
    const longAgo = new Date(Date.now() - (SIGN_IN_THROTTLE.windowMinutes + 1) * 60_000);
    for (let attempt = 0; attempt < 10; attempt++) await authenticateWithPassword(getDb(), { email, password: "faux" }, ip, longAgo);
    expect(await authenticateWithPassword(getDb(), { email, password: PASSWORD }, ip)).toMatchObject({ ok: true });
  });
});

describe("demo accounts", () => {
  it("exist for every role, seeded territory and region, with the scope their role needs", async () => {
    const users = await getDb().user.findMany({
      where: { email: { endsWith: ".test" } },
      select: {
        email: true,
        memberships: {
          select: {
            role: true,
            region: { select: { slug: true } },
            territory: { select: { slug: true } },
            organisation: { select: { name: true } },
          },
        },
      },
    });
    expect(users).toHaveLength(26);
    const byEmail = Object.fromEntries(users.map((user) => [user.email, user.memberships]));
    expect(byEmail["admin@opencls.test"]).toEqual([{ role: "platform_admin", region: null, territory: null, organisation: null }]);
    expect(byEmail["ars@hauts-de-france.test"]).toEqual([
      { role: "ars_officer", region: { slug: "hauts-de-france" }, territory: null, organisation: null },
    ]);
    expect(byEmail["lecteur-national@opencls.test"]).toEqual([
      { role: "national_reader", region: null, territory: null, organisation: null },
    ]);
    expect(byEmail["ars-cote-d-or@bourgogne-franche-comte.test"]).toEqual([
      { role: "ars_officer", region: { slug: "bourgogne-franche-comte" }, territory: null, organisation: null },
    ]);
    expect(byEmail["coordination@pays-ruffecois.test"]).toEqual([
      { role: "coordinator", region: null, territory: { slug: "pays-ruffecois" }, organisation: null },
    ]);
    expect(byEmail["contribution@romans-sur-isere.test"]).toEqual([
      { role: "contributor", region: null, territory: { slug: "romans-sur-isere" }, organisation: null },
    ]);
    expect(byEmail["partenaire@romans-sur-isere.test"]).toEqual([
      { role: "partner", region: null, territory: { slug: "romans-sur-isere" }, organisation: { name: "CPAM de la Drôme" } },
    ]);
    expect(byEmail["partenaire@territoire-de-demonstration.test"]).toEqual([
      {
        role: "partner",
        region: null,
        territory: { slug: "territoire-de-demonstration" },
        organisation: { name: "CPTS du Territoire de démonstration" },
      },
    ]);
  });

  it("turn into actors carrying their memberships", async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "coordination@romans-sur-isere.test" } });
    const actor = await actorForUser(user.id);
    expect(actor.email).toBe("coordination@romans-sur-isere.test");
    expect(actor.memberships).toEqual([expect.objectContaining({ role: "coordinator" })]);
  });
});

describe("session secret", () => {
  it("is generated once for the embedded database and reused", async () => {
    const dataDir = await makeTempDir("opencls-secret");
    try {
      const first = await resolveAuthSecret({ embedded: true, dataDir, env: {} });
      const second = await resolveAuthSecret({ embedded: true, dataDir, env: {} });
      expect(first).toHaveLength(44);
      expect(second).toBe(first);
      expect((await readFile(path.join(dataDir, "nextauth-secret"), "utf8")).trim()).toBe(first);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("is required with an external database", async () => {
    await expect(resolveAuthSecret({ embedded: false, dataDir: "/nonexistent", env: {} })).rejects.toThrow(
      "NEXTAUTH_SECRET is required when DATABASE_URL is set",
    );
    await expect(resolveAuthSecret({ embedded: false, dataDir: "/nonexistent", env: { NEXTAUTH_SECRET: "s3cret" } })).resolves.toBe(
      "s3cret",
    );
  });
});

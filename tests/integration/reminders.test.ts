// Reminders (docs/adr/0008): the daily scan posts what fell due to whoever must act, once; the
// daily e-mail lists it once per user and day, never when nothing fell due, and carries a
// one-click unsubscribe link; a failed send records nothing and is retried; the weekly digest;
// and two worker processes on one database send a due measurement's reminder exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import { enqueue } from "@/lib/jobs/define";
import { stopQueue } from "@/lib/jobs/queue";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notifications/unsubscribe";
import { sendDailyReminderMail } from "@/lib/reminders/daily-mail";
import { dailyRemindersJob, isoWeek, runDailyReminders } from "@/lib/reminders/jobs";
import { scanDueItems } from "@/lib/reminders/scan";
import { sendWeeklyDigest } from "@/lib/reminders/weekly-digest";
import { createContract, createOrganisation, createTerritory, createUser } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();
const db = () => getDb();
const SECRET = "reminders-test-secret";
const ENV = { OPENCLS_DEVELOPMENT_MODE: "1", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://cls.exemple.fr" };
const day = (text: string) => new Date(`${text}T00:00:00Z`);
/** French typography's no-break spaces as plain ones, to compare texts. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const TODAY = day("2026-12-07");

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.OPENCLS_DEVELOPMENT_MODE = "1";
});
afterAll(() => stopQueue());

/** A territory with a live contract, a coordinator, a contributor and a fiche the contributor pilots. */
async function territoryWithPilotedFiche(options: { status?: "signed" | "closed"; today: Date }) {
  const territory = await createTerritory(db());
  const contract = await createContract(db(), { territoryId: territory.id, status: options.status ?? "signed" });
  const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Accès aux soins" } });
  const [coordinator, pilot] = await Promise.all([
    createUser(db(), { name: "Claude Coordination" }),
    createUser(db(), { name: "Paule Pilote" }),
  ]);
  await db().membership.createMany({
    data: [
      { userId: coordinator.id, role: "coordinator", territoryId: territory.id },
      { userId: pilot.id, role: "contributor", territoryId: territory.id },
    ],
  });
  const fiche = await db().ficheAction.create({
    data: {
      contractId: contract.id,
      axisId: axis.id,
      number: 1,
      title: "Maison de santé",
      pilotUserId: pilot.id,
      startsOn: addMonths(options.today, -12),
    },
  });
  // Measured monthly, last three months ago: due two months ago.
  const indicator = await db().indicator.create({
    data: { ficheId: fiche.id, name: "Patients reçus", level: "result", frequency: "monthly" },
  });
  await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: addMonths(options.today, -3), value: 12 } });
  return { territory, contract, axis, coordinator, pilot, fiche, indicator };
}

describe("the daily scan", () => {
  it("posts each due item once to the fiche's pilot, unpiloted fiches to the coordinators, ended commitments to their partners", async () => {
    const { territory, contract, axis, coordinator, pilot, fiche, indicator } = await territoryWithPilotedFiche({ today: TODAY });
    const [overdue, later, done] = await Promise.all([
      db().milestone.create({ data: { ficheId: fiche.id, title: "Local trouvé", dueOn: day("2026-12-01") } }),
      db().milestone.create({ data: { ficheId: fiche.id, title: "Inauguration", dueOn: day("2027-03-01") } }),
      db().milestone.create({
        data: { ficheId: fiche.id, title: "Convention signée", dueOn: day("2026-11-01"), doneOn: day("2026-10-30") },
      }),
    ]);
    // A fiche nobody pilots, ended on 30 November, with a partner's commitment still in progress.
    const unpiloted = await db().ficheAction.create({
      data: { contractId: contract.id, axisId: axis.id, number: 2, title: "Prévention", endsOn: day("2026-11-30") },
    });
    const campaign = await db().evaluationCampaign.create({
      data: { contractId: contract.id, kind: "mid_term", opensOn: day("2026-12-01") },
    });
    const organisation = await createOrganisation(db(), { name: "CPAM de l’exemple" });
    const partner = await createUser(db(), { name: "Pat Partenaire" });
    await db().membership.create({
      data: { userId: partner.id, role: "partner", territoryId: territory.id, organisationId: organisation.id },
    });
    const commitment = await db().commitment.create({
      data: { ficheId: unpiloted.id, organisationId: organisation.id, description: "Financer les ateliers", status: "in_progress" },
    });
    // The same items in a closed contract remind no one.
    const closed = await territoryWithPilotedFiche({ status: "closed", today: TODAY });

    expect((await scanDueItems(db(), TODAY)).posted).toBeGreaterThan(0);
    const posted = await db().notification.findMany({
      where: { userId: { in: [coordinator.id, pilot.id, partner.id, closed.pilot.id, closed.coordinator.id] } },
      select: { userId: true, kind: true, subjectId: true, period: true, href: true },
    });
    const fichePath = `/espace/${territory.slug}/contrats/${contract.id}/fiches`;
    // An assessment is given on its form in the campaign.
    const assessmentPath = `/espace/${territory.slug}/contrats/${contract.id}/evaluations/${campaign.id}/fiches`;
    expect(posted).toEqual(
      expect.arrayContaining([
        {
          userId: pilot.id,
          kind: "measurement_due",
          subjectId: indicator.id,
          period: "2026-10-07",
          href: `${fichePath}/${fiche.id}/indicateurs`,
        },
        { userId: pilot.id, kind: "milestone_due", subjectId: overdue.id, period: "2026-12-01", href: `${fichePath}/${fiche.id}` },
        { userId: pilot.id, kind: "assessment_due", subjectId: fiche.id, period: campaign.id, href: `${assessmentPath}/${fiche.id}` },
        {
          userId: coordinator.id,
          kind: "assessment_due",
          subjectId: unpiloted.id,
          period: campaign.id,
          href: `${assessmentPath}/${unpiloted.id}`,
        },
        {
          userId: partner.id,
          kind: "commitment_overdue",
          subjectId: commitment.id,
          period: "2026-11-30",
          href: `/engagements/${commitment.id}`,
        },
      ]),
    );
    expect(posted).toHaveLength(5);
    expect(posted.map((notice) => notice.subjectId)).not.toContain(later.id);
    expect(posted.map((notice) => notice.subjectId)).not.toContain(done.id);

    // Again, or on another instance: nothing new.
    const before = await db().notification.count();
    await scanDueItems(db(), TODAY);
    expect(await db().notification.count()).toBe(before);

    // Once measured, the indicator is next due a month later, a new notice then and not before.
    await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: day("2026-12-05"), value: 15 } });
    await scanDueItems(db(), day("2026-12-20"));
    expect(await db().notification.count({ where: { subjectId: indicator.id } })).toBe(1);
    await scanDueItems(db(), day("2027-01-05"));
    expect(
      await db().notification.findMany({ where: { subjectId: indicator.id }, select: { period: true }, orderBy: { period: "asc" } }),
    ).toEqual([{ period: "2026-10-07" }, { period: "2027-01-05" }]);
  });

  it("reminds a pilot who left the territory's coordinators instead", async () => {
    const { coordinator, pilot, indicator, territory } = await territoryWithPilotedFiche({ today: TODAY });
    await db().membership.deleteMany({ where: { userId: pilot.id, territoryId: territory.id } });
    await scanDueItems(db(), TODAY);
    expect(await db().notification.findMany({ where: { subjectId: indicator.id }, select: { userId: true } })).toEqual([
      { userId: coordinator.id },
    ]);
  });
});

describe("the daily e-mail", () => {
  it("lists what fell due once a day, with a one-click unsubscribe link, and nothing when nothing did", async () => {
    const { pilot } = await territoryWithPilotedFiche({ today: TODAY });
    await scanDueItems(db(), TODAY);
    const now = new Date();

    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV, now)).toBe("sent");
    const [mail] = await db().devEmail.findMany({ where: { to: pilot.email } });
    expect(plain(mail.subject)).toBe("OpenCLS : 1 nouvelle notification");
    expect(plain(mail.text)).toContain("Mesures d’indicateurs à saisir\n- Patients reçus (échéance le ");
    expect(plain(mail.text)).toContain("Fiche n° 1 : Maison de santé");
    const unsubscribeUrl = `https://cls.exemple.fr/desabonnement/${unsubscribeToken(pilot.id, "daily", ENV)}`;
    expect(mail.headers).toEqual({ "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(plain(mail.text)).toContain(`Ne plus le recevoir : ${unsubscribeUrl}`);

    // The same day again, then the next day with nothing new: no e-mail.
    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV, now)).toBe("nothing");
    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-08", ENV)).toBe("nothing");
    expect(await db().devEmail.count({ where: { to: pilot.email } })).toBe(1);
  });

  it("is sent once per day even when two jobs for it run at once", async () => {
    const { pilot } = await territoryWithPilotedFiche({ today: TODAY });
    await scanDueItems(db(), TODAY);
    // Both jobs must have read the notices before either records its e-mail (otherwise the later
    // one simply finds nothing new): a transaction of the test's own holds the day's record until
    // both wait on its key, then gives way.
    const holder = new pg.Client({ connectionString: database().url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`INSERT INTO "MailDelivery" ("userId", kind, period) VALUES ($1, 'daily', '2026-12-07')`, [pilot.id]);
    const racing = Promise.all([
      sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV),
      sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV),
    ]);
    const waiting = async () =>
      Number((await holder.query(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`)).rows[0].n);
    for (const deadline = Date.now() + 10_000; (await waiting()) < 2 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await holder.query("ROLLBACK");
    await holder.end();
    const outcomes = await racing;
    expect(outcomes.sort()).toEqual(["alreadySent", "sent"]);
    expect(await db().devEmail.count({ where: { to: pilot.email } })).toBe(1);
  });

  it("records nothing when sending fails, so that the retry sends it", async () => {
    const { pilot } = await territoryWithPilotedFiche({ today: TODAY });
    await scanDueItems(db(), TODAY);
    // Nothing listens on port 9 of this machine: the SMTP connection is refused.
    const unreachable = { ...ENV, SMTP_URL: "smtp://127.0.0.1:9" };
    await expect(sendDailyReminderMail(db(), pilot.id, "2026-12-07", unreachable)).rejects.toThrow();
    expect(await db().mailDelivery.count({ where: { userId: pilot.id } })).toBe(0);
    expect(await db().notification.count({ where: { userId: pilot.id, mailedAt: { not: null } } })).toBe(0);
    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV)).toBe("sent");
  });

  it("records nothing as sent when no way of sending is configured", async () => {
    const { pilot } = await territoryWithPilotedFiche({ today: TODAY });
    await scanDueItems(db(), TODAY);
    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-07", { NEXTAUTH_SECRET: SECRET })).toBe("noTransport");
    expect(await db().mailDelivery.count({ where: { userId: pilot.id } })).toBe(0);
    expect(await db().notification.count({ where: { userId: pilot.id, mailedAt: null } })).toBe(1);
  });

  it("is queued for the users with fresh notices not mailed yet, and only them", async () => {
    const today = todayInParis();
    const [fresh, stale, mailed, declined] = await Promise.all([1, 2, 3, 4].map(() => createUser(db())));
    const notice = (userId: string, extra: object = {}) =>
      db().notification.create({
        data: { userId, kind: "milestone_due", subjectId: userId, period: "p", title: "Jalon", href: "/fiches", ...extra },
      });
    await notice(fresh.id);
    await notice(stale.id, { createdAt: addMonths(new Date(), -1) });
    await notice(mailed.id, { mailedAt: new Date() });
    await notice(declined.id);
    await db().mailPreference.create({ data: { userId: declined.id, dailyReminders: false } });
    await runDailyReminders(db(), today);
    const queued = await db().$queryRaw<Array<{ userId: string }>>`
      SELECT data->>'userId' AS "userId" FROM pgboss.job WHERE name = 'reminder-mail-daily'`;
    const ids = queued.map((job) => job.userId);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(stale.id);
    expect(ids).not.toContain(mailed.id);
    expect(ids).not.toContain(declined.id);
  });

  it("is not sent to whoever turned it off", async () => {
    const { pilot } = await territoryWithPilotedFiche({ today: TODAY });
    await scanDueItems(db(), TODAY);
    await db().mailPreference.create({ data: { userId: pilot.id, dailyReminders: false } });
    expect(await sendDailyReminderMail(db(), pilot.id, "2026-12-07", ENV)).toBe("declined");
    expect(await db().devEmail.count({ where: { to: pilot.email } })).toBe(0);
  });
});

describe("unsubscribe tokens", () => {
  it("name their user and e-mail, and refuse anything tampered with", async () => {
    const user = await createUser(db());
    const token = unsubscribeToken(user.id, "weekly", ENV);
    expect(readUnsubscribeToken(token, ENV)).toEqual({ userId: user.id, kind: "weekly" });
    expect(readUnsubscribeToken(token.replace(".weekly.", ".daily."), ENV)).toBeNull();
    expect(readUnsubscribeToken(`${(await createUser(db())).id}${token.slice(36)}`, ENV)).toBeNull();
    expect(readUnsubscribeToken(token, { NEXTAUTH_SECRET: "another-secret" })).toBeNull();
    expect(readUnsubscribeToken("__proto__", ENV)).toBeNull();
  });
});

describe("the weekly digest", () => {
  it("gives a pilot their fiches' due items and unread notices, once a week, and nothing to whoever has nothing", async () => {
    const today = todayInParis();
    const { pilot, coordinator } = await territoryWithPilotedFiche({ today });
    await scanDueItems(db(), today);
    const week = isoWeek(today);
    expect(await sendWeeklyDigest(db(), pilot.id, week, today, ENV)).toBe("sent");
    expect(await sendWeeklyDigest(db(), pilot.id, week, today, ENV)).toBe("alreadySent");
    const [mail] = await db().devEmail.findMany({ where: { to: pilot.email } });
    expect(plain(mail.subject)).toBe("OpenCLS : votre synthèse de la semaine");
    expect(plain(mail.text)).toContain("1 notification non lue :\n- Mesure à saisir : Patients reçus");
    expect(plain(mail.text)).toMatch(/- Fiche n° 1 : Maison de santé \(.+\)\n {2}En retard · Patients reçus · /);
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    // The coordinator pilots nothing and has no notice: the fiche is piloted.
    expect(await sendWeeklyDigest(db(), coordinator.id, week, today, ENV)).toBe("nothing");
  });

  it("numbers ISO weeks", () => {
    expect([isoWeek(day("2026-12-06")), isoWeek(day("2027-01-01")), isoWeek(day("2024-12-30"))]).toEqual([
      "2026-W49",
      "2026-W53",
      "2025-W01",
    ]);
  });
});

describe("two worker processes on one database", () => {
  const workers: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => (worker.exitCode === null ? (worker.once("exit", resolve), worker.kill("SIGTERM")) : resolve(null))),
      ),
    );
  });

  it("send a due measurement's reminder exactly once", async () => {
    const today = todayInParis();
    const { pilot } = await territoryWithPilotedFiche({ today });
    for (let index = 0; index < 2; index++) {
      const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/cli/worker.ts"], {
        env: { ...process.env, ...ENV, DATABASE_URL: database().url },
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(worker);
      await new Promise<void>((resolve, reject) => {
        worker.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker ready") && resolve());
        worker.once("exit", (code) => reject(new Error(`the worker exited with code ${code}`)));
      });
    }
    // Each instance's schedule fires the scan: twice, as if both had.
    await enqueue(dailyRemindersJob, {});
    await enqueue(dailyRemindersJob, {});

    const reminders = () => db().devEmail.count({ where: { to: pilot.email } });
    const deadline = Date.now() + 60_000;
    while ((await reminders()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    // Both scans and every mail job they queued have finished: nothing waits in the queue, nothing failed.
    const states = () =>
      db().$queryRaw<Array<{ state: string }>>`SELECT DISTINCT state::text FROM pgboss.job WHERE name LIKE 'reminder%'`.then((rows) =>
        rows.map((row) => row.state),
      );
    while (Date.now() < deadline && (await states()).some((state) => ["created", "retry", "active"].includes(state))) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await states()).toEqual(["completed"]);
    expect(await reminders()).toBe(1);
    expect(await db().mailDelivery.findMany({ where: { userId: pilot.id }, select: { kind: true, period: true } })).toEqual([
      { kind: "daily", period: isoDay(today) },
    ]);
  }, 120_000);
});

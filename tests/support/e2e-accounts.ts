// Accounts of their own for end-to-end tests whose subject is not the account itself: signing
// out ends every session of an account (lib/auth/sessions.ts), so a test that signs out, or
// changes a member, must not share the account with the tests running beside it. Inserted
// straight into the suite's database with the seed's own code, with the demo password. Records
// the demo data cannot hold (commitments: the real contracts' sources state none) too.
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createDbClient, type Db, type Tx } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { embeddedUrl } from "@/lib/db/embedded";
import type { MembershipRole, OrganisationKind } from "@/lib/db/generated/enums";
import { createQueue } from "@/lib/jobs/queue";
import { dailyRemindersJob } from "@/lib/reminders/jobs";
import { publishAllFiches } from "@/lib/publication/publish";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { insertDemoAccounts, type DemoAccounts } from "@/lib/seed/demo-accounts";
import { slugify } from "@/lib/text/slug";
import { DEMO_PASSWORD } from "../e2e/sign-in";
import { documentFileRow, pdfBytes } from "./document-files";
import { E2E_DATABASE_PORT } from "./e2e-server";

let db: Db | undefined;
let passwordHash: Promise<string> | undefined;
const suiteDb = () => (db ??= createDbClient(embeddedUrl(E2E_DATABASE_PORT)));

export type NewAccount = { email: string; name: string };

/**
 * A new account holding one role on a seeded territory (by slug), signed in with DEMO_PASSWORD;
 * a partner's also names their organisation (by name, as demo-accounts.json does). On the suite's
 * database, or on `db` (a spec's own).
 */
export async function createAccount(
  role: MembershipRole,
  territory: string,
  name = "Compte de test",
  organisation?: string,
  db: Db = suiteDb(),
): Promise<NewAccount> {
  const email = `${role}.${randomUUID().slice(0, 8)}@${territory}.test`;
  await insertAccount(db, { email, name, role, territory, organisation });
  return { email, name };
}

/** A new ARS officer of the whole region (by slug), signed in with DEMO_PASSWORD. */
export async function createRegionOfficer(region: string, name = "ARS de test", db: Db = suiteDb()): Promise<NewAccount> {
  const email = `ars.${randomUUID().slice(0, 8)}@${region}.test`;
  await insertAccount(db, { email, name, role: "ars_officer", region });
  return { email, name };
}

async function insertAccount(db: Db, account: DemoAccounts["accounts"][number]) {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  await db.$transaction((tx) => insertDemoAccounts(tx, { note: "", password: DEMO_PASSWORD, passwordHash: hash, accounts: [account] }));
}

/**
 * A fictional territory of the test's own in Bourgogne-Franche-Comté, with a slug no other test
 * takes: its contracts' generations are its own, whatever the specs running beside it create in
 * the region's demo territory. The region is created when the database has none (a spec's own).
 */
export async function createFictionalTerritory(name: string, db: Db = suiteDb()): Promise<{ id: string; slug: string; name: string }> {
  const region = await db.region.upsert({
    where: { inseeCode: "27" },
    update: {},
    create: { slug: "bourgogne-franche-comte", inseeCode: "27", name: "Bourgogne-Franche-Comté" },
  });
  return db.territory.create({
    data: {
      slug: `territoire-fictif-${randomUUID().slice(0, 8)}`,
      name,
      kind: "communaute_communes",
      regionId: region.id,
      department: "Côte-d’Or",
      departmentCodes: ["21"],
    },
    select: { id: true, slug: true, name: true },
  });
}

/** A commitment of an organisation (by name) to a new objective of the fiche: the demo contracts' sources state none. */
export async function createCommitment(ficheId: string, organisation: string, description = "Engagement de la matrice"): Promise<string> {
  const { id: organisationId } = await suiteDb().organisation.findFirstOrThrow({ where: { name: organisation }, select: { id: true } });
  // Test files prepare their records side by side: one at a time per fiche, for its next position.
  const objective = await suiteDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ficheId}))`;
    const position = (await tx.operationalObjective.count({ where: { ficheId } })) + 1;
    return tx.operationalObjective.create({ data: { ficheId, position, title: `Objectif de test ${position}` } });
  });
  const commitment = await suiteDb().commitment.create({
    data: { objectiveId: objective.id, organisationId, description },
    select: { id: true },
  });
  return commitment.id;
}

/** A fiche of the territory's published contract (the demo contracts are published), for tests that hang records on it. */
export async function findPublishedFiche(territory: string): Promise<{ contractId: string; ficheId: string }> {
  const fiche = await suiteDb().ficheAction.findFirstOrThrow({
    where: { deletedAt: null, contract: { territory: { slug: territory }, visibility: "published", NOT: { status: "preparation" } } },
    orderBy: { number: "asc" },
    select: { id: true, contractId: true },
  });
  return { contractId: fiche.contractId, ficheId: fiche.id };
}

/** A new fiche of the territory's published contract piloted by the account, with an indicator and a milestone falling due. */
export async function createPilotedFiche(territory: string, pilotEmail: string, title: string): Promise<string> {
  const { contractId } = await findPublishedFiche(territory);
  const [axis, pilot, last] = await Promise.all([
    suiteDb().axis.findFirstOrThrow({ where: { contractId }, orderBy: { position: "asc" }, select: { id: true } }),
    suiteDb().user.findUniqueOrThrow({ where: { email: pilotEmail }, select: { id: true } }),
    suiteDb().ficheAction.findFirst({ where: { contractId }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const fiche = await suiteDb().ficheAction.create({
    data: { contractId, axisId: axis.id, number: (last?.number ?? 0) + 1, title, pilotUserId: pilot.id, startsOn: new Date("2025-01-01") },
  });
  const indicator = await suiteDb().indicator.create({
    data: { ficheId: fiche.id, name: `Ateliers tenus (${title})`, level: "process", frequency: "quarterly" },
  });
  await suiteDb().measurement.create({ data: { indicatorId: indicator.id, measuredOn: new Date("2025-06-30"), value: 4 } });
  await suiteDb().milestone.create({ data: { ficheId: fiche.id, title: `Convention signée (${title})`, dueOn: new Date("2025-09-30") } });
  return fiche.id;
}

/**
 * What the app's 6 a.m. schedule does, now: queues the daily reminders job, which the suite's
 * server runs (scan, then one e-mail job per user with something new).
 */
export async function runDailyReminders(): Promise<void> {
  const queue = createQueue(embeddedUrl(E2E_DATABASE_PORT));
  await queue.start();
  try {
    await queue.send(dailyRemindersJob.name, {});
  } finally {
    await queue.stop({ graceful: false, wait: true });
  }
}

/** Gives a seeded organisation (by name) a SIREN, as an administrator would: the demo data state none. */
export async function giveSiren(organisation: string, siren: string): Promise<void> {
  await suiteDb().organisation.updateMany({ where: { name: organisation }, data: { siren } });
}

/**
 * The contract's mid-term campaign, made closed the first time anyone asks (the route matrix
 * and its fuzz spec, side by side): its pages exist, and nothing falls due because of it (an
 * open campaign would remind every pilot of the contract to assess their fiche).
 */
export async function closedCampaignOf(contractId: string): Promise<string> {
  await suiteDb().$executeRaw`
    INSERT INTO "EvaluationCampaign" ("contractId", kind, status, "closedAt", "updatedAt")
    VALUES (${contractId}::uuid, 'mid_term', 'closed', now(), now()) ON CONFLICT DO NOTHING`;
  const campaign = await suiteDb().evaluationCampaign.findFirstOrThrow({ where: { contractId, kind: "mid_term" }, select: { id: true } });
  return campaign.id;
}

/** The territory's demo contract (its first published one), for tests that hang records on it: its id. */
export async function findDemoContract(territory: string): Promise<string> {
  const contract = await suiteDb().contract.findFirstOrThrow({
    where: { territory: { slug: territory }, visibility: "published" },
    orderBy: { generation: "asc" },
    select: { id: true },
  });
  return contract.id;
}

/** A document of the contract with a small PDF file, public or not; its id. */
export async function createDocumentWithFile(
  contractId: string,
  { isPublic, title = "Document de la matrice d’autorisation" }: { isPublic: boolean; title?: string },
): Promise<string> {
  const document = await suiteDb().document.create({
    data: { contractId, kind: "other", title, isPublic, file: { create: documentFileRow(pdfBytes(title)) } },
    select: { id: true },
  });
  return document.id;
}

/**
 * A signed amendment of the contract (the first one made here, reused afterwards), for tests that
 * need one to exist: the contract frozen as it stands, before and after an amendment that changes nothing.
 */
export async function signedAmendmentOf(contractId: string): Promise<string> {
  return suiteDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${contractId}))`;
    const existing = await tx.amendment.findFirst({
      where: { contractId, status: "signed" },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    if (existing) return existing.id;
    const { _max } = await tx.amendment.aggregate({ where: { contractId }, _max: { number: true } });
    const snapshot = await createContractSnapshot(tx, contractId, "amendment", { userId: null });
    const amendment = await tx.amendment.create({
      data: {
        contractId,
        number: (_max.number ?? 0) + 1,
        purpose: "Avenant des tests de bout en bout",
        status: "signed",
        signedOn: new Date("2026-01-15"),
        baseSnapshotId: snapshot.id,
        snapshotId: snapshot.id,
      },
      select: { id: true },
    });
    return amendment.id;
  });
}

/**
 * Runs `create` in a transaction with the territory's (by slug) next contract rank, one helper at
 * a time per territory (tests create contracts side by side), and again if the rank was taken
 * meanwhile: a spec may create a contract of the same territory through the app's form at the
 * same time, which this lock does not order (the form's own retry is in ../e2e/workspace.ts).
 */
async function withNextRank<T>(
  db: Db,
  territory: string,
  create: (tx: Tx, rank: { territoryId: string; generation: number }) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { id: territoryId } = await tx.territory.findUniqueOrThrow({ where: { slug: territory }, select: { id: true } });
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${territoryId}))`;
        const last = await tx.contract.aggregate({ where: { territoryId }, _max: { generation: true } });
        return create(tx, { territoryId, generation: (last._max.generation ?? 0) + 1 });
      });
    } catch (error) {
      if (attempt >= 3 || !uniqueViolationTarget(error)?.includes("generation")) throw error;
    }
  }
}

/**
 * A signed, published contract of the test's own in the territory, the newest generation, with one
 * axis and three published fiches, signed by the organisations (by name, created when missing,
 * each with the person who signed for it) before amendments were recorded (no signature
 * snapshot): what an amendment starts from.
 */
export async function createAmendableContract(
  territory: string,
  signatories: ReadonlyArray<{ organisation: string; kind?: OrganisationKind; signerName?: string; signerTitle?: string }>,
  title: string,
  db: Db = suiteDb(),
): Promise<{ contractId: string; fiches: string[] }> {
  return withNextRank(db, territory, async (tx, { territoryId, generation }) => {
    const contract = await tx.contract.create({
      data: {
        territoryId,
        title,
        generation,
        status: "signed",
        visibility: "published",
        signedOn: new Date("2025-01-15"),
      },
    });
    for (const [index, { organisation, kind = "other", signerName, signerTitle }] of signatories.entries()) {
      const { id: organisationId } =
        (await tx.organisation.findFirst({ where: { name: organisation }, select: { id: true } })) ??
        (await tx.organisation.create({ data: { slug: slugify(organisation), name: organisation, kind }, select: { id: true } }));
      await tx.signatory.create({
        data: { contractId: contract.id, organisationId, position: index + 1, signerName, signerTitle, signedOn: new Date("2025-01-15") },
      });
    }
    const axis = await tx.axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Accès aux soins" } });
    const fiches = [];
    for (const [index, name] of ["Maison de santé", "Bus de prévention", "Permanences d’accès aux droits"].entries())
      fiches.push(
        await tx.ficheAction.create({
          data: { contractId: contract.id, axisId: axis.id, number: index + 1, title: `${name} ${title}`, description: `${name}.` },
          select: { id: true, title: true },
        }),
      );
    await publishAllFiches(tx, contract.id, { userId: null });
    return { contractId: contract.id, fiches: fiches.map((fiche) => fiche.title) };
  });
}

/** A new contract of the territory, under way (so that an assessment falls due) and still a draft (out of public pages and partners' sight). */
async function contractUnderWay(territory: string, title: string): Promise<string> {
  return withNextRank(suiteDb(), territory, async (tx, { territoryId, generation }) => {
    const contract = await tx.contract.create({
      data: { territoryId, title, generation, status: "in_progress", visibility: "draft" },
      select: { id: true },
    });
    return contract.id;
  });
}

/**
 * A fiche to assess, with a budget line planned by the ARS, in the contract given (or a new one
 * under way in the territory), piloted by the account given, its contract's mid-term campaign
 * open (opened here when the contract has none).
 */
export async function createAssessableFiche(options: {
  title: string;
  contractId?: string;
  territory?: string;
  pilotEmail?: string;
}): Promise<{ contractId: string; ficheId: string; campaignId: string }> {
  const contractId = options.contractId ?? (await contractUnderWay(options.territory!, `Contrat évalué (${options.title})`));
  const pilot = options.pilotEmail
    ? await suiteDb().user.findUniqueOrThrow({ where: { email: options.pilotEmail }, select: { id: true } })
    : null;
  return suiteDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${contractId}))`;
    const axis =
      (await tx.axis.findFirst({ where: { contractId }, orderBy: { position: "asc" }, select: { id: true } })) ??
      (await tx.axis.create({ data: { contractId, position: 1, number: 1, title: "Prévention" }, select: { id: true } }));
    const last = await tx.ficheAction.aggregate({ where: { contractId }, _max: { number: true } });
    const fiche = await tx.ficheAction.create({
      data: {
        contractId,
        axisId: axis.id,
        number: (last._max.number ?? 0) + 1,
        title: options.title,
        pilotUserId: pilot?.id,
        generalObjective: "Réduire les chutes des personnes âgées vivant à domicile.",
        budgetLines: { create: { funderLabel: "ARS", fundingInstrument: "FIR", year: 2025, amount: "30000" } },
      },
      select: { id: true },
    });
    const campaign =
      (await tx.evaluationCampaign.findFirst({ where: { contractId, status: "open" }, select: { id: true } })) ??
      (await tx.evaluationCampaign.create({
        data: { contractId, kind: "mid_term", periodStart: new Date("2024-01-01"), periodEnd: new Date("2026-06-30"), opensOn: new Date() },
        select: { id: true },
      }));
    return { contractId, ficheId: fiche.id, campaignId: campaign.id };
  });
}

/**
 * A published contract under way in the territory, the newest generation, with one fiche (a
 * budget line planned by the ARS) where the organisation (by name) commits, and optionally an
 * open mid-term campaign: what partners and evaluations need, on a contract of the test's own.
 */
export async function createContractWithCommitment(
  territory: string,
  organisation: string,
  title: string,
  { campaign }: { campaign: boolean },
): Promise<{ contractId: string; ficheId: string; commitmentId: string }> {
  return withNextRank(suiteDb(), territory, async (tx, { territoryId, generation }) => {
    const contract = await tx.contract.create({
      data: { territoryId, title, generation, status: "in_progress", visibility: "published" },
    });
    const { id: organisationId } = await tx.organisation.findFirstOrThrow({ where: { name: organisation }, select: { id: true } });
    await tx.signatory.create({ data: { contractId: contract.id, organisationId, position: 1 } });
    const axis = await tx.axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Accès aux droits" } });
    const fiche = await tx.ficheAction.create({
      data: {
        contractId: contract.id,
        axisId: axis.id,
        number: 1,
        title: `Permanences ${title}`,
        budgetLines: { create: { funderLabel: "ARS", fundingInstrument: "FIR", year: 2025, amount: "30000" } },
      },
    });
    const commitment = await tx.commitment.create({
      data: { ficheId: fiche.id, organisationId, description: `Tenir une permanence ${title}` },
    });
    if (campaign)
      await tx.evaluationCampaign.create({
        data: { contractId: contract.id, kind: "mid_term", periodStart: new Date("2024-01-01"), periodEnd: new Date("2026-06-30") },
      });
    return { contractId: contract.id, ficheId: fiche.id, commitmentId: commitment.id };
  });
}

/**
 * A signed contract of the territory (by slug) under way, ending in 6 months, with one axis, one
 * fiche and its mid-term campaign closed: what an ARS officer finds among the contracts of the
 * region that expire within a year, with an evaluation report to review.
 */
export async function createExpiringContract(
  territory: string,
  title: string,
): Promise<{ contractId: string; ficheId: string; campaignId: string }> {
  const { contractId, ficheId } = await createDraftContract(territory, title);
  const today = todayInParis();
  await suiteDb().contract.update({
    where: { id: contractId },
    data: { status: "in_progress", signedOn: addMonths(today, -54), startsOn: addMonths(today, -54), endsOn: addMonths(today, 6) },
  });
  return { contractId, ficheId, campaignId: await closedCampaignOf(contractId) };
}

/** A contract in preparation (a draft the agency may review) with one axis and one fiche, on the territory (by slug). */
export async function createDraftContract(territory: string, title: string): Promise<{ contractId: string; ficheId: string }> {
  return withNextRank(suiteDb(), territory, async (tx, { territoryId, generation }) => {
    const contract = await tx.contract.create({
      data: { territoryId, title, generation, status: "preparation", visibility: "draft" },
    });
    const axis = await tx.axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Santé mentale" } });
    const fiche = await tx.ficheAction.create({
      data: {
        contractId: contract.id,
        axisId: axis.id,
        number: 1,
        title: `Conseil local de santé mentale ${title}`,
        context: "Créer un CLSM.",
      },
    });
    return { contractId: contract.id, ficheId: fiche.id };
  });
}

// Loads the demo data (five real contracts, one fictional territory and the demo accounts,
// prisma/seed/*.json). Idempotent: every row is inserted only when its natural key is missing,
// and nothing existing is updated, so a second run changes nothing, even on a later day when the
// fictional dates, counted from the load day, would differ (tests/integration/seed.test.ts).
import { publishUnpublishedContracts } from "@/lib/publication/publish";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db, Tx } from "@/lib/db/client";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { slugify } from "@/lib/text/slug";
import { insertDemoMemberships, insertDemoUsers, readDemoAccounts, type DemoAccounts } from "./demo-accounts";
import { userId, type SeedContext } from "./context";
import { insertAmendments } from "./demo-amendments";
import { insertEvaluationLife } from "./demo-evaluation";
import {
  contractFileSchema,
  regionsFileSchema,
  type ContractFile,
  type OrganisationRef,
  type PartyRef,
  type RegionsFile,
  type SeedDay,
} from "./schema";
import { departmentNames } from "@/lib/geo/queries";
import { findGeoEntry, parseGeoValue, territoryCodes } from "@/lib/geo/reference";

export const SEED_DIR = path.resolve(import.meta.dirname, "../../prisma/seed");

export type DemoData = { regions: RegionsFile["regions"]; contracts: ContractFile[]; accounts: DemoAccounts };

export async function readDemoData(dir = SEED_DIR): Promise<DemoData> {
  const files = (await readdir(dir))
    .filter((name) => name.endsWith(".json") && !["regions.json", "demo-accounts.json"].includes(name))
    .sort();
  const read = async (name: string) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as unknown;
  const regions = regionsFileSchema.parse(await read("regions.json")).regions;
  const contracts = await Promise.all(
    files.map(async (name) => {
      const parsed = contractFileSchema.safeParse(await read(name));
      if (!parsed.success) throw new Error(`prisma/seed/${name} is invalid: ${parsed.error.message}`);
      return parsed.data;
    }),
  );
  return { regions, contracts, accounts: await readDemoAccounts(dir) };
}

/** Loads the data; the fictional territory's dates are counted from `today` (the day in Paris by default). */
export async function loadDemoData(db: Db, { data, today = todayInParis() }: { data?: DemoData; today?: Date } = {}): Promise<void> {
  const { regions, contracts, accounts } = data ?? (await readDemoData());
  await db.$transaction(
    async (tx) => {
      const regionIds = await insertRegions(tx, regions);
      // Users first: fiches name the account that pilots them, commitments the one that reported.
      const userIds = await insertDemoUsers(tx, accounts);
      const on = (value: SeedDay | undefined) => day(value, today);
      for (const file of contracts) {
        const region = regions.find((candidate) => candidate.slug === file.territory.region);
        if (!region) throw new Error(`${file.territory.slug}: unknown region ${file.territory.region}`);
        await insertContract(tx, file, { ...region, id: regionIds.get(region.slug)! }, { on, userIds });
      }
      await insertDemoMemberships(tx, accounts);
    },
    { timeout: 60_000 },
  );
  // The real contracts are public documents: their fiches are published as their sources state them.
  await publishUnpublishedContracts(db);
}

async function insertRegions(tx: Tx, regions: DemoData["regions"]): Promise<Map<string, string>> {
  await tx.region.createMany({
    data: regions.map(({ slug, inseeCode, name }) => ({ slug, inseeCode, name })),
    skipDuplicates: true,
  });
  const rows = await tx.region.findMany({ where: { slug: { in: regions.map((r) => r.slug) } }, select: { id: true, slug: true } });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  await tx.organisation.createMany({
    data: regions.map((region) => ({ slug: slugify(region.ars), name: region.ars, kind: "ars" as const, regionId: ids.get(region.slug) })),
    skipDuplicates: true,
  });
  const arsRows = await tx.organisation.findMany({
    where: { slug: { in: regions.map((r) => slugify(r.ars)) } },
    select: { id: true, slug: true },
  });
  for (const region of regions) {
    const arsId = arsRows.find((row) => row.slug === slugify(region.ars))?.id;
    // Only fills a missing link: an ARS chosen later by an administrator is kept.
    await tx.region.updateMany({ where: { slug: region.slug, arsId: null }, data: { arsId } });
  }
  return ids;
}

type SeedRegion = DemoData["regions"][number] & { id: string };

/**
 * A territory's official codes, read in the State's reference at the place its file names (the
 * files hold no code of their own but a commune's INSEE code or an EPCI's SIREN, checked against it).
 */
function territoryCodesOf(t: ContractFile["territory"], region: SeedRegion) {
  const typed = {
    department: t.department ?? null,
    departmentCodes: [] as string[],
    communeCodes: [] as string[],
    inseeCode: t.inseeCode ?? null,
    siren: t.siren ?? null,
  };
  if (!t.place) return typed;
  const picked = parseGeoValue(t.place);
  const entry = picked && findGeoEntry(picked.type, picked.code);
  if (!entry) throw new Error(`${t.slug}: ${t.place} is not in the State's reference`);
  if (entry.regionCode !== region.inseeCode) throw new Error(`${t.slug}: ${t.place} is not in region ${region.slug}`);
  if (entry.kind && entry.kind !== t.kind) throw new Error(`${t.slug}: ${t.place} is a ${entry.kind}, not a ${t.kind}`);
  const codes = territoryCodes(entry);
  for (const key of ["inseeCode", "siren"] as const)
    if (typed[key] && typed[key] !== codes[key]) throw new Error(`${t.slug}: ${key} ${typed[key]} is not ${t.place}'s`);
  return { ...codes, department: typed.department ?? departmentNames(entry.departmentCodes) };
}

async function insertContract(tx: Tx, file: ContractFile, region: SeedRegion, context: SeedContext): Promise<void> {
  const { on } = context;
  const { territory: t, contract: c } = file;
  const codes = territoryCodesOf(t, region);
  await tx.territory.createMany({
    data: [{ slug: t.slug, name: t.name, kind: t.kind, regionId: region.id, ...codes }],
    skipDuplicates: true,
  });
  // Data loaded before territories had official codes gets them once.
  if (codes.departmentCodes.length)
    await tx.territory.updateMany({ where: { slug: t.slug, departmentCodes: { isEmpty: true } }, data: codes });
  const territory = await tx.territory.findUniqueOrThrow({ where: { slug: t.slug }, select: { id: true } });

  await tx.contract.createMany({
    data: [
      {
        territoryId: territory.id,
        title: c.title,
        generation: c.generation,
        status: c.status,
        visibility: c.visibility,
        publishedAt: c.visibility === "published" ? new Date() : null,
        summary: c.summary,
        councilAdoptedOn: on(c.councilAdoptedOn),
        signedOn: on(c.signedOn),
        startsOn: on(c.startsOn),
        endsOn: on(c.endsOn),
        durationMonths: c.durationMonths,
        timeframeNote: c.timeframeNote,
        diagnosisSource: c.diagnosisSource,
        diagnosisYear: c.diagnosisYear,
        diagnosisSummary: c.diagnosisSummary,
        concertationSummary: c.concertationSummary,
        declaredFicheCount: c.declaredFicheCount,
      },
    ],
    skipDuplicates: true,
  });
  const contract = await tx.contract.findUniqueOrThrow({
    where: { territoryId_generation: { territoryId: territory.id, generation: c.generation } },
    select: { id: true },
  });
  const contractId = contract.id;

  const organisationIds = await insertOrganisations(tx, [...c.signatories, ...c.partners], region);
  const organisationId = (ref: OrganisationRef) => organisationIds.get(organisationSlug(ref, region))!;
  // Fiches, budget lines, meetings name their organisations among these parties (the file's schema checks it).
  const partyId = (ref: PartyRef) => {
    const id = organisationIds.get(slugify(typeof ref === "string" ? ref : region.ars));
    if (!id) throw new Error(`${t.slug}: ${typeof ref === "string" ? ref : "the ARS"} is not among the contract's parties`);
    return id;
  };
  await tx.signatory.createMany({
    data: c.signatories.map((ref, index) => ({ contractId, organisationId: organisationId(ref), position: index + 1 })),
    skipDuplicates: true,
  });
  await tx.contractPartner.createMany({
    data: c.partners.map((ref, index) => ({ contractId, organisationId: organisationId(ref), position: index + 1, role: ref.role })),
    skipDuplicates: true,
  });
  await tx.diagnosisFinding.createMany({
    data: c.findings.map((text, index) => ({ contractId, position: index + 1, text })),
    skipDuplicates: true,
  });

  await tx.axis.createMany({
    data: c.axes.map((axis, index) => ({
      contractId,
      position: index + 1,
      number: axis.number,
      title: axis.title,
      description: axis.description,
      isTransversal: axis.isTransversal ?? false,
    })),
    skipDuplicates: true,
  });
  const axes = await tx.axis.findMany({ where: { contractId }, select: { id: true, position: true } });
  await tx.ficheAction.createMany({
    data: c.axes.flatMap((axis, index) =>
      axis.fiches.map((fiche) => ({
        contractId,
        axisId: axes.find((row) => row.position === index + 1)!.id,
        number: fiche.number,
        title: fiche.title,
        generalObjective: fiche.generalObjective,
        description: fiche.description,
        targetPublic: fiche.targetPublic,
        pilotOrganisationId: fiche.pilot && partyId(fiche.pilot.organisation),
        pilotContactName: fiche.pilot?.contactName,
        pilotContactEmail: fiche.pilot?.account,
        pilotUserId: fiche.pilot?.account && userId(context, fiche.pilot.account),
        startsOn: on(fiche.startsOn),
        endsOn: on(fiche.endsOn),
        status: fiche.status,
        progress: fiche.progress,
      })),
    ),
    skipDuplicates: true,
  });
  await insertFicheDetails(tx, file, contractId, partyId, context);
  await insertFicheFindings(tx, file, contractId);

  await tx.workingGroup.createMany({
    data: c.workingGroups.map((group, index) => ({ contractId, position: index + 1, name: group.name })),
    skipDuplicates: true,
  });
  const groups = await tx.workingGroup.findMany({ where: { contractId }, select: { id: true, name: true } });
  const existingMeetings = await tx.meeting.findMany({
    where: { contractId },
    select: { workingGroupId: true, heldOn: true, topic: true },
  });
  const meetingKey = (groupId: string | null, heldOn: Date, topic: string | null | undefined) =>
    `${groupId}|${heldOn.toISOString()}|${topic ?? ""}`;
  const knownMeetings = new Set(existingMeetings.map((m) => meetingKey(m.workingGroupId, m.heldOn, m.topic)));
  for (const group of c.workingGroups) {
    const workingGroupId = groups.find((row) => row.name === group.name)!.id;
    for (const meeting of group.meetings) {
      const heldOn = on(meeting.heldOn)!;
      if (knownMeetings.has(meetingKey(workingGroupId, heldOn, meeting.topic))) continue;
      // The minutes are recorded as a document of the contract, linked to their meeting.
      const minutes = meeting.minutes
        ? await tx.document.create({
            data: {
              contractId,
              kind: "minutes",
              title: `Compte-rendu du groupe «\u00a0${group.name}\u00a0»${meeting.topic ? ` (${meeting.topic})` : ""}`,
              issuedOn: heldOn,
              // The sources describe them publicly.
              isPublic: true,
            },
            select: { id: true },
          })
        : null;
      await tx.meeting.create({
        data: { contractId, workingGroupId, kind: "working_group", heldOn, topic: meeting.topic, minutesDocumentId: minutes?.id },
      });
    }
  }

  const existingDocuments = new Set(
    (await tx.document.findMany({ where: { contractId, kind: { not: "minutes" } }, select: { title: true } })).map((d) => d.title),
  );
  await tx.document.createMany({
    data: c.documents
      .filter((document) => !existingDocuments.has(document.title))
      .map((document) => ({
        contractId,
        kind: document.kind,
        title: document.title,
        issuedOn: on(document.issuedOn),
        issuedPrecision: document.issuedPrecision,
        url: document.url,
        // Every document a source names is public: the source is.
        isPublic: true,
      })),
  });

  if (file.fictional) {
    await insertEvaluationLife(tx, file, contractId, partyId, context);
    await insertAmendments(tx, file, contractId, context, partyId);
  }
}

/**
 * What the file says of its fiches' conduct: milestones, objectives with their commitments,
 * indicators with their measurements, and budget lines. Each is inserted whole when its natural
 * key is missing (a milestone's or an indicator's title within its fiche, an objective's
 * position, a commitment's organisation within its objective; budget lines only on a fiche that
 * has none): dates are never part of a key.
 */
/** Which findings each fiche answers, as the file says (the fictional contract's only: no real source links them). */
async function insertFicheFindings(tx: Tx, file: ContractFile, contractId: string): Promise<void> {
  const described = file.contract.axes.flatMap((axis) => axis.fiches).filter((fiche) => fiche.findings.length);
  if (!described.length) return;
  const [findings, fiches] = await Promise.all([
    tx.diagnosisFinding.findMany({ where: { contractId }, select: { id: true, position: true } }),
    tx.ficheAction.findMany({ where: { contractId }, select: { id: true, number: true } }),
  ]);
  await tx.ficheFinding.createMany({
    data: described.flatMap((fiche) =>
      fiche.findings.map((position) => ({
        ficheId: fiches.find((row) => row.number === fiche.number)!.id,
        findingId: findings.find((row) => row.position === position)!.id,
      })),
    ),
    skipDuplicates: true,
  });
}

async function insertFicheDetails(
  tx: Tx,
  file: ContractFile,
  contractId: string,
  organisationId: (ref: PartyRef) => string,
  context: SeedContext,
): Promise<void> {
  const { on } = context;
  const loadedAt = new Date();
  const described = file.contract.axes.flatMap((axis) => axis.fiches);
  if (!described.some((fiche) => fiche.milestones.length || fiche.objectives.length || fiche.indicators.length || fiche.budgetLines.length))
    return;
  const fiches = await tx.ficheAction.findMany({
    where: { contractId },
    select: {
      id: true,
      number: true,
      milestones: { select: { title: true } },
      indicators: { select: { name: true } },
      _count: { select: { budgetLines: true } },
    },
  });
  for (const fiche of described) {
    const row = fiches.find((candidate) => candidate.number === fiche.number)!;
    const ficheId = row.id;
    const knownMilestones = new Set(row.milestones.map((milestone) => milestone.title));
    await tx.milestone.createMany({
      data: fiche.milestones
        .filter((milestone) => !knownMilestones.has(milestone.title))
        .map((milestone) => ({ ficheId, title: milestone.title, dueOn: on(milestone.dueOn), doneOn: on(milestone.doneOn) })),
    });
    if (row._count.budgetLines === 0)
      await tx.budgetLine.createMany({
        // A millisecond apart, so that they list in the file's order (by createdAt).
        data: fiche.budgetLines.map((line, index) => ({
          createdAt: new Date(loadedAt.getTime() + index),
          ficheId,
          funderId: organisationId(line.funder),
          fundingInstrument: line.fundingInstrument,
          amount: line.amount,
        })),
      });

    await tx.operationalObjective.createMany({
      data: fiche.objectives.map((objective, index) => ({
        ficheId,
        position: index + 1,
        title: objective.title,
        description: objective.description,
        dueOn: on(objective.dueOn),
        status: objective.status,
        progress: objective.progress,
      })),
      skipDuplicates: true,
    });
    const objectives = await tx.operationalObjective.findMany({ where: { ficheId }, select: { id: true, position: true } });
    await tx.commitment.createMany({
      data: fiche.objectives.flatMap((objective, index) =>
        objective.commitments.map(({ organisation, description, report }) => ({
          objectiveId: objectives.find((candidate) => candidate.position === index + 1)!.id,
          organisationId: organisationId(organisation),
          description,
          ...(report && {
            status: report.status,
            progress: report.progress,
            humanResources: report.humanResources,
            financialAmount: report.financialAmount,
            financialDetails: report.financialDetails,
            inKindResources: report.inKindResources,
            comment: report.comment?.text,
            commentedOn: on(report.comment?.on),
            // In the morning of its day, as a partner would report.
            reportedAt: new Date(on(report.on)!.getTime() + 9 * 3_600_000),
            reportedById: report.by && userId(context, report.by),
          }),
        })),
      ),
      skipDuplicates: true,
    });

    const knownIndicators = new Set(row.indicators.map((indicator) => indicator.name));
    for (const indicator of fiche.indicators.filter((candidate) => !knownIndicators.has(candidate.name))) {
      await tx.indicator.create({
        data: {
          ficheId,
          name: indicator.name,
          level: indicator.level,
          unit: indicator.unit,
          direction: indicator.direction,
          frequency: indicator.frequency,
          dataSource: indicator.dataSource,
          baselineValue: indicator.baseline?.value,
          baselineOn: on(indicator.baseline?.on),
          targetValue: indicator.target?.value,
          targetOn: on(indicator.target?.on),
          measurements: {
            createMany: { data: indicator.measurements.map(({ on: measuredOn, value }) => ({ measuredOn: on(measuredOn)!, value })) },
          },
        },
      });
    }
  }
}

function organisationSlug(ref: OrganisationRef, region: SeedRegion): string {
  return slugify("ars" in ref ? region.ars : ref.name);
}

async function insertOrganisations(tx: Tx, refs: OrganisationRef[], region: SeedRegion): Promise<Map<string, string>> {
  await tx.organisation.createMany({
    data: refs.flatMap((ref) => ("ars" in ref ? [] : [{ slug: slugify(ref.name), name: ref.name, kind: ref.kind, regionId: region.id }])),
    skipDuplicates: true,
  });
  const rows = await tx.organisation.findMany({
    where: { slug: { in: refs.map((ref) => organisationSlug(ref, region)) } },
    select: { id: true, slug: true },
  });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** A file's day as a calendar day (UTC midnight, as DATE columns read): a date, or an offset from `today`. */
function day(value: SeedDay | undefined, today: Date): Date | null {
  if (value === undefined) return null;
  if (typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return new Date(addMonths(today, value.months).getTime() + value.days * 86_400_000);
}

// Loads the demo data (five real contracts and the demo accounts, prisma/seed/*.json).
// Idempotent: every row is inserted only when its natural key is missing, and nothing
// existing is updated, so a second run changes nothing (tests/integration/seed.test.ts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db, Tx } from "@/lib/db/client";
import { slugify } from "@/lib/text/slug";
import { insertDemoAccounts, readDemoAccounts, type DemoAccounts } from "./demo-accounts";
import { contractFileSchema, regionsFileSchema, type ContractFile, type OrganisationRef, type RegionsFile } from "./schema";

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

export async function loadDemoData(db: Db, data?: DemoData): Promise<void> {
  const { regions, contracts, accounts } = data ?? (await readDemoData());
  await db.$transaction(
    async (tx) => {
      const regionIds = await insertRegions(tx, regions);
      for (const file of contracts) {
        const region = regions.find((candidate) => candidate.slug === file.territory.region);
        if (!region) throw new Error(`${file.source}: unknown region ${file.territory.region}`);
        await insertContract(tx, file, { ...region, id: regionIds.get(region.slug)! });
      }
      await insertDemoAccounts(tx, accounts);
    },
    { timeout: 60_000 },
  );
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

async function insertContract(tx: Tx, file: ContractFile, region: SeedRegion): Promise<void> {
  const { territory: t, contract: c } = file;
  await tx.territory.createMany({
    data: [
      { slug: t.slug, name: t.name, kind: t.kind, regionId: region.id, department: t.department, inseeCode: t.inseeCode, siren: t.siren },
    ],
    skipDuplicates: true,
  });
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
        councilAdoptedOn: day(c.councilAdoptedOn),
        signedOn: day(c.signedOn),
        startsOn: day(c.startsOn),
        endsOn: day(c.endsOn),
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
      })),
    ),
    skipDuplicates: true,
  });

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
      const heldOn = day(meeting.heldOn)!;
      if (knownMeetings.has(meetingKey(workingGroupId, heldOn, meeting.topic))) continue;
      // The minutes are recorded as a document of the contract, linked to their meeting.
      const minutes = meeting.minutes
        ? await tx.document.create({
            data: {
              contractId,
              kind: "minutes",
              title: `Compte-rendu du groupe «\u00a0${group.name}\u00a0»${meeting.topic ? ` (${meeting.topic})` : ""}`,
              issuedOn: heldOn,
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
        issuedOn: day(document.issuedOn),
        issuedPrecision: document.issuedPrecision,
      })),
  });
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

function day(isoDate: string | undefined): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

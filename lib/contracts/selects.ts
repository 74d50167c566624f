// Select fragments shared by the reads of contracts and of what they hold.
import { Prisma } from "@/lib/db/generated/client";

/** A workspace page's territory: its link (slug, name) and the scope authorization reads. */
export const territoryKeysSelect = {
  id: true,
  slug: true,
  name: true,
  regionId: true,
  departmentCodes: true,
} satisfies Prisma.TerritorySelect;

/** An axis as a heading: "Axe 2 – Title", its description, whether it is transversal. */
export const axisHeadingSelect = { number: true, title: true, description: true, isTransversal: true } satisfies Prisma.AxisSelect;

/** The contract form's own columns (its lists aside). */
export const contractValuesSelect = {
  title: true,
  generation: true,
  status: true,
  visibility: true,
  summary: true,
  councilAdoptedOn: true,
  signedOn: true,
  startsOn: true,
  endsOn: true,
  prsReference: true,
  diagnosisSource: true,
  diagnosisYear: true,
  diagnosisSummary: true,
  mentalHealthComponent: true,
  clsmStatus: true,
  clsmName: true,
} satisfies Prisma.ContractSelect;

/** The contract's diagnosis findings, in their order, as forms, pages, history and exports list them. */
export const contractFindingsSelect = {
  orderBy: { position: "asc" },
  select: { id: true, text: true },
} satisfies Prisma.Contract$findingsArgs;

/** Everything the contract catalogue (./schema.ts) reads to show each field: history, export, PDF. */
export const contractRecordSelect = {
  ...contractValuesSelect,
  durationMonths: true,
  findings: contractFindingsSelect,
  signatories: { orderBy: { position: "asc" }, select: { organisation: { select: { name: true } }, signedOn: true } },
} satisfies Prisma.ContractSelect;

/** The contract's signatories and partners as its reading page and exports list them. */
export const contractPartiesSelect = {
  signatories: {
    orderBy: { position: "asc" },
    select: {
      organisationId: true,
      signedOn: true,
      signerName: true,
      signerTitle: true,
      deliberationReference: true,
      organisation: { select: { name: true } },
    },
  },
  partners: { orderBy: { position: "asc" }, select: { organisationId: true, role: true, organisation: { select: { name: true } } } },
} satisfies Prisma.ContractSelect;

export type ContractRecord = Prisma.ContractGetPayload<{ select: typeof contractRecordSelect }>;

/**
 * In raw SQL over fiches `f`: the progress, weight and status of the fiche's objectives outside
 * the trash, as one JSON array, what the progress roll-up reads (lib/contracts/progress.ts).
 * Plain rows with this array cost a third of fiches nested with their objectives in Prisma.
 */
export const objectivesProgressJson = Prisma.sql`coalesce(
    (SELECT json_agg(json_build_object('progress', o.progress, 'weight', o.weight, 'status', o.status))
     FROM "OperationalObjective" o WHERE o."ficheId" = f.id AND o."deletedAt" IS NULL),
    '[]'
  )`;

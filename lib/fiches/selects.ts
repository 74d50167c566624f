// Select fragments shared by the reads of fiches: what the field catalogue reads of a fiche
// (history, export, PDF), and the lists several pages show in the same order.
import type { Prisma } from "@/lib/db/generated/client";

/** The fiches a contract or an axis lists: those outside the trash, by number. */
export const listedFiches = {
  where: { deletedAt: null },
  orderBy: { number: "asc" },
} satisfies Prisma.Axis$fichesArgs;

/** A fiche's objectives outside the trash, in the fiche's order, with their own columns (their commitments aside). */
export const objectivesSelect = {
  where: { deletedAt: null },
  orderBy: { position: "asc" },
  select: { title: true, description: true, dueOn: true, status: true, progress: true, weight: true },
} satisfies Prisma.FicheAction$objectivesArgs;

/** A fiche's budget lines in the order they were entered, with their own columns (the funder organisation aside). */
export const budgetLinesSelect = {
  orderBy: { createdAt: "asc" },
  select: { funderLabel: true, fundingInstrument: true, year: true, amount: true },
} satisfies Prisma.FicheAction$budgetLinesArgs;

/** A fiche's milestones, by due date. */
export const milestonesSelect = {
  orderBy: [{ dueOn: "asc" }, { title: "asc" }],
  select: { title: true, dueOn: true, doneOn: true },
} satisfies Prisma.FicheAction$milestonesArgs;

/** A fiche's columns that hold their value themselves (references aside: axis, pilot, continued fiche, PRS objective). */
export const ficheValuesSelect = {
  number: true,
  title: true,
  context: true,
  generalObjective: true,
  description: true,
  targetPublic: true,
  vulnerableGroups: true,
  geographicScope: true,
  geographicScopeDetail: true,
  pilotContactName: true,
  pilotContactEmail: true,
  startsOn: true,
  endsOn: true,
  determinants: true,
  themes: true,
  status: true,
  progress: true,
  priority: true,
  weight: true,
} satisfies Prisma.FicheActionSelect;

/** Everything the fiche catalogue (./schema.ts) reads to show each field: history, export, PDF. */
export const ficheRecordSelect = {
  ...ficheValuesSelect,
  axis: { select: { number: true, title: true, isTransversal: true } },
  pilotOrganisation: { select: { name: true } },
  pilotUser: { select: { email: true } },
  continuesFiche: { select: { number: true, title: true } },
  prsObjective: { select: { code: true, label: true } },
  findings: { select: { finding: { select: { position: true, text: true } } } },
  partners: { orderBy: { createdAt: "asc" }, select: { organisation: { select: { name: true } }, role: true } },
  milestones: milestonesSelect,
  budgetLines: { ...budgetLinesSelect, select: { funder: { select: { name: true } }, ...budgetLinesSelect.select } },
  objectives: {
    ...objectivesSelect,
    select: {
      ...objectivesSelect.select,
      commitments: { orderBy: { createdAt: "asc" }, select: { organisation: { select: { name: true } }, description: true } },
    },
  },
} satisfies Prisma.FicheActionSelect;

export type FicheRecord = Prisma.FicheActionGetPayload<{ select: typeof ficheRecordSelect }>;

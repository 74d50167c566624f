// Select fragments shared by the reads and writes of assessments.
import type { Prisma } from "@/lib/db/generated/client";
import { budgetLinesSelect } from "@/lib/fiches/selects";

/** A fiche's budget lines as its assessment lists them: each with its id (spending names it) and its funder's name. */
export const assessedBudgetLinesSelect = {
  ...budgetLinesSelect,
  select: { id: true, funder: { select: { name: true } }, ...budgetLinesSelect.select },
} satisfies Prisma.FicheAction$budgetLinesArgs;

/** The assessment's own columns, as the catalogue (./schema.ts) and a campaign's evaluation (lib/evaluations) read them. */
export const assessmentColumnsSelect = {
  realisationStatus: true,
  achievementRate: true,
  relevanceRating: true,
  relevanceComment: true,
  coherenceRating: true,
  coherenceComment: true,
  effectivenessRating: true,
  effectivenessComment: true,
  efficiencyRating: true,
  efficiencyComment: true,
  impactRating: true,
  impactComment: true,
  difficulties: true,
  synthesis: true,
  recommendations: true,
} satisfies Prisma.FicheAssessmentSelect;

/** Everything the assessment catalogue reads: its columns, and what was spent of which budget line. */
export const assessmentRecordSelect = {
  ...assessmentColumnsSelect,
  spending: {
    orderBy: [{ budgetLine: { createdAt: "asc" } }, { budgetLineId: "asc" }],
    select: {
      budgetLineId: true,
      spent: true,
      budgetLine: { select: { funder: { select: { name: true } }, ...budgetLinesSelect.select } },
    },
  },
} satisfies Prisma.FicheAssessmentSelect;

/** What the campaign page shows of each fiche's assessment. */
export const assessmentSummarySelect = { realisationStatus: true, achievementRate: true } satisfies Prisma.FicheAssessmentSelect;

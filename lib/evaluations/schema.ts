// What a campaign's evaluation holds besides the contract's content: the fiches' assessments,
// the budget planned and spent by line, the partners' contributions and the governance
// meetings of the period. The same shape is read live while the campaign is open
// (./read.ts) and frozen in the campaign's snapshot when it closes, so that reports and
// dashboards of a closed campaign never read the live tables (docs/adr/0009-contract-snapshots.md).
import { z } from "zod";
import { CRITERIA, type Criterion } from "@/lib/assessments/labels";
import { ContributionOutcome, MeetingKind, RealisationStatus } from "@/lib/db/generated/enums";

const day = z.iso.date();
/** An exact decimal as text ("1234.50"): money is never a float in what is kept. */
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/);
const text = z.string().nullable();

const criterionAssessment = z.object({ rating: z.number().int().min(1).max(4).nullable(), comment: text });

export const frozenAssessmentSchema = z.object({
  ficheId: z.uuid(),
  realisationStatus: z.enum(RealisationStatus).nullable(),
  achievementRate: z.number().int().min(0).max(100).nullable(),
  criteria: z.object(
    Object.fromEntries(CRITERIA.map((criterion) => [criterion, criterionAssessment])) as {
      [Key in Criterion]: typeof criterionAssessment;
    },
  ),
  difficulties: text,
  synthesis: text,
  recommendations: text,
  updatedAt: z.iso.datetime(),
});

/** One budget line of a live fiche: planned with its funder, and what the assessment says was spent of it. */
export const frozenBudgetLineSchema = z.object({
  ficheId: z.uuid(),
  budgetLineId: z.uuid(),
  funderId: z.uuid().nullable(),
  /** The funder's name then, or the label written on the line; null when neither says. */
  funder: text,
  fundingInstrument: text,
  year: z.number().int().nullable(),
  planned: decimalText,
  spent: decimalText.nullable(),
});

export const frozenContributionSchema = z.object({
  commitmentId: z.uuid(),
  organisationId: z.uuid(),
  organisation: z.string(),
  outcome: z.enum(ContributionOutcome).nullable(),
  contribution: text,
  amountSpent: decimalText.nullable(),
  reportedAt: z.iso.datetime().nullable(),
});

export const frozenMeetingSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MeetingKind),
  heldOn: day,
  topic: text,
  minutes: text,
  decisions: text,
  participantCount: z.number().int().nullable(),
  attendances: z.array(z.object({ organisationId: z.uuid(), organisation: z.string(), attendeeCount: z.number().int().nullable() })),
});

export const evaluationContentSchema = z.object({
  assessments: z.array(frozenAssessmentSchema),
  budgetLines: z.array(frozenBudgetLineSchema),
  contributions: z.array(frozenContributionSchema),
  meetings: z.array(frozenMeetingSchema),
});

export type EvaluationContent = z.infer<typeof evaluationContentSchema>;
export type FrozenAssessment = z.infer<typeof frozenAssessmentSchema>;
export type FrozenBudgetLine = z.infer<typeof frozenBudgetLineSchema>;
export type FrozenContribution = z.infer<typeof frozenContributionSchema>;
export type FrozenMeeting = z.infer<typeof frozenMeetingSchema>;

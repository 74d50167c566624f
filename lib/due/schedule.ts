// When something of a fiche falls due: an indicator's next measurement by its collection
// frequency, a milestone by its date, an assessment while its evaluation campaign is open. Pure
// functions over calendar days (UTC midnight, as the database's DATE columns read), shared by
// "Mes fiches" and the reminders (lib/reminders).
import type { CollectionFrequency, EvaluationKind } from "@/lib/db/generated/enums";

/** Months between two measurements; none for frequencies the evaluation campaigns schedule, or a single measurement. */
const PERIOD_MONTHS: Record<CollectionFrequency, number | null> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
  mid_term_and_final: null,
  once: null,
};

/** The calendar day `months` later; the 31st becomes the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)));
}

// Kept: building a DateTimeFormat costs more than formatting with it, and pages ask several times.
const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });

/** Today in Paris, as a calendar day. */
export function todayInParis(now = new Date()): Date {
  const [year, month, day] = parisDay.format(now).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * When an indicator's next measurement is due: one period after its latest measurement, or after
 * `startsOn` (the fiche's start, else the indicator's baseline) when it has none; a single
 * measurement ("once") is due on its target date until taken. Null when nothing is scheduled.
 */
export function nextMeasurementDue(indicator: {
  frequency: CollectionFrequency;
  latestMeasuredOn: Date | null;
  startsOn: Date | null;
  targetOn: Date | null;
}): Date | null {
  if (indicator.frequency === "once") return indicator.latestMeasuredOn ? null : indicator.targetOn;
  const months = PERIOD_MONTHS[indicator.frequency];
  const from = indicator.latestMeasuredOn ?? indicator.startsOn;
  return months && from ? addMonths(from, months) : null;
}

export type DueKind = "measurement" | "milestone" | "assessment";

export type DueItem = {
  kind: DueKind;
  /** The indicator, the milestone, or the evaluation campaign. */
  subjectId: string;
  label: string;
  dueOn: Date;
  /** Past its date. An assessment has no deadline of its own: it is due while its campaign is open. */
  overdue: boolean;
};

const EVALUATION_LABELS: Record<EvaluationKind, string> = { mid_term: "Évaluation à mi-parcours", final: "Évaluation finale" };

/**
 * What falls due on a fiche within `horizonDays` (or already has), soonest first: measurements,
 * milestones not done, and the fiche's assessment in each open evaluation campaign of its contract
 * that has no realisation status yet.
 */
export function dueItemsOf(
  fiche: {
    startsOn: Date | null;
    indicators: ReadonlyArray<{
      id: string;
      name: string;
      frequency: CollectionFrequency;
      baselineOn: Date | null;
      targetOn: Date | null;
      latestMeasuredOn: Date | null;
    }>;
    milestones: ReadonlyArray<{ id: string; title: string; dueOn: Date | null; doneOn: Date | null }>;
    openCampaigns: ReadonlyArray<{ id: string; kind: EvaluationKind; opensOn: Date | null; assessed: boolean }>;
  },
  today: Date,
  horizonDays = 30,
): DueItem[] {
  const horizon = new Date(today.getTime() + horizonDays * 86_400_000);
  const items: DueItem[] = [
    ...fiche.indicators.flatMap((indicator) => {
      const dueOn = nextMeasurementDue({ ...indicator, startsOn: fiche.startsOn ?? indicator.baselineOn });
      return dueOn ? [{ kind: "measurement" as const, subjectId: indicator.id, label: indicator.name, dueOn, overdue: dueOn < today }] : [];
    }),
    ...fiche.milestones.flatMap((milestone) =>
      milestone.dueOn && !milestone.doneOn
        ? [
            {
              kind: "milestone" as const,
              subjectId: milestone.id,
              label: milestone.title,
              dueOn: milestone.dueOn,
              overdue: milestone.dueOn < today,
            },
          ]
        : [],
    ),
    ...fiche.openCampaigns.flatMap((campaign) =>
      campaign.assessed
        ? []
        : [
            {
              kind: "assessment" as const,
              subjectId: campaign.id,
              label: EVALUATION_LABELS[campaign.kind],
              dueOn: campaign.opensOn ?? today,
              overdue: false,
            },
          ],
    ),
  ];
  return items
    .filter((item) => item.dueOn <= horizon)
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.label.localeCompare(b.label, "fr"));
}

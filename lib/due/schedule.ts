// When something of a fiche falls due: an indicator's next measurement by its collection
// frequency, a milestone by its date. Pure functions over calendar days (UTC midnight, as the
// database's DATE columns read), shared by "Mes fiches" and, later, the reminders.
import type { CollectionFrequency } from "@/lib/db/generated/enums";

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

/** Today in Paris, as a calendar day. */
export function todayInParis(now = new Date()): Date {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now).split("-").map(Number);
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

export type DueItem = {
  kind: "measurement" | "milestone";
  label: string;
  dueOn: Date;
  overdue: boolean;
};

/** What falls due on a fiche within `horizonDays` (or already has), soonest first. */
export function dueItemsOf(
  fiche: {
    startsOn: Date | null;
    indicators: ReadonlyArray<{
      name: string;
      frequency: CollectionFrequency;
      baselineOn: Date | null;
      targetOn: Date | null;
      latestMeasuredOn: Date | null;
    }>;
    milestones: ReadonlyArray<{ title: string; dueOn: Date | null; doneOn: Date | null }>;
  },
  today: Date,
  horizonDays = 30,
): DueItem[] {
  const horizon = new Date(today.getTime() + horizonDays * 86_400_000);
  const items: Array<Omit<DueItem, "overdue">> = [
    ...fiche.indicators.flatMap((indicator) => {
      const dueOn = nextMeasurementDue({ ...indicator, startsOn: fiche.startsOn ?? indicator.baselineOn });
      return dueOn ? [{ kind: "measurement" as const, label: indicator.name, dueOn }] : [];
    }),
    ...fiche.milestones.flatMap((milestone) =>
      milestone.dueOn && !milestone.doneOn ? [{ kind: "milestone" as const, label: milestone.title, dueOn: milestone.dueOn }] : [],
    ),
  ];
  return items
    .filter((item) => item.dueOn <= horizon)
    .map((item) => ({ ...item, overdue: item.dueOn < today }))
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.label.localeCompare(b.label, "fr"));
}

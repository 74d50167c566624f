// The status a contract shows the public: its stored status, told by its dates in Paris time. A
// signed contract past its end day reads « Arrivé à échéance », one whose start is still ahead
// reads « Pas encore commencé ». The end-day rule is the compliance checks' (lib/compliance/checks.ts).
import { Prisma } from "@/lib/db/generated/client";
import type { ContractStatus } from "@/lib/db/generated/enums";
import { todayInParis } from "@/lib/due/schedule";
import { formatDate } from "@/lib/format";
import { PUBLIC_STATUS_LABELS, type PublicStatusKey } from "./labels";

/** The stored statuses of a contract that runs between its start and its end: its dates tell the public where it stands. */
export const RUNNING_STATUSES = [
  "signed",
  "in_progress",
  "mid_term_evaluation",
  "final_evaluation",
] as const satisfies readonly ContractStatus[];

export { PUBLIC_STATUS_KEYS, PUBLIC_STATUS_LABELS, type PublicStatusKey } from "./labels";

export type PublicContractStatus = {
  key: PublicStatusKey;
  /** A badge's text. */
  label: string;
  /** The day that says it, as a sentence: « Échu le 12 mars 2026 », « Débute le … », « Jusqu’au … »; null when no date tells more. */
  detail: string | null;
};

type ContractDates = { status: ContractStatus; signedOn: Date | null; startsOn: Date | null; endsOn: Date | null };

const running = (status: ContractStatus): status is (typeof RUNNING_STATUSES)[number] =>
  (RUNNING_STATUSES as readonly ContractStatus[]).includes(status);

/**
 * A contract is over once the day after its end day begins: the end day itself is still within it
 * (calendar days, as DATE columns read them).
 */
export function hasEnded(endsOn: Date | null, today: Date): boolean {
  return endsOn !== null && endsOn.getTime() < today.getTime();
}

/** `hasEnded` in SQL, over a DATE expression and a day from `sqlDay`: the rule the compliance checks apply. */
export function endedSql(endsOn: Prisma.Sql, today: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${endsOn} < ${today}`;
}

/** A calendar day as an SQL date parameter: as "YYYY-MM-DD" text, since a Date parameter is a timestamp whose date depends on the session's time zone. */
export function sqlDay(day: Date): Prisma.Sql {
  return Prisma.sql`${day.toISOString().slice(0, 10)}::date`;
}

/**
 * What the public reads of a contract's status on `today` (a calendar day in Paris, `todayInParis`):
 * a contract in preparation, closed or renewed says so; a signed one says whether it has not started
 * yet, runs (until when), or has reached its end day.
 */
export function publicContractStatus(contract: ContractDates, today: Date = todayInParis()): PublicContractStatus {
  const status = (key: PublicStatusKey, detail: string | null = null): PublicContractStatus => ({
    key,
    label: PUBLIC_STATUS_LABELS[key],
    detail,
  });
  if (!running(contract.status)) return status(contract.status);
  if (hasEnded(contract.endsOn, today)) return status("expired", `Échu le ${formatDate(contract.endsOn!)}`);
  const start = contract.startsOn ?? contract.signedOn;
  if (start && start.getTime() > today.getTime()) return status("upcoming", `Débute le ${formatDate(start)}`);
  if (contract.endsOn) return status(contract.status, `Jusqu’au ${formatDate(contract.endsOn)}`);
  return status(contract.status, contract.signedOn ? `Signé le ${formatDate(contract.signedOn)}, échéance non renseignée` : null);
}

/**
 * `publicContractStatus`'s key in SQL, over the columns of the contract aliased `contract` (an
 * identifier of the query, never input): to filter or count a list by what the public reads.
 */
export function publicStatusSql(contract: string, today: Date): Prisma.Sql {
  if (!/^[a-z_]+$/.test(contract)) throw new Error(`Not an SQL alias: ${contract}`);
  const column = (name: string) => Prisma.raw(`${contract}."${name}"`);
  const day = sqlDay(today);
  return Prisma.sql`CASE
    WHEN ${column("status")}::text <> ALL(${[...RUNNING_STATUSES]}::text[]) THEN ${column("status")}::text
    WHEN ${endedSql(column("endsOn"), day)} THEN 'expired'
    WHEN coalesce(${column("startsOn")}, ${column("signedOn")}) > ${day} THEN 'upcoming'
    ELSE ${column("status")}::text
  END`;
}

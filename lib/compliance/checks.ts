// Compliance checks of a contract, as data: each check has an id, a French label, its rule as
// an SQL condition over the contract's facts, why it flags (with its figures) and the page that
// fixes it. The rules are SQL so that a portfolio filters, sorts, counts and pages 200 contracts
// by flag in PostgreSQL and the server reads only the page's rows (./queries.ts gathers the facts
// and evaluates the rules in the same statement).
import { endedSql, sqlDay } from "@/lib/contracts/public-status";
import { Prisma } from "@/lib/db/generated/client";
import { addMonths } from "@/lib/due/schedule";
import { formatCount, formatDate } from "@/lib/format";

/** What the checks read of one contract: its own columns and a few aggregates (./queries.ts). */
export type ComplianceFacts = {
  contractId: string;
  territorySlug: string;
  status: string;
  startsOn: Date | null;
  endsOn: Date | null;
  mentalHealthComponent: string | null;
  clsmStatus: string;
  /**
   * A next-generation contract exists (Contract.previousContractId, or a later generation of the
   * territory), whatever its stage. Amendments (issue 16): an extending amendment will count too,
   * by adding it to this fact's SQL (./queries.ts) — the rules need not change.
   */
  hasRenewal: boolean;
  hasMidTermCampaign: boolean;
  /** Fiches outside the trash without an indicator: how many, their numbers (the first few), the first one's id. */
  fichesWithoutIndicator: { count: number; numbers: number[]; firstId: string | null };
  fichesWithoutPilot: { count: number; numbers: number[]; firstId: string | null };
  /** Signatories whose body deliberates (commune, EPCI, département, région) and no deliberation reference: their names. */
  signatoriesWithoutDeliberation: string[];
  /** Findings of its diagnosis that no fiche outside the trash answers (lib/coverage). */
  uncoveredFindingCount: number;
};

export const COMPLIANCE_CHECK_IDS = [
  "mental_health",
  "expired_without_renewal",
  "renewal_not_prepared",
  "mid_term_evaluation",
  "fiches_without_indicator",
  "fiches_without_pilot",
  "signatory_deliberation",
  "uncovered_findings",
] as const;
export type ComplianceCheckId = (typeof COMPLIANCE_CHECK_IDS)[number];

/** Where the fix is: a page of the contract's workspace, and what the link says. */
export type FixLink = { href: string; label: string };

/** The days a rule compares with, as SQL date parameters. */
type RuleDays = { today: Prisma.Sql; renewalNotice: Prisma.Sql };

export type ComplianceCheck = {
  id: ComplianceCheckId;
  /** A short French label, for a badge or a filter. */
  label: string;
  /**
   * Whether the contract is flagged: a condition over the columns of `complianceFactsSql`'s row,
   * named `facts` (its dates are SQL dates, its counts integers, `status` and `clsmStatus` text).
   */
  rule: (days: RuleDays) => Prisma.Sql;
  /** Why it is, in French with its figures: asked only of a flagged contract. */
  reason: (facts: ComplianceFacts) => string;
  fix: (facts: ComplianceFacts) => FixLink;
};

export type ComplianceFlag = { id: ComplianceCheckId; label: string; reason: string; fix: FixLink };

/** Organisations whose assembly deliberates before signing: communes and EPCI, départements, régions. */
export const DELIBERATING_KINDS = ["local_authority", "conseil_departemental", "conseil_regional"] as const;

/** Months of notice below which a renewal should be in preparation. */
export const RENEWAL_NOTICE_MONTHS = 6;

const DAY = 86_400_000;
/** Contracts of which nothing more is expected: closed, or already renewed. */
const UNSETTLED = Prisma.sql`facts.status NOT IN ('closed', 'renewed')`;
const contractPath = (facts: ComplianceFacts) => `/espace/${facts.territorySlug}/contrats/${facts.contractId}`;

/** The middle day of the contract's period: its start plus half of its length, in whole days (as the mid-term rule's SQL counts it). */
export function midCourse(startsOn: Date, endsOn: Date): Date {
  return new Date(startsOn.getTime() + Math.floor((endsOn.getTime() - startsOn.getTime()) / DAY / 2) * DAY);
}

const numbered = (numbers: number[], count: number) =>
  numbers.length ? ` (${count > 1 ? "fiches" : "fiche"} ${numbers.join(", ")}${count > numbers.length ? "…" : ""})` : "";

/** The fiche that fixes a one-fiche flag, else the contract's list of fiches. */
const ficheFix = (facts: ComplianceFacts, fiches: ComplianceFacts["fichesWithoutPilot"], suffix: string, label: string): FixLink =>
  fiches.count === 1 && fiches.firstId
    ? { href: `${contractPath(facts)}/fiches/${fiches.firstId}${suffix}`, label }
    : { href: `${contractPath(facts)}#fiches`, label: "Voir les fiches actions" };

export const COMPLIANCE_CHECKS: readonly ComplianceCheck[] = [
  {
    id: "mental_health",
    label: "Sans volet santé mentale",
    rule: () => Prisma.sql`${UNSETTLED} AND coalesce(facts."mentalHealthComponent", '') ~ '^[[:space:]]*$'
      AND facts."clsmStatus" NOT IN ('active', 'in_creation')`,
    reason: () => "Aucun volet santé mentale ni conseil local de santé mentale renseigné (loi 3DS du 21 février 2022).",
    fix: (facts) => ({ href: `${contractPath(facts)}/modifier#sante-mentale`, label: "Renseigner le volet santé mentale" }),
  },
  {
    id: "expired_without_renewal",
    label: "Échu sans renouvellement",
    // The day public pages start saying « Arrivé à échéance » (lib/contracts/public-status.ts).
    rule: ({ today }) => Prisma.sql`${UNSETTLED} AND ${endedSql(Prisma.sql`facts."endsOn"`, today)} AND NOT facts."hasRenewal"`,
    reason: (facts) => `Le contrat a pris fin le ${formatDate(facts.endsOn!)} et aucun contrat suivant n’est enregistré.`,
    fix: (facts) => ({ href: `${contractPath(facts)}/renouveler`, label: "Préparer le contrat suivant" }),
  },
  {
    id: "renewal_not_prepared",
    label: "Renouvellement à préparer",
    rule: ({ today, renewalNotice }) =>
      Prisma.sql`${UNSETTLED} AND facts."endsOn" BETWEEN ${today} AND ${renewalNotice} AND NOT facts."hasRenewal"`,
    reason: (facts) =>
      `Le contrat prend fin le ${formatDate(facts.endsOn!)}, dans moins de ${RENEWAL_NOTICE_MONTHS} mois, et aucun contrat suivant n’est en préparation.`,
    fix: (facts) => ({ href: `${contractPath(facts)}/renouveler`, label: "Préparer le contrat suivant" }),
  },
  {
    id: "mid_term_evaluation",
    label: "Sans évaluation à mi-parcours",
    rule: ({ today }) =>
      Prisma.sql`${UNSETTLED} AND facts.status <> 'preparation' AND NOT facts."hasMidTermCampaign"
        AND ${today} >= facts."startsOn" + floor((facts."endsOn" - facts."startsOn") / 2.0)::int`,
    reason: (facts) =>
      `Mi-parcours atteint le ${formatDate(midCourse(facts.startsOn!, facts.endsOn!))} sans campagne d’évaluation à mi-parcours.`,
    fix: (facts) => ({ href: `${contractPath(facts)}#evaluation`, label: "Ouvrir l’évaluation à mi-parcours" }),
  },
  {
    id: "fiches_without_indicator",
    label: "Fiches sans indicateur",
    rule: () => Prisma.sql`facts."noIndicatorCount" > 0`,
    reason: ({ fichesWithoutIndicator: fiches }) =>
      `${formatCount(fiches.count, "fiche", "fiches")} sans indicateur${numbered(fiches.numbers, fiches.count)}.`,
    fix: (facts) => ficheFix(facts, facts.fichesWithoutIndicator, "/indicateurs", "Ajouter un indicateur à la fiche"),
  },
  {
    id: "fiches_without_pilot",
    label: "Fiches sans pilote",
    rule: () => Prisma.sql`facts."noPilotCount" > 0`,
    reason: ({ fichesWithoutPilot: fiches }) =>
      `${formatCount(fiches.count, "fiche", "fiches")} sans pilote${numbered(fiches.numbers, fiches.count)}.`,
    fix: (facts) => ficheFix(facts, facts.fichesWithoutPilot, "", "Désigner le pilote de la fiche"),
  },
  {
    id: "signatory_deliberation",
    label: "Délibération manquante",
    rule: () => Prisma.sql`facts.status <> 'preparation' AND cardinality(facts."signatoriesWithoutDeliberation") > 0`,
    reason: ({ signatoriesWithoutDeliberation: names }) =>
      `${formatCount(names.length, "signataire", "signataires")} dont l’assemblée délibère sans référence de délibération\u00a0: ${names.join(", ")}.`,
    fix: (facts) => ({ href: `${contractPath(facts)}/modifier#signataires`, label: "Renseigner les délibérations" }),
  },
  {
    id: "uncovered_findings",
    label: "Constats sans action",
    rule: () => Prisma.sql`${UNSETTLED} AND facts."uncoveredFindingCount" > 0`,
    reason: ({ uncoveredFindingCount: count }) =>
      `${formatCount(count, "constat", "constats")} du diagnostic sans fiche action qui y réponde.`,
    fix: (facts) => ({ href: `${contractPath(facts)}/besoins`, label: "Rapprocher les constats des fiches" }),
  },
];

export const COMPLIANCE_CHECK_LABELS = Object.fromEntries(COMPLIANCE_CHECKS.map((check) => [check.id, check.label])) as Record<
  ComplianceCheckId,
  string
>;

/**
 * The ids of the checks that flag the `facts` row on `today`, as an SQL text array in the checks'
 * order. A rule that is null (a missing date) does not flag.
 */
export function flaggedChecksSql(today: Date): Prisma.Sql {
  const days: RuleDays = { today: sqlDay(today), renewalNotice: sqlDay(addMonths(today, RENEWAL_NOTICE_MONTHS)) };
  const cases = COMPLIANCE_CHECKS.map((check) => Prisma.sql`CASE WHEN ${check.rule(days)} THEN ${check.id} END`);
  return Prisma.sql`array_remove(ARRAY[${Prisma.join(cases)}]::text[], NULL)`;
}

/** The contract's flags, in the checks' order, from the ids its rules gave: each with why and the link that fixes it. */
export function complianceFlags(facts: ComplianceFacts, flagged: readonly string[]): ComplianceFlag[] {
  return COMPLIANCE_CHECKS.flatMap((check) =>
    flagged.includes(check.id) ? [{ id: check.id, label: check.label, reason: check.reason(facts), fix: check.fix(facts) }] : [],
  );
}

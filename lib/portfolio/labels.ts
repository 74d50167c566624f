// How the portfolio's table and its export write a row's figures, in French.
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from "@/lib/campaigns/labels";
import { PROGRESS_STATUS_COUNT_LABELS } from "@/lib/fiches/labels";
import { formatCount, formatDate, formatNumber } from "@/lib/format";
import { findGeoDepartment } from "@/lib/geo/reference";
import type { PortfolioRow } from "./queries";
import type { PortfolioSort } from "./schema";

export const PORTFOLIO_SORT_LABELS = {
  territoire: "Territoire",
  departement: "Département",
  statut: "Statut",
  signature: "Signature",
  fin: "Fin",
  signaux: "Points d’attention",
} satisfies Record<PortfolioSort, string>;

/** "Ain (01), Drôme (26)". */
export const departmentsLabel = (codes: readonly string[]) =>
  codes.map((code) => `${findGeoDepartment(code)?.name ?? code} (${code})`).join(", ");

/** "14 mois", "échu depuis 3 mois", "ce mois-ci". */
export function monthsLeftLabel(months: number | null): string {
  if (months === null) return "—";
  if (months === 0) return "moins d’un mois";
  return months > 0 ? `${formatNumber(months)}\u00a0mois` : `échu depuis ${formatNumber(-months)}\u00a0mois`;
}

/** "3 en cours, 2 réalisées": the statuses that have fiches, in the statuses' order. */
export function fichesByStatusLabel(counts: PortfolioRow["fichesByStatus"]): string {
  const parts = (Object.keys(PROGRESS_STATUS_COUNT_LABELS) as Array<keyof typeof PROGRESS_STATUS_COUNT_LABELS>)
    .filter((status) => counts[status])
    .map((status) => formatCount(counts[status], ...PROGRESS_STATUS_COUNT_LABELS[status]));
  return parts.length ? parts.join(", ") : "Aucune fiche";
}

export const ficheTotal = (counts: PortfolioRow["fichesByStatus"]) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/** "Mi-parcours, close le 3 mars 2026". */
export function lastCampaignLabel(campaign: PortfolioRow["lastCampaign"]): string {
  if (!campaign) return "Aucune";
  return `${CAMPAIGN_KIND_LABELS[campaign.kind]} (${CAMPAIGN_STATUS_LABELS[campaign.status].toLowerCase()}), ${formatDate(campaign.on)}`;
}

export const fichesCountLabel = (counts: PortfolioRow["fichesByStatus"]) => formatCount(ficheTotal(counts), "fiche", "fiches");

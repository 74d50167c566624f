// A contribution read-only: whether the commitment was kept, the amount spent, what the
// organisation brought, who reported it and when. For closed campaigns and coordinators' views.
import { Badge } from "@/components/ui/badge";
import { CONTRIBUTION_OUTCOME_LABELS, CONTRIBUTION_OUTCOME_TONES } from "@/lib/contributions/labels";
import type { ContributionSummary } from "@/lib/contributions/selects";
import { formatDateTime, formatEuros } from "@/lib/format";

export function ContributionFacts({ contribution }: { contribution: ContributionSummary }) {
  return (
    <div className="space-y-2 text-slate-800">
      <p className="flex flex-wrap items-center gap-2">
        {contribution.outcome ? (
          <Badge tone={CONTRIBUTION_OUTCOME_TONES[contribution.outcome]}>{CONTRIBUTION_OUTCOME_LABELS[contribution.outcome]}</Badge>
        ) : null}
        {contribution.amountSpent !== null ? <span>Montant dépensé&nbsp;: {formatEuros(contribution.amountSpent)}</span> : null}
      </p>
      {contribution.contribution ? <p className="whitespace-pre-line">{contribution.contribution}</p> : null}
      {contribution.reportedAt ? (
        <p className="text-sm text-slate-600">
          Transmise le {formatDateTime(contribution.reportedAt)}
          {contribution.reportedBy ? ` par ${contribution.reportedBy.name ?? contribution.reportedBy.email}` : ""}
        </p>
      ) : null}
    </div>
  );
}

// The contract page's « Évaluation » section: the mid-term and final campaigns with their status,
// period and dates, each with a link to its page (the fiches' assessments); coordinators open
// one, edit it while open and close it (no reopening).
import Link from "next/link";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Disclosure } from "@/components/ui/disclosure";
import type { ServerAction } from "@/lib/actions/server-action";
import { campaignPath } from "@/lib/assessments/paths";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import type { CampaignSummary } from "@/lib/campaigns/selects";
import type { EvaluationKind } from "@/lib/db/generated/enums";
import { dateInputValue } from "@/lib/validation/fields";
import { CampaignFacts } from "./campaign-facts";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { CampaignForm } from "./campaign-form";

const KINDS: readonly EvaluationKind[] = ["mid_term", "final"];

export function CampaignList({
  territorySlug,
  contractId,
  campaigns,
  editable,
  actions,
}: {
  territorySlug: string;
  contractId: string;
  campaigns: readonly CampaignSummary[];
  editable: boolean;
  actions: { open: ServerAction<null>; update: ServerAction<null>; close: ServerAction<null> };
}) {
  const byKind = new Map(campaigns.map((campaign) => [campaign.kind, campaign]));
  const openable = KINDS.filter((kind) => !byKind.has(kind));
  const anyOpen = campaigns.some((campaign) => campaign.status === "open");
  return (
    <div className="space-y-4">
      <ul className="space-y-4">
        {KINDS.map((kind) => {
          const campaign = byKind.get(kind);
          const title = CAMPAIGN_KIND_LABELS[kind];
          return (
            <li key={kind} className="rounded-md border border-slate-200 p-4 sm:p-5">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
                {title}
                {campaign ? <CampaignStatusBadge status={campaign.status} /> : null}
              </h3>
              {campaign ? (
                <div className="mt-3 space-y-3">
                  <CampaignFacts campaign={campaign} />
                  <p>
                    <Link href={campaignPath({ territorySlug, contractId, campaignId: campaign.id })}>
                      {campaign.status === "open" ? "Ouvrir l’évaluation" : "Voir l’évaluation"}
                    </Link>
                  </p>
                  {campaign.synthesis ? (
                    <div>
                      <h4 className="text-sm text-slate-600">Synthèse</h4>
                      <p className="whitespace-pre-line text-slate-900">{campaign.synthesis}</p>
                    </div>
                  ) : null}
                  {campaign.recommendations ? (
                    <div>
                      <h4 className="text-sm text-slate-600">Recommandations</h4>
                      <p className="whitespace-pre-line text-slate-900">{campaign.recommendations}</p>
                    </div>
                  ) : null}
                  {campaign.status === "closed" ? (
                    <p className="text-sm text-slate-600">Cette campagne est close&#8239;: ses chiffres ne changent plus.</p>
                  ) : null}
                  {editable && campaign.status === "open" ? (
                    <div className="space-y-3 border-t border-slate-200 pt-4">
                      <ConfirmActionButton
                        action={actions.close}
                        fields={{ campaignId: campaign.id, version: String(campaign.version) }}
                        label={`Clôturer la campagne d’${title.toLowerCase()}`}
                        question="Clôturer la campagne et figer le contrat tel qu’il est aujourd’hui (sans retour possible)\u00a0?"
                        confirmLabel="Clôturer"
                      />
                      <Disclosure summary="Modifier les dates, la synthèse, les recommandations">
                        <div className="mt-3 max-w-3xl">
                          <CampaignForm
                            action={actions.update}
                            campaign={{
                              id: campaign.id,
                              version: campaign.version,
                              periodStart: dateInputValue(campaign.periodStart),
                              periodEnd: dateInputValue(campaign.periodEnd),
                              opensOn: dateInputValue(campaign.opensOn),
                              closesOn: dateInputValue(campaign.closesOn),
                              synthesis: campaign.synthesis ?? "",
                              recommendations: campaign.recommendations ?? "",
                            }}
                          />
                        </div>
                      </Disclosure>
                    </div>
                  ) : null}
                </div>
              ) : (
                <p className="mt-2 text-slate-700">Pas encore ouverte.</p>
              )}
            </li>
          );
        })}
      </ul>
      {editable && openable.length && !anyOpen ? (
        <Disclosure summary="Ouvrir une campagne d’évaluation">
          <div className="mt-3 max-w-3xl">
            <CampaignForm action={actions.open} contractId={contractId} kinds={openable} />
          </div>
        </Disclosure>
      ) : null}
    </div>
  );
}

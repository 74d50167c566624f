import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AxisForm } from "@/components/axes/axis-form";
import { AxisHeading } from "@/components/contracts/axis-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { axisLabel, ficheLabel, generationLabel } from "@/lib/contracts/labels";
import { axisProgress, contractProgress, ficheProgress } from "@/lib/contracts/progress";
import { getContractOverview } from "@/lib/contracts/queries";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { formatDate, formatDuration } from "@/lib/format";
import { createAxisAction, deleteAxisAction, moveAxisAction, updateAxisAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string }> };

const load = cache((slug: string, contractId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}`, { slug, contractId }, (actor) => getContractOverview(actor, slug, contractId)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  return { title: (await load(slug, contractId)).data.title };
}

export default async function ContractPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { actor, data: contract } = await load(slug, contractId);
  const base = `/espace/${contract.territory.slug}`;
  const editable = can(actor, "contract.edit", { territoryId: contract.territory.id, regionId: contract.territory.regionId });
  const overall = contractProgress(contract.axes);

  return (
    <>
      <PageHeader title={contract.title} eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} />}>
        <p className="flex flex-wrap items-center gap-2">
          <ContractStatusBadge status={contract.status} />
          {contract.visibility === "published" ? <Badge tone="success">Publié</Badge> : <Badge tone="warning">Brouillon</Badge>}
          <span className="text-base text-slate-600">
            {generationLabel(contract.generation)}
            {contract.signedOn ? ` · signé le ${formatDate(contract.signedOn)}` : ""}
            {contract.durationMonths ? ` · ${formatDuration(contract.durationMonths)}` : ""}
          </span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <div className="flex flex-wrap gap-3">
          {editable ? (
            <Link
              href={`${base}/contrats/${contract.id}/modifier`}
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Modifier le contrat
            </Link>
          ) : null}
          {editable && contract.axes.length ? (
            <Link
              href={`${base}/contrats/${contract.id}/fiches/nouvelle`}
              className="rounded-md px-4 py-2 font-medium text-brand-800 no-underline ring-1 ring-inset ring-brand-700 hover:bg-brand-50"
            >
              Nouvelle fiche action
            </Link>
          ) : null}
          {editable ? (
            <Link href={`${base}/contrats/${contract.id}/import`} className="self-center">
              Importer des fiches
            </Link>
          ) : null}
          {editable ? (
            <Link href={`${base}/contrats/${contract.id}/corbeille`} className="self-center">
              Corbeille
            </Link>
          ) : null}
          <a href={`${base}/contrats/${contract.id}/export.xlsx`} download className="self-center">
            Exporter en Excel (.xlsx)
          </a>
          <a href={`${base}/contrats/${contract.id}/export.pdf`} download className="self-center">
            Document PDF
          </a>
          {contract.visibility === "published" ? (
            <Link href={`/territoires/${contract.territory.slug}`} className="self-center">
              Voir la page publique
            </Link>
          ) : null}
        </div>

        <Section id="avancement" title="Avancement">
          <div className="max-w-xl">
            <ProgressBar value={overall} label="Contrat" />
          </div>
          <p className="mt-3 text-sm text-slate-600">
            Moyenne des axes, eux-mêmes moyenne de leurs fiches actions (pondérée quand un poids est fixé)&#8239;; une fiche qui a des
            objectifs opérationnels prend la moyenne de ses objectifs. Les fiches abandonnées ne comptent pas.
          </p>
        </Section>

        <Section id="axes" title={`Axes stratégiques (${contract.axes.length})`}>
          {contract.axes.length ? (
            <ol className="space-y-4">
              {contract.axes.map((axis, index) => {
                const label = `${axisLabel(axis)} «\u00a0${axis.title}\u00a0»`;
                return (
                  <li
                    key={axis.id}
                    className={`rounded-md border p-4 sm:p-5 ${axis.isTransversal ? "border-dashed border-brand-600 bg-brand-50/50" : "border-slate-200"}`}
                  >
                    <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
                      <div className="grow">
                        <AxisHeading axis={axis} />
                        {axis.description ? <p className="mt-1 text-slate-700">{axis.description}</p> : null}
                      </div>
                      <div className="w-full shrink-0 lg:w-64">
                        <ProgressBar value={axisProgress(axis)} label="Avancement" />
                      </div>
                    </div>
                    {axis.fiches.length ? (
                      <ul className="mt-3 space-y-2" aria-label={`Fiches actions de l’${axisLabel(axis).toLowerCase()}`}>
                        {axis.fiches.map((fiche) => (
                          <li
                            key={fiche.id}
                            className="flex flex-col gap-1 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3"
                          >
                            <span className="shrink-0 font-semibold text-slate-700">{ficheLabel(fiche.number)}</span>
                            <span className="grow">
                              {can(actor, "fiche.edit", {
                                territoryId: contract.territory.id,
                                regionId: contract.territory.regionId,
                                pilotUserId: fiche.pilotUserId,
                              }) ? (
                                <Link href={`${base}/contrats/${contract.id}/fiches/${fiche.id}`}>{fiche.title}</Link>
                              ) : (
                                fiche.title
                              )}
                            </span>
                            <span className="flex shrink-0 items-center gap-2 text-sm">
                              <Badge tone={PROGRESS_STATUS_TONES[fiche.status]}>{PROGRESS_STATUS_LABELS[fiche.status]}</Badge>
                              {ficheProgress(fiche)}&#8239;%
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="mt-3 text-sm text-slate-600">Aucune fiche action dans cet axe.</p>
                    )}
                    {editable ? (
                      <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
                        <ActionButton
                          action={moveAxisAction}
                          fields={{ axisId: axis.id, direction: "up" }}
                          label={`Monter l’${label}`}
                          disabled={index === 0}
                        >
                          ↑ Monter
                        </ActionButton>
                        <ActionButton
                          action={moveAxisAction}
                          fields={{ axisId: axis.id, direction: "down" }}
                          label={`Descendre l’${label}`}
                          disabled={index === contract.axes.length - 1}
                        >
                          ↓ Descendre
                        </ActionButton>
                        {axis.fiches.length === 0 ? (
                          <ConfirmActionButton
                            action={deleteAxisAction}
                            fields={{ axisId: axis.id, version: String(axis.version) }}
                            label={`Supprimer l’${label}`}
                            question={`Supprimer l’${label}\u00a0?`}
                            confirmLabel="Supprimer"
                          />
                        ) : null}
                        <details className="w-full">
                          <summary className="cursor-pointer font-medium text-brand-800">Modifier l’intitulé, la description</summary>
                          <div className="mt-3 max-w-3xl">
                            <AxisForm action={updateAxisAction} axis={axis} />
                          </div>
                        </details>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun axe pour le moment.</p>
          )}
        </Section>

        {editable ? (
          <Section id="nouvel-axe" title="Ajouter un axe">
            <div className="max-w-3xl">
              <AxisForm action={createAxisAction} contractId={contract.id} />
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}

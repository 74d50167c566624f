import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireSignedIn } from "@/lib/auth/require";
import { ficheLabel } from "@/lib/contracts/labels";
import type { DueKind } from "@/lib/due/schedule";
import { dueItemPath } from "@/lib/due/paths";
import { fichePath } from "@/lib/fiches/paths";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { listPilotedFiches } from "@/lib/fiches/queries";
import { formatCount, formatDate } from "@/lib/format";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";

export const metadata: Metadata = { title: "Mes fiches" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DUE_KIND_LABELS: Record<DueKind, string> = {
  measurement: "Mesure de l’indicateur",
  milestone: "Étape",
  assessment: "Bilan de la fiche",
};

export default async function PilotedFichesPage({ searchParams }: Props) {
  const actor = await requireSignedIn("/fiches");
  const { page } = readListParams(await searchParams);
  const { entries, total } = await listPilotedFiches(actor, { page });

  return (
    <>
      <PageHeader title="Mes fiches">
        <p>
          Les fiches actions que vous pilotez, et ce qui arrive à échéance dans les 30 prochains jours, est en retard ou attend son bilan
          d’évaluation.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="fiches" className="text-xl font-semibold text-slate-900">
          {formatCount(total, "fiche pilotée", "fiches pilotées")}
        </h2>
        {entries.length ? (
          <ul className="mt-4 space-y-3">
            {entries.map((fiche) => {
              const place = { territorySlug: fiche.contract.territory.slug, contractId: fiche.contract.id, ficheId: fiche.id };
              return (
                <li key={fiche.id} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
                  <p className="text-sm text-slate-600">
                    {fiche.contract.territory.name} · {fiche.contract.title}
                  </p>
                  <p className="mt-1 font-semibold text-slate-900">
                    <Link href={fichePath(place)}>
                      {ficheLabel(fiche.number)}&nbsp;: {fiche.title}
                    </Link>
                  </p>
                  <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <Badge tone={PROGRESS_STATUS_TONES[fiche.status]}>{PROGRESS_STATUS_LABELS[fiche.status]}</Badge>
                    <span>{fiche.progress}&#8239;%</span>
                  </p>
                  {fiche.due.length ? (
                    <ul className="mt-3 space-y-3 text-sm" aria-label={`À faire sur la ${ficheLabel(fiche.number).toLowerCase()}`}>
                      {fiche.due.map((item, index) => (
                        <li key={index}>
                          <p className="flex flex-wrap items-center gap-2 text-slate-600">
                            {item.overdue ? (
                              <Badge tone="warning">En retard</Badge>
                            ) : (
                              <Badge>{item.kind === "assessment" ? "À renseigner" : "À venir"}</Badge>
                            )}
                            <span>
                              {item.kind === "assessment" ? "Campagne ouverte le" : "Échéance le"} {formatDate(item.dueOn)}
                            </span>
                          </p>
                          <p className="mt-1">
                            <Link href={dueItemPath(place, item)}>
                              {DUE_KIND_LABELS[item.kind]}&nbsp;: {item.label}
                            </Link>
                          </p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-3 text-sm text-slate-600">Rien n’arrive à échéance dans les 30 prochains jours.</p>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-4 text-slate-700">
            {total
              ? "Aucune fiche sur cette page."
              : "Vous ne pilotez aucune fiche action pour le moment. Quand la coordination vous désigne comme pilote d’une fiche, elle apparaît ici."}
          </p>
        )}
        <Pagination
          page={page}
          pageCount={Math.ceil(total / PAGE_SIZE)}
          href={(target) => listHref("/fiches", {}, target, "fiches")}
          label="Pages de la liste de vos fiches"
        />
      </div>
    </>
  );
}

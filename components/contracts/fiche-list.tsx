// A contract's fiches, a page at a time under their axes, with filters by axis, status and words
// (lib/contracts/fiche-list.ts): the contract page and the reading page list them alike; each
// says what a row holds. Each axis of the page links to its fiches in the list.
import Link from "next/link";
import type { ReactNode } from "react";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { FicheListPage, FicheListParams } from "@/lib/contracts/fiche-list";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { formatCount, formatNumber } from "@/lib/format";
import { listHref, PAGE_SIZE } from "@/lib/params/list-params";

type Axis = { id: string; number: number | null; title: string; isTransversal: boolean };

export function FicheList<Fiche extends { id: string; number: number }>({
  path,
  axes,
  filters,
  list,
  ficheCount,
  title,
  details,
}: {
  /** The page the list is on; filters and pages are its query string, the list its `#fiches` anchor. */
  path: string;
  axes: readonly Axis[];
  filters: FicheListParams;
  list: FicheListPage<Axis, Fiche>;
  /** The contract's fiches, over every filter. */
  ficheCount: number;
  /** The fiche's title, a link where the reader goes on. */
  title: (fiche: Fiche) => ReactNode;
  /** What the row shows after the title: status, progress, open discussions. */
  details: (fiche: Fiche) => ReactNode;
}) {
  const filtered = Boolean(filters.axe || filters.statut || filters.q);
  return (
    <>
      {ficheCount > PAGE_SIZE || filtered ? (
        <FilterForm action={`${path}#fiches`} submitLabel="Filtrer">
          <SelectField
            label="Axe"
            name="axe"
            defaultValue={filters.axe ?? ""}
            placeholder="Tous les axes"
            options={axes.map((axis) => ({ value: axis.id, label: `${axisLabel(axis)} · ${axis.title}` }))}
          />
          <SelectField
            label="Statut"
            name="statut"
            defaultValue={filters.statut ?? ""}
            placeholder="Tous les statuts"
            options={Object.entries(PROGRESS_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField label="Numéro ou mots de l’intitulé" name="q" defaultValue={filters.q ?? ""} />
        </FilterForm>
      ) : null}
      {filtered ? (
        <p className="mt-4 text-slate-700" role="status">
          {formatCount(list.total, "fiche retenue", "fiches retenues")} sur {formatNumber(ficheCount)}.{" "}
          <Link href={`${path}#fiches`}>Voir toutes les fiches</Link>
        </p>
      ) : null}
      {list.groups.length ? (
        <div className="mt-4 space-y-5">
          {list.groups.map(({ axis, fiches }) => (
            <div key={axis.id}>
              <h3 className="font-semibold text-slate-900">
                {axisLabel(axis)}&nbsp;: {axis.title}
              </h3>
              <ul className="mt-2 space-y-2" aria-label={`Fiches actions de l’${axisLabel(axis).toLowerCase()}`}>
                {fiches.map((fiche) => (
                  <li key={fiche.id} className="flex flex-col gap-1 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
                    <span className="shrink-0 font-semibold text-slate-700">{ficheLabel(fiche.number)}</span>
                    <span className="grow">{title(fiche)}</span>
                    <span className="flex shrink-0 items-center gap-2 text-sm">{details(fiche)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : (
        <p className="mt-4 text-slate-700">
          {filtered ? "Aucune fiche ne correspond à ces filtres." : "Aucune fiche action pour le moment."}
        </p>
      )}
      <Pagination
        page={filters.page}
        pageCount={list.pageCount}
        href={(page) => listHref(path, { axe: filters.axe, statut: filters.statut, q: filters.q }, page, "fiches")}
        label="Pages de la liste des fiches actions"
      />
    </>
  );
}

/** How many fiches an axis holds, as a link to the list narrowed to them. */
export function AxisFichesLink({ path, axis }: { path: string; axis: { id: string; fiches: readonly unknown[] } }) {
  return (
    <p className="mt-3 text-sm text-slate-700">
      {axis.fiches.length ? (
        <Link href={`${path}?axe=${axis.id}#fiches`}>{formatCount(axis.fiches.length, "fiche action", "fiches actions")}</Link>
      ) : (
        "Aucune fiche action dans cet axe."
      )}
    </p>
  );
}

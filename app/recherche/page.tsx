import type { Metadata } from "next";
import Link from "next/link";
import { FacetList, type FacetValue } from "@/components/search/facet-list";
import { Highlighted } from "@/components/search/highlighted";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TextField } from "@/components/ui/text-field";
import { currentActor } from "@/lib/auth/session";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES, themeLabel } from "@/lib/fiches/labels";
import { formatCount } from "@/lib/format";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { publicFichePath } from "@/lib/publication/paths";
import { searchPublicContents, type SearchFacet, type SearchOutcome, type SearchResult } from "@/lib/search/queries";
import {
  hasSearch,
  readSearchParams,
  SEARCH_FILTERS,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  searchHref,
  type SearchParams,
} from "@/lib/search/schema";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The search page is canonical without its words; a page of results is no page for search engines.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const searched = hasSearch(readSearchParams(await searchParams));
  return {
    ...publicPageMetadata({
      title: "Rechercher dans les contrats locaux de santé",
      description:
        "Recherche en texte intégral dans les contrats locaux de santé publiés et leurs fiches actions, par région, thématique et état.",
      path: "/recherche",
    }),
    ...(searched ? { robots: { index: false, follow: false } } : {}),
  };
}

const KIND_LABELS = { contract: "Contrats", fiche: "Fiches actions" } as const;

/** The facets in the order the page shows them, each with its title and how it names a value. */
const FACETS: Array<{ name: SearchFacet; title: string; label: (facet: SearchOutcome["facets"][SearchFacet][number]) => string }> = [
  { name: "type", title: "Type", label: (facet) => KIND_LABELS[facet.value as keyof typeof KIND_LABELS] ?? facet.value },
  { name: "region", title: "Région", label: (facet) => facet.label ?? facet.value },
  { name: "theme", title: "Thématique", label: (facet) => themeLabel(facet.value) },
  {
    name: "status",
    title: "État d’avancement",
    label: (facet) => PROGRESS_STATUS_LABELS[facet.value as keyof typeof PROGRESS_STATUS_LABELS] ?? facet.value,
  },
  { name: "determinant", title: "Déterminant de santé", label: (facet) => facet.value },
  { name: "prs", title: "Objectif du projet régional de santé", label: (facet) => facet.value },
];

export default async function SearchPage({ searchParams }: Props) {
  const params = readSearchParams(await searchParams);
  const outcome = hasSearch(params) ? await searchPublicContents(await currentActor(), params) : null;
  return (
    <>
      <PageHeader title="Rechercher" eyebrow={<Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Recherche" }]} />}>
        <p>Dans les contrats locaux de santé publiés et leurs fiches actions, partout en France.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <search>
          <FilterForm action="/recherche" submitLabel="Rechercher">
            <div className="sm:min-w-96 sm:flex-1">
              <TextField
                label="Mots recherchés"
                name="q"
                type="search"
                defaultValue={params.q ?? ""}
                hint={
                  "Par exemple\u00a0: santé mentale, vaccination, «\u00a0accès aux soins\u00a0». Les accents et les majuscules sont sans importance."
                }
              />
            </div>
            {/* The facets chosen stay chosen when the words change. */}
            {SEARCH_FILTERS.map((name) => (params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null))}
          </FilterForm>
        </search>
        {outcome ? <Results params={params} outcome={outcome} /> : <Suggestions />}
      </div>
    </>
  );
}

function Results({ params, outcome }: { params: SearchParams; outcome: SearchOutcome }) {
  // The last page a search reads (searchParamsSchema), however many results there are.
  const pageCount = Math.min(Math.ceil(outcome.total / SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE);
  const summary = `${formatCount(outcome.total, "résultat", "résultats")}${params.q ? ` pour «\u00a0${params.q}\u00a0»` : ""}`;
  return (
    <div className="mt-8 grid gap-8 lg:grid-cols-[16rem_1fr]">
      <section aria-labelledby="resultats" className="min-w-0 lg:col-start-2">
        <h2 id="resultats" className="text-2xl font-semibold tracking-tight text-slate-900">
          {summary}
        </h2>
        {outcome.results.length ? (
          <ol className="mt-4 space-y-4">
            {outcome.results.map((result) => (
              <ResultItem key={`${result.kind}-${result.id}`} result={result} />
            ))}
          </ol>
        ) : (
          <p className="mt-4 rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
            {outcome.total
              ? "Aucun résultat sur cette page."
              : "Aucun contenu publié ne correspond. Essayez d’autres mots, moins de mots, ou retirez un filtre."}
          </p>
        )}
        <Pagination
          page={params.page}
          pageCount={pageCount}
          href={(page) => searchHref({ ...params, page }, "resultats")}
          label="Pages des résultats"
        />
      </section>
      <aside aria-label="Affiner la recherche" className="space-y-4 lg:col-start-1 lg:row-start-1">
        <h2 className="text-lg font-semibold text-slate-900">Affiner</h2>
        {FACETS.map(({ name, title, label }) => (
          <FacetList
            key={name}
            title={title}
            values={outcome.facets[name].map((facet): FacetValue => ({ value: facet.value, label: label(facet), count: facet.count }))}
            selected={params[name]}
            href={(value) => searchHref({ ...params, [name]: value, page: 1 }, "resultats")}
          />
        ))}
      </aside>
    </div>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const href =
    result.kind === "fiche" && result.number !== null
      ? publicFichePath(result.territorySlug, result.generation, result.number)
      : `/territoires/${result.territorySlug}`;
  return (
    <li>
      <article className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <span>{result.kind === "fiche" ? `Fiche action n°\u00a0${result.number}` : "Contrat local de santé"}</span>
          {result.status ? <Badge tone={PROGRESS_STATUS_TONES[result.status]}>{PROGRESS_STATUS_LABELS[result.status]}</Badge> : null}
        </p>
        <h3 className="mt-1 text-lg font-semibold leading-snug">
          <Link href={href}>
            <Highlighted text={result.title} />
          </Link>
        </h3>
        <p className="text-sm text-slate-600">
          {result.territoryName} · {result.regionName}
        </p>
        {result.excerpt ? (
          <p className="mt-3 text-slate-700">
            <Highlighted text={result.excerpt} />
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** What to search for, before anything is typed: the usual themes of CLS. */
function Suggestions() {
  const examples = ["santé mentale", "accès aux soins", "nutrition", "addictions", "vieillissement", "mobilité"];
  return (
    <section aria-labelledby="suggestions" className="mt-8">
      <h2 id="suggestions" className="text-lg font-semibold text-slate-900">
        Quelques recherches fréquentes
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {examples.map((words) => (
          <li key={words}>
            <Link
              href={searchHref({ q: words }, "resultats")}
              className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
            >
              {words}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

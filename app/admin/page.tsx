import type { Metadata } from "next";
import Link from "next/link";
import { AdminForm, type AdminField } from "@/components/admin/admin-form";
import { AdminNav } from "@/components/admin/admin-nav";
import { TerritoryForm } from "@/components/admin/territory-form";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import type { SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { loadAuthorized } from "@/lib/auth/require";
import { formatCount, formatNumber } from "@/lib/format";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { getPlatformOverview, ORGANISATION_MATCHES } from "@/lib/platform/queries";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { createOrganisationAction, createRegionAction, createTerritoryAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration" };

// The fields the creation forms share: every record has a name; territories and organisations a kind and a region.
const nameField: AdminField = { kind: "text", name: "name", label: "Nom", required: true };
const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const kindField = (labels: Record<string, string>): AdminField => ({
  kind: "select",
  name: "kind",
  label: "Type",
  options: optionsOf(labels),
  placeholder: "Choisir…",
});
const regionField = (options: SelectOption[], placeholder: string): AdminField => ({
  kind: "select",
  name: "regionId",
  label: "Région",
  options,
  placeholder,
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPage({ searchParams }: Props) {
  const params = readListParams(await searchParams);
  const { data } = await loadAuthorized("/admin", {}, (actor) => getPlatformOverview(actor, params));
  const regionOptions = data.regions.map((region) => ({ value: region.id, label: region.name }));
  return (
    <>
      <PageHeader title="Administration de la plateforme">
        <p>Les régions, les territoires qui tiennent des contrats, et les organisations qui les signent ou y participent.</p>
      </PageHeader>
      <AdminNav current="referentiel" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="territoires" title={`Territoires (${formatNumber(data.territoryCount)})`} description="Du plus récent au plus ancien.">
          <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {data.territories.map((territory) => (
              <li key={territory.id}>
                <Link href={`/espace/${territory.slug}`}>{territory.name}</Link>
                <span className="text-sm text-slate-600">
                  {" "}
                  · {TERRITORY_KIND_LABELS[territory.kind]} · {territory.region.name} ·{" "}
                  <Link href={`/admin/territoires/${territory.slug}`} aria-label={`Modifier ${territory.name}`}>
                    modifier
                  </Link>
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            page={params.page}
            pageCount={Math.ceil(data.territoryCount / PAGE_SIZE)}
            href={(page) => listHref("/admin", { q: params.q }, page, "territoires")}
            label="Pages de la liste des territoires"
          />
          <TerritoryForm action={createTerritoryAction} regions={data.regions} kinds={optionsOf(TERRITORY_KIND_LABELS)} />
        </Section>

        <Section id="regions" title={`Régions (${data.regions.length})`}>
          <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {data.regions.map((region) => (
              <li key={region.id}>
                {region.name}{" "}
                <span className="text-sm text-slate-600">
                  · code {region.inseeCode} · {formatCount(region._count.territories, "territoire", "territoires")}
                </span>
              </li>
            ))}
          </ul>
          <AdminForm
            title="Créer une région"
            action={createRegionAction}
            schema="region"
            submitLabel="Créer la région"
            fields={[
              nameField,
              {
                kind: "text",
                name: "inseeCode",
                label: "Code INSEE",
                hint: "2 ou 3 chiffres, par exemple 84.",
                required: true,
                inputMode: "numeric",
              },
            ]}
          />
        </Section>

        <Section id="organisations" title={`Organisations (${formatNumber(data.organisationCount)})`}>
          <FilterForm action="/admin#organisations" submitLabel="Chercher">
            <TextField label="Chercher une organisation" name="q" defaultValue={params.q ?? ""} hint="Un ou plusieurs mots de son nom." />
          </FilterForm>
          {params.q ? (
            <div role="status">
              <p className="mt-4 text-slate-700">
                {data.organisations.length > ORGANISATION_MATCHES
                  ? `Plus de ${ORGANISATION_MATCHES} organisations contiennent «\u00a0${params.q}\u00a0»\u00a0: voici les ${ORGANISATION_MATCHES} premières, précisez la recherche.`
                  : `${formatCount(data.organisations.length, "organisation contient", "organisations contiennent")} «\u00a0${params.q}\u00a0».`}
              </p>
              <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
                {data.organisations.slice(0, ORGANISATION_MATCHES).map((organisation) => (
                  <li key={organisation.id}>
                    {organisation.name} <span className="text-sm text-slate-600">· {ORGANISATION_KIND_LABELS[organisation.kind]}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <AdminForm
            title="Créer une organisation"
            action={createOrganisationAction}
            schema="organisation"
            submitLabel="Créer l’organisation"
            fields={[
              nameField,
              kindField(ORGANISATION_KIND_LABELS),
              { kind: "text", name: "siren", label: "SIREN", hint: "Facultatif\u00a0; vérifié s’il est saisi.", inputMode: "numeric" },
              regionField(regionOptions, "Aucune (organisme national)"),
            ]}
          />
        </Section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { PrsObjectiveForm } from "@/components/prs-objectives/prs-objective-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Disclosure } from "@/components/ui/disclosure";
import { FilterForm } from "@/components/ui/filter-form";
import { ItemList } from "@/components/ui/item-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { SelectField } from "@/components/ui/select-field";
import { loadAuthorized } from "@/lib/auth/require";
import { formatCount } from "@/lib/format";
import { readListParams } from "@/lib/params/list-params";
import { prsObjectiveName } from "@/lib/prs-objectives/labels";
import { getPrsObjectiveList, type PrsObjectiveRow } from "@/lib/prs-objectives/queries";
import { archivePrsObjectiveAction, createPrsObjectiveAction, updatePrsObjectiveAction } from "./actions";

export const metadata: Metadata = { title: "Objectifs du projet régional de santé" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/portefeuille/objectifs-prs";

/** One objective: its name, the fiches citing it, and what may be done with it. */
function ObjectiveItem({ objective }: { objective: PrsObjectiveRow }) {
  const name = prsObjectiveName(objective)!;
  const archived = Boolean(objective.archivedAt);
  return (
    <div className="w-full space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <p>
          <span className="font-medium text-slate-900">{name}</span>
          <span className="block text-sm text-slate-600">
            {objective._count.fiches
              ? `Cité par ${formatCount(objective._count.fiches, "fiche action", "fiches actions")}`
              : "Cité par aucune fiche action"}
            {objective.code ? "" : " · sans code"}
          </span>
        </p>
        <ActionButton
          action={archivePrsObjectiveAction}
          fields={{ prsObjectiveId: objective.id, version: String(objective.version), ...(archived ? {} : { archived: "on" }) }}
          label={archived ? `Proposer de nouveau l’objectif ${name}` : `Archiver l’objectif ${name}`}
        >
          {archived ? "Proposer de nouveau" : "Archiver"}
        </ActionButton>
      </div>
      {archived ? null : (
        <Disclosure summary={`Modifier l’objectif ${name}`}>
          <div className="mt-3 max-w-3xl">
            <PrsObjectiveForm action={updatePrsObjectiveAction} objective={objective} />
          </div>
        </Disclosure>
      )}
    </div>
  );
}

export default async function PrsObjectivesPage({ searchParams }: Props) {
  const { region: regionSlug } = readListParams(await searchParams);
  const { data } = await loadAuthorized(PATH, {}, (actor) => getPrsObjectiveList(actor, regionSlug));
  const { region, regions, objectives } = data;
  const offered = objectives.filter((objective) => !objective.archivedAt);
  const archived = objectives.filter((objective) => objective.archivedAt);
  return (
    <>
      <PageHeader
        title="Objectifs du projet régional de santé"
        eyebrow={
          <Breadcrumb
            items={[{ label: "Portefeuille régional", href: `/portefeuille?region=${region.slug}` }, { label: "Objectifs du PRS" }]}
          />
        }
      >
        <p>
          {region.name}&#8239;: la liste des objectifs du PRS que les fiches actions de la région peuvent citer. Elle sert aussi de filtre à
          la recherche publique et aux données ouvertes.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {regions.length > 1 ? (
          <FilterForm action={PATH} submitLabel="Changer de région">
            <SelectField
              label="Région"
              name="region"
              defaultValue={region.slug}
              options={regions.map((choice) => ({ value: choice.slug, label: choice.name }))}
            />
          </FilterForm>
        ) : null}

        <Section
          id="objectifs"
          title={`Objectifs proposés aux fiches (${offered.length})`}
          description="Par code. Un objectif archivé reste sur les fiches qui le citent, mais n’est plus proposé aux autres."
        >
          <ItemList items={offered} empty={"Aucun objectif pour le moment\u00a0: ajoutez ceux du PRS de la région ci-dessous."}>
            {(objective) => <ObjectiveItem objective={objective} />}
          </ItemList>
        </Section>

        {archived.length ? (
          <Section id="archives" title={`Objectifs archivés (${archived.length})`}>
            <ItemList items={archived} empty="">
              {(objective) => <ObjectiveItem objective={objective} />}
            </ItemList>
          </Section>
        ) : null}

        <Section id="nouvel-objectif" title="Ajouter un objectif">
          <div className="max-w-3xl">
            <PrsObjectiveForm action={createPrsObjectiveAction} regionId={region.id} />
          </div>
        </Section>
      </div>
    </>
  );
}

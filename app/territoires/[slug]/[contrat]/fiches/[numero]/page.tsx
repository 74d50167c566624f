import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TrajectoryFigure } from "@/components/charts/trajectory-figure";
import { EarlierGenerations } from "@/components/renewal/earlier-generations";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { currentActor } from "@/lib/auth/session";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { calendarDay } from "@/lib/db/json-rows";
import { todayInParis } from "@/lib/due/schedule";
import { formatDate, formatNumber } from "@/lib/format";
import { publicIndicatorTrajectories } from "@/lib/public-pages/fiche-indicators";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { publicFicheProgress } from "@/lib/public-pages/progress";
import { publicFichePath } from "@/lib/publication/paths";
import { findPublicFiche, type PublicFichePage } from "@/lib/publication/queries";
import { listEarlierGenerations } from "@/lib/renewal/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contrat: string; numero: string }> };

async function loadFiche(params: Props["params"]): Promise<PublicFichePage> {
  const { slug, contrat, numero } = await params;
  const fiche = await findPublicFiche(await currentActor(), slug, contrat, numero);
  if (!fiche) notFound();
  return fiche;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const fiche = await loadFiche(params);
  const { territory, generation } = fiche.contract;
  const description = String(fiche.content.values.general_objective ?? fiche.content.values.description ?? "").trim();
  return publicPageMetadata({
    title: `${ficheLabel(fiche.number)} – ${fiche.title} – ${territory.name}`,
    description: description || `Fiche action du contrat local de santé du territoire ${territory.name}.`,
    path: publicFichePath(territory.slug, generation, fiche.number),
    type: "article",
    publishedTime: fiche.publishedAt,
  });
}

/** Texts of the fiche shown as paragraphs, in the catalogue's order: each field's label is its heading. */
const TEXT_FIELDS = ["context", "generalObjective", "description", "targetPublic", "vulnerableGroups", "prsObjectiveId"] as const;

/** A day of the snapshot (frozen as yyyy-mm-dd) as French text. */
const day = (value: unknown) => (typeof value === "string" ? formatDate(calendarDay(value)!) : null);
/** The same in a <time> element, or « Non renseigné(e) ». */
const dayFact = (value: unknown, missing: string) => (typeof value === "string" ? <time dateTime={value}>{day(value)}</time> : missing);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

export default async function PublicFichePageView({ params }: Props) {
  const fiche = await loadFiche(params);
  const { values, shown, objectives, indicators } = fiche.content;
  const { territory } = fiche.contract;
  // Status and progress as published: the objectives' average when they give one (lib/public-pages/progress.ts).
  const standing = publicFicheProgress(
    values,
    objectives.map((objective) => objective.values),
  );
  const period = day(values.starts_on) || day(values.ends_on) ? `${day(values.starts_on) ?? "…"} – ${day(values.ends_on) ?? "…"}` : null;
  const milestones = Array.isArray(values.milestones) ? (values.milestones as Array<Record<string, unknown>>) : [];
  const lines = (key: string) => (typeof shown[key] === "string" ? (shown[key] as string).split("\n").filter(Boolean) : []);
  // Kept whole for the day in Paris its render began (lib/public-pages/cache.ts): indicators are judged against that day.
  const trajectories = publicIndicatorTrajectories(fiche, todayInParis());
  // The fiches it continues that have a public page of their own.
  const earlier = await listEarlierGenerations(fiche.ficheId, territory.id, { publicOnly: true });

  return (
    <>
      <PageHeader
        title={fiche.title}
        eyebrow={
          <Breadcrumb
            items={[
              { label: "Accueil", href: "/" },
              { label: territory.name, href: `/territoires/${territory.slug}` },
              { label: ficheLabel(fiche.number) },
            ]}
          />
        }
      >
        <p>
          {ficheLabel(fiche.number)}
          {fiche.axis ? ` · ${axisLabel(fiche.axis)} – ${fiche.axis.title}` : ""} · {fiche.contract.title}
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="fiche" title="La fiche en bref" description={<p>Version publiée le {formatDate(todayInParis(fiche.publishedAt))}.</p>}>
          <div className="mb-6 grid gap-4 rounded-md bg-slate-50 p-4 sm:grid-cols-[auto_1fr] sm:items-center sm:gap-8">
            <p className="flex flex-wrap items-center gap-2 text-slate-700">
              {FICHE_FIELDS.status.label}&nbsp;:{" "}
              {standing ? (
                <Badge tone={PROGRESS_STATUS_TONES[standing.status]}>{PROGRESS_STATUS_LABELS[standing.status]}</Badge>
              ) : (
                "Non renseigné"
              )}
            </p>
            <div className="max-w-md">
              <ProgressBar value={standing?.progress ?? null} label={FICHE_FIELDS.progress.label} />
            </div>
          </div>
          <FactList
            facts={[
              { label: FICHE_FIELDS.pilotOrganisationId.label, value: text(shown.pilotOrganisation) ?? "Non renseignée" },
              ...(text(values.pilot_contact_name)
                ? [{ label: FICHE_FIELDS.pilotContactName.label, value: String(values.pilot_contact_name) }]
                : []),
              ...(text(values.pilot_contact_email)
                ? [
                    {
                      label: FICHE_FIELDS.pilotContactEmail.label,
                      value: <a href={`mailto:${values.pilot_contact_email}`}>{String(values.pilot_contact_email)}</a>,
                    },
                  ]
                : []),
              { label: FICHE_FIELDS.geographicScope.label, value: text(shown.geographicScope) ?? "Non renseigné" },
              ...(text(shown.themes) ? [{ label: FICHE_FIELDS.themes.label, value: text(shown.themes) }] : []),
              { label: "Calendrier", value: period ? <a href="#calendrier-titre">{period}</a> : "Non renseigné" },
            ]}
          />
          {TEXT_FIELDS.map((name) => {
            const field = FICHE_FIELDS[name];
            const value = text(values[field.api]);
            return value ? (
              <div key={name} className="mt-6 max-w-3xl">
                <h3 className="font-semibold text-slate-900">{field.label}</h3>
                <p className="mt-1 whitespace-pre-line leading-relaxed text-slate-800">{value}</p>
              </div>
            ) : null;
          })}
        </Section>

        <EarlierGenerations
          reader="public"
          fiches={earlier.map((earlierFiche) => ({
            ...earlierFiche,
            number: earlierFiche.publicNumber ?? earlierFiche.number,
            title: earlierFiche.publicTitle ?? earlierFiche.title,
            href: publicFichePath(territory.slug, earlierFiche.generation, earlierFiche.publicNumber ?? earlierFiche.number),
          }))}
        />

        <Section id="objectifs" title={FICHE_FIELDS.objectives.label}>
          {objectives.length ? (
            <ol className="space-y-4">
              {objectives.map((objective, index) => {
                const objectiveStatus = objective.values.status as keyof typeof PROGRESS_STATUS_LABELS | undefined;
                return (
                  <li key={objective.id} className="rounded-md border border-slate-200 p-4">
                    <p className="font-semibold text-slate-900">
                      {index + 1}. {String(objective.values.title ?? "")}
                    </p>
                    <p className="mt-1 text-sm text-slate-700">
                      {[
                        objectiveStatus && PROGRESS_STATUS_LABELS[objectiveStatus],
                        typeof objective.values.progress === "number" ? `${formatNumber(objective.values.progress)}\u00a0%` : null,
                        day(objective.values.due_on) ? `échéance ${day(objective.values.due_on)}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    {text(objective.values.description) ? (
                      <p className="mt-2 text-slate-800">{String(objective.values.description)}</p>
                    ) : null}
                    {objective.commitments.length ? (
                      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800" aria-label="Engagements des partenaires">
                        {objective.commitments.map((commitment, position) => (
                          <li key={position}>
                            <span className="font-medium">{commitment.organisation}</span>&nbsp;:{" "}
                            {String(commitment.values.description ?? "")}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun objectif opérationnel n’est publié pour cette fiche.</p>
          )}
        </Section>

        <Section id="calendrier" title="Calendrier">
          <FactList
            facts={[
              { label: FICHE_FIELDS.startsOn.label, value: dayFact(values.starts_on, "Non renseigné") },
              { label: FICHE_FIELDS.endsOn.label, value: dayFact(values.ends_on, "Non renseignée") },
            ]}
          />
          <h3 className="mt-6 font-semibold text-slate-900">{FICHE_FIELDS.milestones.label}</h3>
          {milestones.length ? (
            <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="group" aria-label={FICHE_FIELDS.milestones.label}>
              <Table
                caption={`Étapes de la fiche n°\u00a0${fiche.number}`}
                columns={[{ label: "Étape" }, { label: "Échéance" }, { label: "État" }]}
              >
                {milestones.map((milestone, index) => (
                  <tr key={index}>
                    <th scope="row" className="font-normal">
                      {String(milestone.title ?? "")}
                    </th>
                    <td>{day(milestone.dueOn) ?? "—"}</td>
                    <td>{milestone.doneOn ? `Faite${day(milestone.doneOn) ? ` le ${day(milestone.doneOn)}` : ""}` : "À faire"}</td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : (
            <p className="mt-2 text-slate-700">Aucune étape n’est publiée pour cette fiche.</p>
          )}
        </Section>

        <Section id="partenaires" title={lines("budgetLines").length ? "Partenaires et budget" : "Partenaires"}>
          <FactList
            facts={[
              { label: FICHE_FIELDS.partners.label, value: lines("partners").length ? <LineList items={lines("partners")} /> : "Aucun" },
              ...(lines("budgetLines").length
                ? [{ label: FICHE_FIELDS.budgetLines.label, value: <LineList items={lines("budgetLines")} /> }]
                : []),
            ]}
          />
        </Section>

        <Section id="indicateurs" title="Indicateurs">
          {indicators.length ? (
            // Scrolls sideways in its frame on a narrow screen, reachable by keyboard.
            <div
              className="relative overflow-x-auto"
              tabIndex={0}
              role="group"
              aria-label={`Indicateurs de la fiche n°\u00a0${fiche.number}`}
            >
              <Table
                caption={`Indicateurs de la fiche n°\u00a0${fiche.number}`}
                columns={[{ label: "Indicateur" }, { label: "Départ" }, { label: "Cible" }, { label: "Dernière mesure" }]}
              >
                {indicators.map((indicator) => {
                  const unit = text(indicator.values.unit) ? `\u00a0${String(indicator.values.unit)}` : "";
                  const last = indicator.measurements.at(-1);
                  const valueOn = (value: unknown, on: unknown) =>
                    value === null || value === undefined ? "—" : `${formatNumber(Number(value))}${unit}${day(on) ? ` (${day(on)})` : ""}`;
                  return (
                    <tr key={indicator.id}>
                      <th scope="row" className="font-normal">
                        {String(indicator.values.name ?? "")}
                      </th>
                      <td>{valueOn(indicator.values.baseline_value, indicator.values.baseline_on)}</td>
                      <td>{valueOn(indicator.values.target_value, indicator.values.target_on)}</td>
                      <td>{last ? valueOn(last.value, last.measuredOn) : "Pas encore mesuré"}</td>
                    </tr>
                  );
                })}
              </Table>
            </div>
          ) : (
            <p className="text-slate-700">Aucun indicateur n’est publié pour cette fiche.</p>
          )}
          {trajectories.length ? (
            <div className="mt-6 grid gap-6 lg:grid-cols-2">
              {trajectories.map(({ indicator, trajectory }, index) => (
                <TrajectoryFigure key={indicator.id} id={`trajectoire-${index + 1}`} indicator={indicator} trajectory={trajectory} />
              ))}
            </div>
          ) : null}
        </Section>
      </div>
    </>
  );
}

function LineList({ items }: { items: string[] }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

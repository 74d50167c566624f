import type { Metadata } from "next";
import Link from "next/link";
import { FindingCoverageList } from "@/components/coverage/finding-coverage-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { ficheLabel } from "@/lib/contracts/labels";
import { getContractCoverage } from "@/lib/coverage/queries";
import { formatCount } from "@/lib/format";
import { territoryResource } from "@/lib/workspaces/resource";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Besoins et actions" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function NeedsAndActionsPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { actor, data } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/besoins`, { slug, contractId }, (actor) =>
    getContractCoverage(actor, slug, contractId),
  );
  const { contract, coverage, unlinkedFiches } = data;
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  const scope = territoryResource(contract.territory);
  const editable = can(actor, "contract.edit", scope);
  // Who may edit a fiche opens its form, where « Constats du diagnostic traités » links it; others read it.
  const ficheHref = (fiche: { id: string; pilotUserId: string | null }) =>
    can(actor, "fiche.edit", { ...scope, pilotUserId: fiche.pilotUserId })
      ? `${contractPath}/fiches/${fiche.id}`
      : `${contractPath}/lecture/fiches/${fiche.id}`;
  const ficheLink = (fiche: { id: string; number: number; title: string; pilotUserId: string | null }) => ({
    key: fiche.id,
    label: `${ficheLabel(fiche.number)} – ${fiche.title}`,
    href: ficheHref(fiche),
  });

  return (
    <>
      <PageHeader
        title="Besoins et actions"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Besoins et actions" />}
      >
        <p>Les constats du diagnostic local de santé, et les fiches actions qui y répondent.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section
          id="constats"
          title={`Constats du diagnostic (${coverage.total})`}
          description={
            coverage.total ? (
              <p role="status">
                {formatCount(coverage.covered, "constat a", "constats ont")} au moins une fiche action qui y répond&#8239;;{" "}
                {coverage.uncovered
                  ? `${formatCount(coverage.uncovered, "constat n’en a", "constats n’en ont")} aucune.`
                  : "aucun constat n’est sans action."}{" "}
                Une fiche dit à quels constats elle répond dans sa section «&nbsp;Liens avec le diagnostic et le PRS&nbsp;».
              </p>
            ) : null
          }
        >
          {coverage.total ? (
            <FindingCoverageList
              label="Constats du diagnostic et fiches actions"
              uncoveredText="Aucune fiche action n’y répond."
              findings={coverage.findings.map((finding) => ({ ...finding, fiches: finding.fiches.map(ficheLink) }))}
            />
          ) : (
            <p className="text-slate-700">
              Le diagnostic de ce contrat ne compte aucun constat pour le moment.
              {editable ? (
                <>
                  {" "}
                  <Link href={`${contractPath}/modifier`}>Ajoutez-les dans le contrat</Link>.
                </>
              ) : null}
            </p>
          )}
        </Section>

        <Section
          id="fiches-sans-constat"
          title={`Fiches actions sans constat (${unlinkedFiches.length})`}
          description={<p>Les fiches qui ne disent encore répondre à aucun constat du diagnostic.</p>}
        >
          {unlinkedFiches.length ? (
            <ul className="space-y-2" aria-label="Fiches actions sans constat">
              {unlinkedFiches.map((fiche) => (
                <li key={fiche.id} className="rounded bg-slate-50 px-3 py-2">
                  <Link href={ficheHref(fiche)}>
                    {ficheLabel(fiche.number)} – {fiche.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Chaque fiche action répond à au moins un constat.</p>
          )}
        </Section>
      </div>
    </>
  );
}

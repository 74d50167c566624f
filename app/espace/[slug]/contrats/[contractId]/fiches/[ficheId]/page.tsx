import type { Metadata } from "next";
import { cache } from "react";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Alert } from "@/components/ui/alert";
import { FicheForm } from "@/components/fiches/fiche-form";
import { NewOrganisationForm } from "@/components/organisations/new-organisation-form";
import { FicheHeader } from "@/components/fiches/fiche-header";
import { EarlierGenerations, inWorkspace } from "@/components/renewal/earlier-generations";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { ficheLabel } from "@/lib/contracts/labels";
import { PublicationPanel } from "@/components/publication/publication-panel";
import { closedFicheMessage } from "@/lib/fiches/closure";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { todayInParis } from "@/lib/due/schedule";
import { formatDate } from "@/lib/format";
import { publicFichePath } from "@/lib/publication/paths";
import { WITHHOLDABLE_FIELDS } from "@/lib/publication/schema";
import { getFicheEditor } from "@/lib/fiches/queries";
import { listEarlierGenerations } from "@/lib/renewal/queries";
import {
  createOrganisationAction,
  deleteFicheAction,
  ficheConfidentialityAction,
  publishFichesAction,
  updateFicheAction,
  withdrawFicheAction,
} from "../actions";
import { restoreAction } from "../../corbeille/actions";
import { territoryResource } from "@/lib/workspaces/resource";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string; ficheId: string }> };

const load = cache((slug: string, contractId: string, ficheId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/fiches/${ficheId}`, { slug, contractId, ficheId }, (actor) =>
    getFicheEditor(actor, slug, contractId, ficheId),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, ficheId } = await params;
  const { data } = await load(slug, contractId, ficheId);
  return { title: `${ficheLabel(data.fiche.number)} – ${data.fiche.title}` };
}

export default async function FichePage({ params }: Props) {
  const { slug, contractId, ficheId } = await params;
  const { actor, data } = await load(slug, contractId, ficheId);
  const { fiche, contract } = data;
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  const coordinator = can(actor, "contract.edit", territoryResource(contract.territory));
  const earlier = await listEarlierGenerations(fiche.id, contract.territory.id);
  return (
    <>
      <FicheHeader fiche={fiche} contract={contract} indicators={fiche._count.indicators} current="fiche" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {coordinator && !fiche.closedOn ? (
          <div className="flex flex-wrap items-start gap-3">
            <ConfirmActionButton
              action={deleteFicheAction}
              fields={{ ficheId: fiche.id, version: String(fiche.version) }}
              label={`Mettre à la corbeille la ${ficheLabel(fiche.number).toLowerCase()}`}
              question={"Mettre cette fiche à la corbeille\u00a0? Elle reste restaurable pendant 30\u00a0jours."}
              confirmLabel="Mettre à la corbeille"
              redirectTo={contractPath}
              undo={{ action: restoreAction, fields: { kind: "fiche", id: fiche.id }, returnTo: `${contractPath}/fiches/${fiche.id}` }}
            />
          </div>
        ) : null}
        {coordinator ? (
          <PublicationPanel
            state={{
              ficheId: fiche.id,
              contractId: contract.id,
              version: fiche.version,
              confidential: fiche.confidential,
              withheldFields: fiche.withheldFields,
              published: fiche.publicVersion
                ? { on: formatDate(todayInParis(fiche.publicVersion.publishedAt)), version: fiche.publicVersion.version }
                : null,
              publicHref:
                fiche.publicVersion && contract.visibility === "published"
                  ? publicFichePath(contract.territory.slug, contract.generation, fiche.number)
                  : null,
            }}
            withholdable={WITHHOLDABLE_FIELDS.map((name) => ({ name, label: FICHE_FIELDS[name as keyof typeof FICHE_FIELDS].label }))}
            actions={{ publish: publishFichesAction, withdraw: withdrawFicheAction, confidentiality: ficheConfidentialityAction }}
          />
        ) : null}
        {fiche.closedOn ? <Alert tone="info">{closedFicheMessage(fiche.closedOn, fiche.closedByAmendment?.number ?? null)}</Alert> : null}
        <EarlierGenerations reader="workspace" fiches={inWorkspace(earlier, contract.territory.slug, "fiches")} />
        {fiche.closedOn ? null : <NewOrganisationForm action={createOrganisationAction} contractId={contract.id} />}
        <FicheForm
          action={updateFicheAction}
          values={data.values}
          hidden={{ ficheId: fiche.id, version: String(fiche.version) }}
          choices={data.choices}
          organisations={data.organisations}
          canRestructure={coordinator}
          restore={coordinator ? restoreAction : undefined}
          readOnly={fiche.closedOn !== null}
        />
      </div>
    </>
  );
}

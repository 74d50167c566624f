// French wording of the audit log: actions, record types, fields and their values.
import { ASSESSMENT_FIELDS } from "@/lib/assessments/schema";
import { historyLabels } from "@/lib/catalogue";
import { AMENDMENT_FIELD_LABELS } from "@/lib/amendments/labels";
import { CAMPAIGN_FIELD_LABELS } from "@/lib/campaigns/labels";
import { COMMITMENT_REPORT_FIELDS } from "@/lib/commitments/schema";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { CONTRIBUTION_FIELDS } from "@/lib/contributions/schema";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { MEASUREMENT_FIELD_LABELS } from "@/lib/indicators/labels";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import { DOCUMENT_FIELDS } from "@/lib/documents/schema";
import { MEETING_FIELDS } from "@/lib/meetings/schema";
import { formatDate, formatDateTime } from "@/lib/format";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "invitation.create": "Invitation envoyée",
  "invitation.revoke": "Invitation retirée",
  "membership.grant": "Rôle attribué",
  "membership.change": "Rôle modifié",
  "membership.revoke": "Rôle retiré",
  "user.create": "Compte créé",
  "accessRequest.create": "Demande d’accès envoyée",
  "accessRequest.confirm": "Demande d’accès confirmée",
  "accessRequest.refuse": "Demande d’accès refusée",
  "region.create": "Région créée",
  "territory.create": "Territoire créé",
  "territory.update": "Territoire modifié",
  "organisation.create": "Organisation créée",
  "contract.create": "Contrat créé",
  "contract.update": "Contrat modifié",
  "contract.renew": "Contrat suivant préparé",
  "axis.create": "Axe ajouté",
  "axis.update": "Axe modifié",
  "axis.move": "Axe déplacé",
  "axis.delete": "Axe supprimé",
  "fiche.create": "Fiche créée",
  "fiche.update": "Fiche modifiée",
  "fiche.delete": "Fiche mise à la corbeille",
  "fiche.renew": "Fiche reprise du contrat précédent",
  "fiche.import.create": "Fiche créée par import",
  "fiche.import.update": "Fiche mise à jour par import",
  "fiche.restore": "Fiche restaurée",
  "fiche.publish": "Fiche publiée",
  "fiche.withdraw": "Fiche retirée de la publication",
  "fiche.confidentiality": "Confidentialité de la fiche modifiée",
  "fiche.themes.convert": "Thématiques ramenées à la liste commune",
  "objective.restore": "Objectif restauré",
  "indicator.create": "Indicateur ajouté",
  "indicator.update": "Indicateur modifié",
  "indicator.delete": "Indicateur mis à la corbeille",
  "indicator.restore": "Indicateur restauré",
  "measurement.add": "Mesure saisie",
  "measurement.delete": "Mesure supprimée",
  "commitment.report": "Point d’avancement d’un partenaire",
  "campaign.open": "Campagne d’évaluation ouverte",
  "campaign.update": "Campagne d’évaluation modifiée",
  "campaign.close": "Campagne d’évaluation close",
  "contribution.save": "Contribution d’un partenaire à l’évaluation",
  "prsObjective.create": "Objectif du PRS ajouté",
  "prsObjective.update": "Objectif du PRS modifié",
  "prsObjective.archive": "Objectif du PRS archivé",
  "prsObjective.restore": "Objectif du PRS de nouveau proposé",
  "meeting.create": "Réunion enregistrée",
  "meeting.update": "Réunion modifiée",
  "meeting.delete": "Réunion supprimée",
  "document.create": "Document ajouté",
  "document.update": "Document modifié",
  "document.removeFile": "Fichier du document retiré",
  "document.delete": "Document supprimé",
  "assessment.save": "Bilan de fiche enregistré",
  "review.thread.open": "Discussion ouverte par l’ARS",
  "review.thread.comment": "Commentaire de l’ARS",
  "review.thread.answer": "Réponse à l’ARS",
  "review.thread.resolve": "Discussion résolue",
  "review.thread.reopen": "Discussion rouverte",
  "review.stage.submit": "Soumis à l’avis de l’ARS",
  "review.stage.requestChanges": "Modifications demandées par l’ARS",
  "review.stage.approve": "Avis favorable de l’ARS",
  "amendment.create": "Avenant créé",
  "amendment.update": "Avenant modifié",
  "amendment.markFiche": "Fiche ajoutée à l’avenant",
  "amendment.unmarkFiche": "Fiche retirée de l’avenant",
  "amendment.recordSignature": "Signature d’un signataire de l’avenant enregistrée",
  "amendment.sign": "Avenant signé",
  "amendment.delete": "Avenant supprimé",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Invitation: "Invitation",
  Membership: "Rôle",
  AccessRequest: "Demande d’accès",
  User: "Compte",
  Region: "Région",
  PrsObjective: "Objectif du PRS",
  Territory: "Territoire",
  Organisation: "Organisation",
  Contract: "Contrat",
  Axis: "Axe",
  FicheAction: "Fiche action",
  OperationalObjective: "Objectif opérationnel",
  Indicator: "Indicateur",
  Measurement: "Mesure",
  Commitment: "Engagement",
  EvaluationCampaign: "Campagne d’évaluation",
  CommitmentContribution: "Contribution à l’évaluation",
  Meeting: "Réunion",
  Document: "Document",
  FicheAssessment: "Bilan de fiche",
  ReviewThread: "Discussion de revue",
  ReviewStage: "Revue de l’ARS",
  Amendment: "Avenant",
};

/** Each record type's history fields, in its form's order (its catalogue's), with their labels. */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  FicheAction: { ...historyLabels(FICHE_FIELDS), deletedAt: "Mise à la corbeille" },
  Contract: {
    ...historyLabels(CONTRACT_FIELDS),
    durationMonths: "Durée (mois)",
    previousContract: "Contrat précédent",
    axesCarried: "Axes repris",
    fichesCarried: "Fiches reprises",
  },
  Indicator: { ...historyLabels(INDICATOR_FIELDS), deletedAt: "Mise à la corbeille" },
  Measurement: MEASUREMENT_FIELD_LABELS,
  Commitment: historyLabels(COMMITMENT_REPORT_FIELDS),
  EvaluationCampaign: CAMPAIGN_FIELD_LABELS,
  CommitmentContribution: historyLabels(CONTRIBUTION_FIELDS),
  Meeting: historyLabels(MEETING_FIELDS),
  Document: { ...historyLabels(DOCUMENT_FIELDS), file: "Fichier" },
  FicheAssessment: historyLabels(ASSESSMENT_FIELDS),
  PrsObjective: { code: "Code", label: "Intitulé", archived: "Archivé" },
  Amendment: AMENDMENT_FIELD_LABELS,
};

/** Labels by field name alone, for lists that mix record types; a record type's own labels come first where known. */
const FIELD_LABELS: Record<string, string> = {
  ...ENTITY_FIELD_LABELS.FicheAction,
  ...ENTITY_FIELD_LABELS.Indicator,
  ...MEASUREMENT_FIELD_LABELS,
  ...ENTITY_FIELD_LABELS.Contract,
  description: "Description",
  isTransversal: "Transversal",
  publishedVersion: "Version publiée",
  snapshotVersion: "Instantané",
  confidential: "Confidentielle",
  withheldFields: "Champs non publiés",
  position: "Rang",
  email: "Adresse e-mail",
  user: "Personne",
  name: "Nom",
  role: "Rôle",
  scope: "Périmètre",
  expiresAt: "Expire le",
  revokedAt: "Retirée le",
  invitedBy: "Invitation de",
  organisation: "Organisation",
  siret: "SIRET",
  slug: "Adresse",
  kind: "Type",
  inseeCode: "Code INSEE",
  siren: "SIREN",
  region: "Région",
  department: "Département",
  reference: "Lieu du référentiel officiel",
  departmentCodes: "Codes des départements",
  communes: "Communes",
  comment: "Commentaire",
  reason: "Motif",
  state: "État",
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
export const auditEntityLabel = (entityType: string) => AUDIT_ENTITY_LABELS[entityType] ?? entityType;
// Field names and record types come from stored events: only own keys are read, never the prototype's.
const own = <T>(dictionary: Record<string, T> | undefined, key: string): T | undefined =>
  dictionary && Object.hasOwn(dictionary, key) ? dictionary[key] : undefined;

/** A field's French name: the record type's own label when the type is given, else the shared one. */
export const auditFieldLabel = (field: string, entityType?: string) =>
  own(entityType === undefined ? undefined : own(ENTITY_FIELD_LABELS, entityType), field) ?? own(FIELD_LABELS, field) ?? field;

/** A change's fields in the record's form order; fields its catalogue does not know follow, as recorded. */
export function inFormOrder<T>(entityType: string, changes: Array<[string, T]>): Array<[string, T]> {
  const order = Object.keys(own(ENTITY_FIELD_LABELS, entityType) ?? {});
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => rank(a.change[0]) - rank(b.change[0]) || a.index - b.index)
    .map(({ change }) => change);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A recorded value as a reader expects it: role names, dates, "—" for nothing. */
export function auditValueLabel(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "role" && typeof value === "string" && value in MEMBERSHIP_ROLE_LABELS)
    return MEMBERSHIP_ROLE_LABELS[value as keyof typeof MEMBERSHIP_ROLE_LABELS];
  if (typeof value === "string" && ISO_INSTANT.test(value)) return formatDateTime(new Date(value));
  if (typeof value === "string" && ISO_DAY.test(value)) return formatDate(new Date(`${value}T00:00:00Z`));
  if (typeof value === "boolean") return value ? "oui" : "non";
  return typeof value === "string" ? value : JSON.stringify(value);
}

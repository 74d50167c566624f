// The open data API's collections as it returns them (issue 15, docs/adr/0013-open-data-api.md):
// each collection's columns, walked from the field catalogues where a concept has one, and the
// zod schemas of its resources and of the query parameters. JSON, CSV, Table Schema and the
// OpenAPI document all derive from the columns declared here.
import { z } from "zod";
import { COMMITMENT_FIELDS, FICHE_FIELDS, OBJECTIVE_FIELDS } from "@/lib/fiches/schema";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { ContractStatus } from "@/lib/db/generated/enums";
import { findGeoEntry } from "@/lib/geo/reference";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import { appUrl } from "@/lib/mail/app-url";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/labels";
import { ROUTE_PARAMS } from "@/lib/params/route-params";
import type { PublicFicheContent } from "@/lib/publication/content";
import { publicFichePath } from "@/lib/publication/paths";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { catalogueColumns, column, own, resourceSchema, type Column } from "./columns";
import type { OpenAxisRow, OpenContractRow, OpenFicheRow, OpenPartiesRow, OpenTerritoryRow } from "./selects";

// ---------------------------------------------------------------------------------------------
// Sources: what each collection's rows are read from.

/** A published fiche with its public content read (lib/publication/content.ts). */
export type FicheSource = { row: OpenFicheRow; content: PublicFicheContent };
/** A row held inside a published fiche's content (an objective, an indicator…), with its place in the fiche (from 1). */
export type FicheChild<Item> = { fiche: FicheSource; item: Item; position: number };
export type ContractSource = OpenContractRow & { values: Readonly<Record<string, unknown>> };
type Party = OpenPartiesRow["signatories"][number] | OpenPartiesRow["partners"][number];
export type PartySource = { contract: OpenPartiesRow; party: Party; role: "signatory" | "partner" };
export type CommitmentItem = PublicFicheContent["commitments"][number] & { objectiveId: string | null };
export type MeasurementItem = PublicFicheContent["indicators"][number]["measurements"][number] & { indicatorId: string };
export type BudgetLineItem = Readonly<Record<string, unknown>>;

/** A JSON value's own fields, or none when it is not an object. */
export const fieldsOf = (value: unknown): Readonly<Record<string, unknown>> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

// ---------------------------------------------------------------------------------------------
// Columns shared by the collections: where a row stands.

type Place = { territory: { slug: string; region: { inseeCode: string } } };

const placeColumns = <Source>(place: (source: Source) => Place) => [
  column<Source>("territory", "Territoire (identifiant)", "string", (source) => place(source).territory.slug, {
    required: true,
    description: "Identifiant du territoire dans OpenCLS, celui de la collection territories et de sa page publique.",
  }),
  column<Source>("region_code", "Code INSEE de la région", "string", (source) => place(source).territory.region.inseeCode, {
    required: true,
  }),
];

const ficheContextColumns = <Source>(fiche: (source: Source) => FicheSource) => [
  column<Source>("fiche_id", "Fiche action (identifiant)", "uuid", (source) => fiche(source).row.ficheId, { required: true }),
  column<Source>("contract_id", "Contrat (identifiant)", "uuid", (source) => fiche(source).row.contractId, { required: true }),
  ...placeColumns<Source>((source) => fiche(source).row.contract),
];

const positionColumn = <Source extends { position: number }>(title: string) =>
  column<Source>("position", title, "integer", (source) => source.position, { required: true });

// ---------------------------------------------------------------------------------------------
// The collections.

/** A commune's name in the State's reference, by its INSEE code (empty when the reference no longer has it). */
const communeName = (code: string) => findGeoEntry("commune", code)?.name ?? "";

const territoryColumns: Array<Column<OpenTerritoryRow>> = [
  column("slug", "Identifiant", "string", (territory) => territory.slug, {
    required: true,
    description: "Identifiant du territoire dans OpenCLS (l’adresse de sa page publique).",
  }),
  column("name", "Nom", "string", (territory) => territory.name, { required: true }),
  column("kind", "Nature", "string", (territory) => territory.kind, { required: true, choices: TERRITORY_KIND_LABELS }),
  column("region_code", "Code INSEE de la région", "string", (territory) => territory.region.inseeCode, { required: true }),
  column("region_name", "Région", "string", (territory) => territory.region.name, { required: true }),
  column("department_codes", "Codes INSEE des départements", "list", (territory) => territory.departmentCodes),
  column("commune_codes", "Codes INSEE des communes couvertes", "list", (territory) => territory.communeCodes, {
    description: "Référentiel de l’État (découpage administratif).",
  }),
  column("commune_names", "Communes couvertes", "list", (territory) => territory.communeCodes.map(communeName), {
    description: "Noms des communes, dans l’ordre de commune_codes.",
  }),
  column("insee_code", "Code INSEE de la commune", "string", (territory) => territory.inseeCode, {
    description: "Pour un territoire qui est une commune.",
  }),
  column("siren", "SIREN", "string", (territory) => territory.siren, { description: "Pour un EPCI, un PETR ou un syndicat." }),
  column("url", "Page publique", "uri", (territory) => appUrl(`/territoires/${territory.slug}`), { required: true }),
];

const contractColumns: Array<Column<ContractSource>> = [
  column("id", "Identifiant", "uuid", (contract) => contract.id, { required: true }),
  ...placeColumns<ContractSource>((contract) => contract),
  ...catalogueColumns<ContractSource>(CONTRACT_FIELDS, (contract) => contract.values, {
    findings: {
      column: ({ name, title }) =>
        column(name, title, "list", (contract) => listOf(own(contract.values, name)).map((finding) => fieldsOf(finding).text)),
    },
    signatories: { collection: "partners" },
  }),
  column("published_at", "Publication", "datetime", (contract) => contract.publishedAt),
];

const axisColumns: Array<Column<OpenAxisRow>> = [
  column("id", "Identifiant", "uuid", (axis) => axis.id, { required: true }),
  column("contract_id", "Contrat (identifiant)", "uuid", (axis) => axis.contractId, { required: true }),
  ...placeColumns<OpenAxisRow>((axis) => axis.contract),
  column("position", "Ordre dans le contrat", "integer", (axis) => axis.position, { required: true }),
  column("number", "Numéro", "integer", (axis) => axis.number, { description: "Vide pour un axe transversal non numéroté." }),
  column("title", "Intitulé", "string", (axis) => axis.title, { required: true }),
  column("description", "Description", "string", (axis) => axis.description),
  column("is_transversal", "Axe transversal", "boolean", (axis) => axis.isTransversal, { required: true }),
];

const partyOrganisation = (source: PartySource) => source.party.organisation;
const partnerColumns: Array<Column<PartySource>> = [
  column("contract_id", "Contrat (identifiant)", "uuid", (source) => source.contract.id, { required: true }),
  ...placeColumns<PartySource>((source) => source.contract),
  column("role", "Rôle dans le contrat", "string", (source) => source.role, {
    required: true,
    choices: { signatory: "Signataire", partner: "Partenaire (non signataire)" },
  }),
  column("position", "Ordre dans la liste", "integer", (source) => source.party.position, { required: true }),
  column("organisation_id", "Organisation (identifiant)", "uuid", (source) => partyOrganisation(source).id, { required: true }),
  column("organisation_name", "Organisation", "string", (source) => partyOrganisation(source).name, { required: true }),
  column("organisation_kind", "Nature de l’organisation", "string", (source) => partyOrganisation(source).kind, {
    required: true,
    choices: ORGANISATION_KIND_LABELS,
  }),
  column("siren", "SIREN", "string", (source) => partyOrganisation(source).siren),
  column("siret", "SIRET", "string", (source) => partyOrganisation(source).siret),
  column("partner_role", "Rôle du partenaire", "string", (source) => ("role" in source.party ? source.party.role : null)),
  column("signed_on", "Signature", "date", (source) => ("signedOn" in source.party ? source.party.signedOn : null)),
  column("signer_name", "Nom du signataire", "string", (source) => ("signerName" in source.party ? source.party.signerName : null)),
  column("signer_title", "Qualité du signataire", "string", (source) => ("signerTitle" in source.party ? source.party.signerTitle : null)),
];

const named = (value: unknown) => text(fieldsOf(value).name);

const ficheColumns: Array<Column<FicheSource>> = [
  column("id", "Identifiant", "uuid", (fiche) => fiche.row.ficheId, { required: true }),
  column("contract_id", "Contrat (identifiant)", "uuid", (fiche) => fiche.row.contractId, { required: true }),
  ...placeColumns<FicheSource>((fiche) => fiche.row.contract),
  ...catalogueColumns<FicheSource>(FICHE_FIELDS, (fiche) => fiche.content.values, {
    partners: {
      column: ({ name, title }) =>
        column(name, title, "list", (fiche) =>
          listOf(own(fiche.content.values, name)).map((partner) => {
            const role = text(fieldsOf(partner).role);
            return `${named(fieldsOf(partner).organisation) ?? ""}${role ? ` (${role})` : ""}`;
          }),
        ),
    },
    milestones: {
      column: ({ name, title }) =>
        column(
          name,
          title,
          "list",
          (fiche) =>
            listOf(own(fiche.content.values, name)).map((milestone) => {
              const { title: step, dueOn, doneOn } = fieldsOf(milestone);
              return [text(dueOn), text(step), text(doneOn) ? `(faite le ${String(doneOn)})` : null].filter(Boolean).join(" ");
            }),
          { description: "Chaque étape\u00a0: son échéance (AAAA-MM-JJ), son intitulé, et sa date de réalisation si elle est faite." },
        ),
    },
    budgetLines: { collection: "budget-lines" },
    objectives: { collection: "objectives" },
  }),
  column("published_at", "Publication", "datetime", (fiche) => fiche.row.publishedAt, { required: true }),
  column(
    "url",
    "Page publique",
    "uri",
    (fiche) => appUrl(publicFichePath(fiche.row.contract.territory.slug, fiche.row.contract.generation, fiche.row.number)),
    { required: true },
  ),
];

type ObjectiveSource = FicheChild<PublicFicheContent["objectives"][number]>;
const objectiveColumns: Array<Column<ObjectiveSource>> = [
  column("id", "Identifiant", "uuid", (source) => source.item.id, { required: true }),
  ...ficheContextColumns<ObjectiveSource>((source) => source.fiche),
  positionColumn<ObjectiveSource>("Ordre dans la fiche"),
  ...catalogueColumns<ObjectiveSource>(OBJECTIVE_FIELDS, (source) => fieldsOf(source.item.values), {
    commitments: { collection: "commitments" },
  }),
];

type CommitmentSource = FicheChild<CommitmentItem>;
const commitmentColumns: Array<Column<CommitmentSource>> = [
  ...ficheContextColumns<CommitmentSource>((source) => source.fiche),
  positionColumn<CommitmentSource>("Ordre dans la fiche"),
  column("objective_id", "Objectif opérationnel (identifiant)", "uuid", (source) => source.item.objectiveId, {
    description: "Vide pour un engagement sur la fiche entière.",
  }),
  column("organisation_name", "Organisation engagée", "string", (source) => source.item.organisation, { required: true }),
  ...catalogueColumns<CommitmentSource>(COMMITMENT_FIELDS, (source) => fieldsOf(source.item.values)),
];

type IndicatorSource = FicheChild<PublicFicheContent["indicators"][number]>;
const indicatorColumns: Array<Column<IndicatorSource>> = [
  column("id", "Identifiant", "uuid", (source) => source.item.id, { required: true }),
  ...ficheContextColumns<IndicatorSource>((source) => source.fiche),
  column("objective_id", "Objectif opérationnel (identifiant)", "uuid", (source) => source.item.objectiveId, {
    description: "Vide pour un indicateur de la fiche entière.",
  }),
  ...catalogueColumns<IndicatorSource>(INDICATOR_FIELDS, (source) => fieldsOf(source.item.values)),
];

type MeasurementSource = FicheChild<MeasurementItem>;
const measurementColumns: Array<Column<MeasurementSource>> = [
  column("indicator_id", "Indicateur (identifiant)", "uuid", (source) => source.item.indicatorId, { required: true }),
  ...ficheContextColumns<MeasurementSource>((source) => source.fiche),
  column("measured_on", "Date de la mesure", "date", (source) => source.item.measuredOn, { required: true }),
  column("value", "Valeur mesurée", "decimal", (source) => source.item.value),
];

type BudgetLineSource = FicheChild<BudgetLineItem>;
/** Budget lines under the SCDL « subventions » names where one applies (schema.data.gouv.fr/scdl/subventions), ours in snake_case. */
const budgetLineColumns: Array<Column<BudgetLineSource>> = [
  ...ficheContextColumns<BudgetLineSource>((source) => source.fiche),
  positionColumn<BudgetLineSource>("Ordre dans la fiche"),
  column("nomAttribuant", "Nom de l’attribuant", "string", (source) => named(source.item.funder) ?? text(source.item.funderLabel), {
    description: "Le financeur de la ligne (nom du schéma SCDL «\u00a0subventions\u00a0»).",
  }),
  column("montant", "Montant", "decimal", (source) => source.item.amount, {
    required: true,
    description: "En euros (nom du schéma SCDL «\u00a0subventions\u00a0»).",
  }),
  column("objet", "Objet", "string", (source) => own(source.fiche.content.values, "title") ?? null, {
    description: "L’intitulé de la fiche action financée (nom du schéma SCDL «\u00a0subventions\u00a0»).",
  }),
  column("funding_instrument", "Dispositif de financement", "string", (source) => source.item.fundingInstrument, {
    description: "Par exemple FIR pour le fonds d’intervention régional des agences régionales de santé.",
  }),
  column("year", "Année", "integer", (source) => source.item.year),
];

type ForeignKey = { fields: string[]; reference: { resource: string; fields: string[] } };
const toContract: ForeignKey = { fields: ["contract_id"], reference: { resource: "contracts", fields: ["id"] } };
const toFiche: ForeignKey = { fields: ["fiche_id"], reference: { resource: "fiches", fields: ["id"] } };
const toTerritory: ForeignKey = { fields: ["territory"], reference: { resource: "territories", fields: ["slug"] } };

/** Query parameters that select rows, each for the collections whose rows it can select. */
export const FILTER_NAMES = ["region", "department", "status", "territory", "contract", "theme", "determinant", "prs_objective"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
const PLACE_FILTERS = ["region", "department", "territory"] as const satisfies readonly FilterName[];
const CONTRACT_FILTERS = [...PLACE_FILTERS, "status", "contract"] as const satisfies readonly FilterName[];
const FICHE_FILTERS = FILTER_NAMES;

type Definition<Source> = {
  title: string;
  description: string;
  columns: ReadonlyArray<Column<Source>>;
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKey[];
  filters: readonly FilterName[];
  /** Whether /api/v1/<collection>/<id> answers one resource by its primary key (a single column). */
  item: boolean;
};
const define = <Source>(definition: Definition<Source>) => definition;

export const COLLECTIONS = {
  territories: define({
    title: "Territoires",
    description: "Les territoires qui ont un contrat local de santé publié, avec leurs codes officiels et les communes qu’ils couvrent.",
    columns: territoryColumns,
    primaryKey: ["slug"],
    foreignKeys: [],
    filters: PLACE_FILTERS,
    item: true,
  }),
  contracts: define({
    title: "Contrats",
    description: "Les contrats locaux de santé publiés.",
    columns: contractColumns,
    primaryKey: ["id"],
    foreignKeys: [toTerritory],
    filters: CONTRACT_FILTERS,
    item: true,
  }),
  axes: define({
    title: "Axes stratégiques",
    description: "Les axes stratégiques des contrats publiés.",
    columns: axisColumns,
    primaryKey: ["id"],
    foreignKeys: [toContract],
    filters: CONTRACT_FILTERS,
    item: true,
  }),
  partners: define({
    title: "Signataires et partenaires",
    description: "Les organisations qui signent les contrats publiés ou y prennent part, avec leur SIREN.",
    columns: partnerColumns,
    primaryKey: ["contract_id", "role", "organisation_id"],
    foreignKeys: [toContract],
    filters: CONTRACT_FILTERS,
    item: false,
  }),
  fiches: define({
    title: "Fiches actions",
    description:
      "Les fiches actions publiées, dans la version publiée par la coordination du contrat, sans les fiches confidentielles ni les champs retenus.",
    columns: ficheColumns,
    primaryKey: ["id"],
    foreignKeys: [toContract, { fields: ["axis"], reference: { resource: "axes", fields: ["id"] } }],
    filters: FICHE_FILTERS,
    item: true,
  }),
  objectives: define({
    title: "Objectifs opérationnels",
    description: "Les objectifs opérationnels des fiches actions publiées.",
    columns: objectiveColumns,
    primaryKey: ["id"],
    foreignKeys: [toFiche],
    filters: FICHE_FILTERS,
    item: false,
  }),
  commitments: define({
    title: "Engagements des partenaires",
    description: "Ce à quoi chaque partenaire s’engage, sur un objectif ou sur une fiche action publiée.",
    columns: commitmentColumns,
    primaryKey: ["fiche_id", "position"],
    foreignKeys: [toFiche],
    filters: FICHE_FILTERS,
    item: false,
  }),
  indicators: define({
    title: "Indicateurs",
    description: "Les indicateurs des fiches actions publiées\u00a0: valeur de départ, cible, source.",
    columns: indicatorColumns,
    primaryKey: ["id"],
    foreignKeys: [toFiche],
    filters: FICHE_FILTERS,
    item: false,
  }),
  measurements: define({
    title: "Mesures des indicateurs",
    description: "Les valeurs mesurées des indicateurs des fiches actions publiées, datées.",
    columns: measurementColumns,
    primaryKey: ["indicator_id", "measured_on"],
    foreignKeys: [{ fields: ["indicator_id"], reference: { resource: "indicators", fields: ["id"] } }],
    filters: FICHE_FILTERS,
    item: false,
  }),
  "budget-lines": define({
    title: "Lignes de budget",
    description:
      "Les financements des fiches actions publiées (qui finance, combien), sauf quand la coordination retient le budget d’une fiche. Noms de colonnes du schéma SCDL «\u00a0subventions\u00a0» quand ils s’appliquent.",
    columns: budgetLineColumns,
    primaryKey: ["fiche_id", "position"],
    foreignKeys: [toFiche],
    filters: FICHE_FILTERS,
    item: false,
  }),
};

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export type Collection = (typeof COLLECTIONS)[CollectionName];

export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(COLLECTIONS, name);

/** The zod schema of one resource of each collection: exactly its columns. */
export const resourceSchemas = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, resourceSchema(COLLECTIONS[name].columns as ReadonlyArray<Column<never>>)]),
) as Record<CollectionName, ReturnType<typeof resourceSchema>>;

// ---------------------------------------------------------------------------------------------
// Query parameters.

export const PAGE_LIMIT = { default: 50, max: 200 } as const;

/** Free text compared as written: no control character (PostgreSQL refuses NUL), 300 characters at most. */
const filterText = z
  .string()
  .trim()
  .regex(/^[^\u0000-\u001f\u007f-\u009f]{1,300}$/);

export const filtersSchema = z.object({
  region: z
    .string()
    .regex(/^\d{2,3}$/)
    .optional(),
  department: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/)
    .optional(),
  status: z.enum(ContractStatus).optional(),
  territory: ROUTE_PARAMS.slug.optional(),
  contract: z.uuid().optional(),
  theme: filterText.optional(),
  determinant: filterText.optional(),
  // A PRS objective as fiches name it: its code, a dash and its label of up to 500 characters.
  prs_objective: z
    .string()
    .trim()
    .regex(/^[^\u0000-\u001f\u007f-\u009f]{1,530}$/)
    .optional(),
});
export type Filters = z.infer<typeof filtersSchema>;

export const limitSchema = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .refine((limit) => limit >= 1 && limit <= PAGE_LIMIT.max)
  .optional()
  .transform((limit) => limit ?? PAGE_LIMIT.default);

/** What a client is told when a parameter cannot be read. */
export const PARAMETER_ERRORS: Record<FilterName | "limit" | "cursor", string> = {
  region: "Le paramètre region attend le code INSEE d’une région, par exemple 84.",
  department: "Le paramètre department attend le code INSEE d’un département, par exemple 26, 2A ou 974.",
  status: `Le paramètre status attend l’étape d’un contrat\u00a0: ${Object.keys(CONTRACT_STATUS_LABELS).join(", ")}.`,
  territory: "Le paramètre territory attend l’identifiant d’un territoire, par exemple romans-sur-isere.",
  contract: "Le paramètre contract attend l’identifiant (UUID) d’un contrat.",
  theme: "Le paramètre theme attend un texte de 1 à 300 caractères.",
  determinant: "Le paramètre determinant attend un texte de 1 à 300 caractères.",
  prs_objective: "Le paramètre prs_objective attend un texte de 1 à 530 caractères.",
  limit: `Le paramètre limit attend un nombre entier de 1 à ${PAGE_LIMIT.max}.`,
  cursor: "Le curseur est invalide\u00a0: reprenez la valeur next_cursor (ou le lien links.next) de la page précédente.",
};

/** French descriptions of the parameters, for the OpenAPI document and /donnees. */
export const PARAMETER_DESCRIPTIONS: Record<FilterName | "limit" | "cursor", string> = {
  region: "Code INSEE de la région (par exemple 84 pour Auvergne-Rhône-Alpes).",
  department: "Code INSEE d’un département du territoire (par exemple 26, 2A, 974).",
  status: "Étape du contrat.",
  territory: "Identifiant du territoire (par exemple romans-sur-isere).",
  contract: "Identifiant du contrat.",
  theme:
    "Le code d’une thématique de la fiche action (par exemple mental_health pour la santé mentale), tel que la colonne themes l’écrit.",
  determinant: "Un déterminant de santé de la fiche action, écrit exactement.",
  prs_objective: "L’objectif du projet régional de santé de la fiche action, écrit exactement comme la fiche le nomme (code et intitulé).",
  limit: `Nombre de lignes par page, de 1 à ${PAGE_LIMIT.max} (${PAGE_LIMIT.default} par défaut).`,
  cursor: "Où reprendre\u00a0: la valeur next_cursor de la page précédente.",
};

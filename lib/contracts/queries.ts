// Workspace reads of one contract: its overview (axes, fiches, progress), its reading page and its edit form.
// Each is one query for the contract plus one for the organisation list; the contract is
// looked up through its territory's slug, so an id from another territory is not found.
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { organisationChoices } from "@/lib/organisations/queries";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProgressStatus } from "@/lib/db/generated/enums";
import { dateInputValue } from "@/lib/validation/fields";
import {
  axisHeadingSelect,
  contractFindingsSelect,
  contractPartiesSelect,
  contractRecordSelect,
  contractValuesSelect,
  objectivesProgressJson,
  territoryKeysSelect,
} from "./selects";
import { canReadContract, contractAccessSelect, territoryResource, type TerritoryScope } from "@/lib/workspaces/resource";

const territoryKeys = { select: territoryKeysSelect } as const;

/** A contract by its id within the territory named by the slug: an id from another territory is not found. */
export function findContractInTerritory<S extends Prisma.ContractSelect>(territorySlug: string, contractId: string, select: S) {
  return getDb().contract.findFirst({
    relationLoadStrategy: "join",
    where: { id: contractId, territory: { slug: territorySlug } },
    select,
  });
}

/** A contract with the columns `select` names, for an actor who may edit it; otherwise a NotFoundError. */
export async function getEditableContract<S extends Prisma.ContractSelect & { territory: { select: typeof territoryKeysSelect } }>(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  select: S,
) {
  const contract = await findContractInTerritory(territorySlug, contractId, select);
  if (!contract) throw new NotFoundError();
  assertCan(actor, "contract.edit", territoryResource((contract as { territory: TerritoryScope }).territory));
  return contract;
}

/** A contract the actor may read in the workspace (lib/workspaces/resource.ts), or a NotFoundError. */
export function readableOrNotFound<T extends Parameters<typeof canReadContract>[2] & { territory: TerritoryScope }>(
  actor: Actor,
  contract: T | null,
): T {
  if (!contract || !canReadContract(actor, contract.territory, contract)) throw new NotFoundError();
  return contract;
}

// Partners read the contracts they take part in, never a draft: the facts come with the page's query.
const overviewSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    generation: true,
    signedOn: true,
    startsOn: true,
    endsOn: true,
    durationMonths: true,
    version: true,
    updatedAt: true,
    territory: territoryKeys,
    axes: { orderBy: { position: "asc" }, select: { id: true, position: true, ...axisHeadingSelect, version: true } },
    // Its generations either side (lib/renewal): the contract it follows and the one that follows it.
    previousContract: { select: { id: true, title: true, generation: true } },
    nextContract: { select: { id: true, title: true, generation: true } },
  }) satisfies Prisma.ContractSelect;

/** What the contract page shows of each fiche, and what its progress rolls up from. */
export type OverviewFiche = {
  id: string;
  axisId: string;
  number: number;
  title: string;
  status: ProgressStatus;
  progress: number;
  weight: number | null;
  pilotUserId: string | null;
  objectives: { progress: number; weight: number | null; status: ProgressStatus }[];
  version: number;
  confidential: boolean;
  /** The version of the fiche the public reads (lib/publication); null when it is not published. */
  publishedVersion: number | null;
  /** The day a signed amendment closed it (lib/amendments). */
  closedOn: Date | null;
};

type OverviewRow = Prisma.ContractGetPayload<{ select: ReturnType<typeof overviewSelect> }>;
export type ContractOverview = Omit<OverviewRow, "axes"> & { axes: (OverviewRow["axes"][number] & { fiches: OverviewFiche[] })[] };

/**
 * The contract page: the contract and its axes, then every fiche outside the trash with its
 * objectives' progress, for the roll-up. The fiches are plain rows with their objectives in
 * one JSON array: nested in Prisma's query, they cost PostgreSQL (planning) and Prisma three
 * times as much, on the page that reads the most.
 */
export async function getContractOverview(actor: Actor, territorySlug: string, contractId: string): Promise<ContractOverview> {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, overviewSelect(actor)));
  const fiches = await getDb().$queryRaw<OverviewFiche[]>`
    SELECT f.id, f."axisId", f.number, f.title, f.status, f.progress, f.weight, f."pilotUserId",
      ${objectivesProgressJson} AS objectives, f.version, f.confidential, p.version AS "publishedVersion", f."closedOn"
    FROM "FicheAction" f
    LEFT JOIN "PublicFiche" p ON p."ficheId" = f.id
    WHERE f."contractId" = ${contract.id}::uuid AND f."deletedAt" IS NULL
    ORDER BY f.number`;
  return { ...contract, axes: withTheirFiches(contract.axes, fiches) };
}

/** Each axis with its fiches, read apart as plain rows in the fiches' order. */
function withTheirFiches<Axis extends { id: string }, Fiche extends { axisId: string }>(axes: Axis[], fiches: Fiche[]) {
  const byAxis = new Map<string, Fiche[]>(axes.map((axis) => [axis.id, []]));
  for (const fiche of fiches) byAxis.get(fiche.axisId)?.push(fiche);
  return axes.map((axis) => ({ ...axis, fiches: byAxis.get(axis.id) ?? [] }));
}

// The reading page: the contract's record, parties and axes; each fiche is read whole on a page of its own.
const readingSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    ...contractRecordSelect,
    ...contractPartiesSelect,
    id: true,
    territory: { select: { ...territoryKeysSelect, region: { select: { name: true } } } },
    axes: { orderBy: { position: "asc" }, select: { id: true, ...axisHeadingSelect } },
  }) satisfies Prisma.ContractSelect;

/** A fiche as the reading page lists it. */
export type ReadingFiche = {
  id: string;
  axisId: string;
  number: number;
  title: string;
  status: ProgressStatus;
  pilotOrganisationName: string | null;
};

/** The contract's reading page, for whoever may read it in the workspace: the contract, then its fiches outside the trash as list rows. */
export async function getContractReading(actor: Actor, territorySlug: string, contractId: string) {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, readingSelect(actor)));
  const fiches = await getDb().$queryRaw<ReadingFiche[]>`
    SELECT f.id, f."axisId", f.number, f.title, f.status, o.name AS "pilotOrganisationName"
    FROM "FicheAction" f
    LEFT JOIN "Organisation" o ON o.id = f."pilotOrganisationId"
    WHERE f."contractId" = ${contract.id}::uuid AND f."deletedAt" IS NULL
    ORDER BY f.number`;
  return { ...contract, axes: withTheirFiches(contract.axes, fiches) };
}

/** The new-contract form: its territory, the next generation number, the organisations to pick. */
export async function getNewContractForm(actor: Actor, territorySlug: string) {
  const territory = await getDb().territory.findUnique({
    where: { slug: territorySlug },
    select: { ...territoryKeys.select, contracts: { orderBy: { generation: "desc" }, take: 1, select: { generation: true } } },
  });
  if (!territory) throw new NotFoundError();
  assertCan(actor, "contract.edit", territoryResource(territory));
  return {
    territory,
    nextGeneration: (territory.contracts[0]?.generation ?? 0) + 1,
    organisations: await organisationChoices(territorySlug, []),
  };
}

const editSelect = {
  id: true,
  version: true,
  ...contractValuesSelect,
  territory: territoryKeys,
  findings: contractFindingsSelect,
  signatories: {
    orderBy: { position: "asc" },
    select: {
      organisationId: true,
      signerName: true,
      signerTitle: true,
      signedOn: true,
      deliberationReference: true,
      deliberationDate: true,
    },
  },
} satisfies Prisma.ContractSelect;

/** The contract's edit form, with its values as the form's strings. */
export async function getContractEditForm(actor: Actor, territorySlug: string, contractId: string) {
  const contract = await getEditableContract(actor, territorySlug, contractId, editSelect);
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    contract: { id: contract.id, title: contract.title, version: contract.version, territory: contract.territory },
    values: {
      title: contract.title,
      generation: String(contract.generation),
      status: contract.status,
      visibility: contract.visibility,
      summary: text(contract.summary),
      councilAdoptedOn: dateInputValue(contract.councilAdoptedOn),
      signedOn: dateInputValue(contract.signedOn),
      startsOn: dateInputValue(contract.startsOn),
      endsOn: dateInputValue(contract.endsOn),
      prsReference: text(contract.prsReference),
      diagnosisSource: text(contract.diagnosisSource),
      diagnosisYear: text(contract.diagnosisYear),
      diagnosisSummary: text(contract.diagnosisSummary),
      mentalHealthComponent: text(contract.mentalHealthComponent),
      clsmStatus: contract.clsmStatus,
      clsmName: text(contract.clsmName),
      findings: contract.findings,
      signatories: contract.signatories.map((signatory) => ({
        organisationId: signatory.organisationId,
        signerName: text(signatory.signerName),
        signerTitle: text(signatory.signerTitle),
        signedOn: dateInputValue(signatory.signedOn),
        deliberationReference: text(signatory.deliberationReference),
        deliberationDate: dateInputValue(signatory.deliberationDate),
      })),
    },
    organisations: await organisationChoices(
      territorySlug,
      contract.signatories.map((signatory) => signatory.organisationId),
    ),
  };
}

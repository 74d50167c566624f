// What the open data reads of each record: public columns only, with the place (territory slug,
// region code) every row carries so that a file can be filtered without joining another.
import type { Prisma } from "@/lib/db/generated/client";
import { axisHeadingSelect, contractRecordSelect } from "@/lib/contracts/selects";

/** Where a row stands: its territory's slug and its region's INSEE code. */
const placeSelect = { slug: true, region: { select: { inseeCode: true } } } satisfies Prisma.TerritorySelect;

export const openTerritorySelect = {
  slug: true,
  name: true,
  kind: true,
  departmentCodes: true,
  communeCodes: true,
  inseeCode: true,
  siren: true,
  region: { select: { inseeCode: true, name: true } },
} satisfies Prisma.TerritorySelect;

export const openContractSelect = {
  id: true,
  publishedAt: true,
  ...contractRecordSelect,
  territory: { select: placeSelect },
} satisfies Prisma.ContractSelect;

export const openAxisSelect = {
  id: true,
  contractId: true,
  position: true,
  ...axisHeadingSelect,
  contract: { select: { territory: { select: placeSelect } } },
} satisfies Prisma.AxisSelect;

const partyOrganisationSelect = { select: { id: true, name: true, kind: true, siren: true, siret: true } } as const;

/** A published contract's signatories and partners, as its public page lists them, with their official identifiers. */
export const openPartiesSelect = {
  id: true,
  territory: { select: placeSelect },
  signatories: {
    orderBy: { position: "asc" },
    select: { position: true, signedOn: true, signerName: true, signerTitle: true, organisation: partyOrganisationSelect },
  },
  partners: { orderBy: { position: "asc" }, select: { position: true, role: true, organisation: partyOrganisationSelect } },
} satisfies Prisma.ContractSelect;

/** A published fiche and where it stands; its public content (lib/publication) is read apart, only the parts a collection needs. */
export const openFicheSelect = {
  ficheId: true,
  contractId: true,
  number: true,
  publishedAt: true,
  contract: { select: { generation: true, territory: { select: placeSelect } } },
} satisfies Prisma.PublicFicheSelect;

export type OpenTerritoryRow = Prisma.TerritoryGetPayload<{ select: typeof openTerritorySelect }>;
export type OpenContractRow = Prisma.ContractGetPayload<{ select: typeof openContractSelect }>;
export type OpenAxisRow = Prisma.AxisGetPayload<{ select: typeof openAxisSelect }>;
export type OpenPartiesRow = Prisma.ContractGetPayload<{ select: typeof openPartiesSelect }>;
export type OpenFicheRow = Prisma.PublicFicheGetPayload<{ select: typeof openFicheSelect }>;

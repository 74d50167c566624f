// Reads of renewal: the « Préparer le contrat suivant » form (the ending contract's axes and fiches
// to choose from, or the next contract already prepared), and a fiche's earlier generations, the
// chain of fiches it continues, for the workspace and for the public fiche page.
import type { Actor } from "@/lib/authz";
import { getEditableContract } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { listedFiches } from "@/lib/fiches/selects";

const renewalFormSelect = {
  id: true,
  title: true,
  generation: true,
  status: true,
  territory: { select: territoryKeysSelect },
  nextContract: { select: { id: true, title: true, generation: true } },
  axes: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      isTransversal: true,
      fiches: { ...listedFiches, select: { id: true, number: true, title: true, status: true, closedOn: true } },
    },
  },
} satisfies Prisma.ContractSelect;

/** The ending contract as the renewal form shows it, for whoever may edit it (one query); otherwise a NotFoundError. */
export function getRenewalForm(actor: Actor, territorySlug: string, contractId: string) {
  return getEditableContract(actor, territorySlug, contractId, renewalFormSelect);
}

export type RenewalForm = Awaited<ReturnType<typeof getRenewalForm>>;

/** Generations followed back at most: more than a territory's contracts ever number. */
const MAX_GENERATIONS = 20;

/** A fiche of an earlier contract that a fiche continues, directly or through others. */
export type EarlierFiche = {
  id: string;
  number: number;
  title: string;
  contractId: string;
  generation: number;
  /** Its public page exists: published, neither confidential nor in the trash, in a published contract. */
  published: boolean;
  /** Its number and title as published (its public page's address and heading), when it has one. */
  publicNumber: number | null;
  publicTitle: string | null;
  inTrash: boolean;
};

/**
 * The fiches `ficheId` continues, the nearest generation first, within `territoryId` (a link
 * elsewhere is not followed): one statement whatever the chain's length.
 */
export async function listEarlierGenerations(ficheId: string, territoryId: string, { publicOnly = false } = {}): Promise<EarlierFiche[]> {
  const rows = await getDb().$queryRaw<EarlierFiche[]>`
    WITH RECURSIVE chain (id, depth) AS (
      SELECT f."continuesFicheId", 1 FROM "FicheAction" f WHERE f.id = ${ficheId}::uuid AND f."continuesFicheId" IS NOT NULL
      UNION ALL
      SELECT f."continuesFicheId", chain.depth + 1 FROM chain JOIN "FicheAction" f ON f.id = chain.id
      WHERE f."continuesFicheId" IS NOT NULL AND chain.depth < ${MAX_GENERATIONS}
    )
    SELECT f.id, f.number, f.title, f."contractId", c.generation, f."deletedAt" IS NOT NULL AS "inTrash",
      (p."ficheId" IS NOT NULL AND f."deletedAt" IS NULL AND NOT f.confidential AND c.visibility = 'published') AS published,
      p.number AS "publicNumber", p.title AS "publicTitle"
    FROM chain
    JOIN "FicheAction" f ON f.id = chain.id
    JOIN "Contract" c ON c.id = f."contractId"
    LEFT JOIN "PublicFiche" p ON p."ficheId" = f.id
    WHERE c."territoryId" = ${territoryId}::uuid
    ORDER BY chain.depth`;
  return publicOnly ? rows.filter((row) => row.published) : rows;
}

// The pages the bench measures, on the worst records of the national dataset: territory
// fictif-0001's contract (the largest), its fiche with the most indicators, the region with the
// most contracts. Shared by the bench and the test that SQL statements do not grow with the data.
import type pg from "pg";
import { NATIONAL_EMAIL_DOMAIN } from "@/lib/seed/national/plan";

export type Account = "anonymous" | "coordinator" | "ars" | "admin" | "partner";
export type BenchPage = {
  name: string;
  path: string;
  account: Account;
  public: boolean;
  /** A search: held to its latency at 10 connections rather than to the public pages' throughput (targets.ts). */
  search?: boolean;
};

export const EMPTY_PAGE = "Page vide";

export const BENCH_ACCOUNTS: Record<Exclude<Account, "anonymous">, string> = {
  coordinator: `coordination-0001@${NATIONAL_EMAIL_DOMAIN}`,
  // Occitanie: the region with the most contracts.
  ars: `ars-76@${NATIONAL_EMAIL_DOMAIN}`,
  admin: `admin@${NATIONAL_EMAIL_DOMAIN}`,
  // The first organisation of the Ain, which commits to fiches of every territory of the département.
  partner: `partenaire-01-01@${NATIONAL_EMAIL_DOMAIN}`,
};

export async function benchPages(client: pg.ClientBase): Promise<BenchPage[]> {
  const { rows } = await client.query<{ contract_id: string; fiche_id: string }>(
    `SELECT c.id AS contract_id, f.id AS fiche_id FROM "Territory" t
     JOIN "Contract" c ON c."territoryId" = t.id JOIN "FicheAction" f ON f."contractId" = c.id
     LEFT JOIN "Indicator" i ON i."ficheId" = f.id
     WHERE t.slug = 'fictif-0001' AND f."closedOn" IS NULL
     GROUP BY c.id, f.id, c.generation, f.number ORDER BY c.generation DESC, count(i.*) DESC, f.number LIMIT 1`,
  );
  const { contract_id: contract, fiche_id: fiche } = rows[0];
  const { rows: commitments } = await client.query<{ id: string }>(
    `SELECT k.id FROM "Commitment" k
     JOIN "OperationalObjective" o ON o.id = k."objectiveId" JOIN "FicheAction" f ON f.id = o."ficheId"
     JOIN "Contract" c ON c.id = f."contractId" JOIN "Territory" t ON t.id = c."territoryId"
     JOIN "Membership" m ON m."organisationId" = k."organisationId" AND m."territoryId" = t.id JOIN "User" u ON u.id = m."userId"
     WHERE t.slug = 'fictif-0001' AND u.email = $1 ORDER BY c.generation DESC, f.number, o.position LIMIT 1`,
    [BENCH_ACCOUNTS.partner],
  );
  if (!commitments.length)
    throw new Error(`${BENCH_ACCOUNTS.partner} has no commitment in fictif-0001: reload the dataset (npm run db:seed:national)`);
  const { rows: campaigns } = await client.query<{ id: string }>(
    `SELECT id FROM "EvaluationCampaign" WHERE "contractId" = $1 AND kind = 'mid_term'`,
    [contract],
  );
  if (!campaigns.length) throw new Error("The largest contract has no mid-term campaign: reload the dataset (npm run db:seed:national)");
  const { rows: open } = await client.query<{ id: string }>(
    `SELECT id FROM "EvaluationCampaign" WHERE "contractId" = $1 AND status = 'open'`,
    [contract],
  );
  if (!open.length) throw new Error("The largest contract has no open campaign: reload the dataset (npm run db:seed:national)");
  // The published fiche with the most indicators of the territory's current public contract.
  const { rows: published } = await client.query<{ generation: number; number: number }>(
    `SELECT c.generation, p.number FROM "PublicFiche" p JOIN "Contract" c ON c.id = p."contractId"
     JOIN "Territory" t ON t.id = c."territoryId" LEFT JOIN "Indicator" i ON i."ficheId" = p."ficheId"
     WHERE t.slug = 'fictif-0001' AND c.visibility = 'published'
     GROUP BY c.generation, p.number ORDER BY c.generation DESC, count(i.*) DESC, p.number LIMIT 1`,
  );
  if (!published.length) throw new Error("fictif-0001 has no published fiche: run npm run bench again, which publishes them");
  // The region with the most published fiches: the open data API's largest region.
  const { rows: regions } = await client.query<{ code: string }>(
    `SELECT r."inseeCode" AS code FROM "PublicFiche" p JOIN "Contract" c ON c.id = p."contractId"
     JOIN "Territory" t ON t.id = c."territoryId" JOIN "Region" r ON r.id = t."regionId"
     WHERE c.visibility = 'published' GROUP BY r."inseeCode" ORDER BY count(*) DESC, r."inseeCode" LIMIT 1`,
  );
  // Its signed amendment and a public document (lib/seed/national/life.ts).
  const { rows: amendments } = await client.query<{ id: string }>(
    `SELECT id FROM "Amendment" WHERE "contractId" = $1 AND status = 'signed'`,
    [contract],
  );
  const { rows: documents } = await client.query<{ id: string }>(
    `SELECT d.id FROM "Document" d JOIN "DocumentFile" f ON f."documentId" = d.id WHERE d."contractId" = $1 AND d."isPublic" ORDER BY d.id LIMIT 1`,
    [contract],
  );
  if (!amendments.length || !documents.length)
    throw new Error("The largest contract has no amendment or public document: run npm run bench again, which adds them");
  // The open final campaign: its page and forms are the ones people work in.
  const campaign = open[0].id;
  const workspace = "/espace/fictif-0001";
  return [
    { name: EMPTY_PAGE, path: "/bench", account: "anonymous", public: true },
    { name: "Accueil", path: "/", account: "anonymous", public: true },
    { name: "Accueil, commune cherchée", path: "/?commune=26100", account: "anonymous", public: true },
    { name: "Page publique du territoire", path: "/territoires/fictif-0001", account: "anonymous", public: true },
    // Words every region's fiches hold, and a search narrowed by a facet.
    { name: "Recherche « santé mentale »", path: "/recherche?q=sant%C3%A9+mentale", account: "anonymous", public: true, search: true },
    {
      name: "Recherche « prévention », une région",
      path: "/recherche?q=pr%C3%A9vention&region=occitanie",
      account: "anonymous",
      public: true,
      search: true,
    },
    // The same search rendered for a signed-in visitor, whom the kept pages never serve: what a search no one asked before costs.
    {
      name: "Recherche « santé mentale », rendue (connecté)",
      path: "/recherche?q=sant%C3%A9+mentale",
      account: "coordinator",
      public: false,
      search: true,
    },
    {
      name: "Page publique d’une fiche",
      path: `/territoires/fictif-0001/cls-${published[0].generation}/fiches/${published[0].number}`,
      account: "anonymous",
      public: true,
    },
    // The open data API: a page of a region's fiches (their public content), and a territory's fiches as a CSV file.
    { name: "Données ouvertes", path: "/donnees", account: "anonymous", public: true },
    { name: "Plan du site (index)", path: "/sitemap.xml", account: "anonymous", public: true },
    { name: "API – fiches d’une région (JSON)", path: `/api/v1/fiches?region=${regions[0].code}`, account: "anonymous", public: true },
    { name: "API – fiches d’un territoire (CSV)", path: "/api/v1/fiches.csv?territory=fictif-0001", account: "anonymous", public: true },
    {
      name: "Document public (fichier)",
      path: `/territoires/fictif-0001/documents/${documents[0].id}`,
      account: "anonymous",
      public: true,
    },
    { name: "Espace du territoire", path: workspace, account: "coordinator", public: false },
    { name: "Contrat", path: `${workspace}/contrats/${contract}`, account: "coordinator", public: false },
    { name: "Tableau de bord", path: `${workspace}/contrats/${contract}/tableau-de-bord`, account: "coordinator", public: false },
    {
      // The closed mid-term campaign read from its snapshot, compared with the open final one read live.
      name: "Tableau de bord de l’évaluation",
      path: `${workspace}/contrats/${contract}/evaluations/${campaigns[0].id}/tableau-de-bord`,
      account: "coordinator",
      public: false,
    },
    { name: "Modifier le contrat", path: `${workspace}/contrats/${contract}/modifier`, account: "coordinator", public: false },
    { name: "Fiche action (édition)", path: `${workspace}/contrats/${contract}/fiches/${fiche}`, account: "coordinator", public: false },
    {
      name: "Indicateurs de la fiche",
      path: `${workspace}/contrats/${contract}/fiches/${fiche}/indicateurs`,
      account: "coordinator",
      public: false,
    },
    { name: "Nouvelle fiche", path: `${workspace}/contrats/${contract}/fiches/nouvelle`, account: "coordinator", public: false },
    {
      name: "Campagne d’évaluation",
      path: `${workspace}/contrats/${contract}/evaluations/${campaign}`,
      account: "coordinator",
      public: false,
    },
    {
      name: "Bilan d’une fiche",
      path: `${workspace}/contrats/${contract}/evaluations/${campaign}/fiches/${fiche}`,
      account: "coordinator",
      public: false,
    },
    { name: "Gouvernance", path: `${workspace}/contrats/${contract}/gouvernance`, account: "coordinator", public: false },
    { name: "Besoins et actions", path: `${workspace}/contrats/${contract}/besoins`, account: "coordinator", public: false },
    { name: "Préparer le contrat suivant", path: `${workspace}/contrats/${contract}/renouveler`, account: "coordinator", public: false },
    {
      name: "Avenant signé",
      path: `${workspace}/contrats/${contract}/avenants/${amendments[0].id}`,
      account: "coordinator",
      public: false,
    },
    { name: "Documents du contrat", path: `${workspace}/contrats/${contract}/documents`, account: "coordinator", public: false },
    // The agency's reading pages, with the review controls (an admin holds the agency's rights everywhere).
    { name: "Lecture du contrat", path: `${workspace}/contrats/${contract}/lecture`, account: "admin", public: false },
    { name: "Lecture d’une fiche", path: `${workspace}/contrats/${contract}/lecture/fiches/${fiche}`, account: "admin", public: false },
    { name: "Mes espaces (ARS)", path: "/espace", account: "ars", public: false },
    { name: "Mes espaces (admin)", path: "/espace", account: "admin", public: false },
    // Occitanie, the region with the most contracts: every one is flagged, a page of them listed.
    { name: "Portefeuille régional", path: "/portefeuille", account: "ars", public: false },
    { name: "Portefeuille régional (carte)", path: "/portefeuille?vue=carte", account: "ars", public: false },
    { name: "Portefeuille régional (graphique)", path: "/portefeuille?vue=graphique", account: "ars", public: false },
    { name: "Objectifs du PRS (ARS)", path: "/portefeuille/objectifs-prs", account: "ars", public: false },
    { name: "Administration", path: "/admin", account: "admin", public: false },
    { name: "Membres (admin)", path: "/admin/membres", account: "admin", public: false },
    { name: "Mes engagements (partenaire)", path: "/engagements", account: "partner", public: false },
    { name: "Engagement (partenaire)", path: `/engagements/${commitments[0].id}`, account: "partner", public: false },
    { name: "Notifications (partenaire)", path: "/notifications", account: "partner", public: false },
    { name: "Préférences d’e-mail", path: "/notifications/preferences", account: "partner", public: false },
  ];
}

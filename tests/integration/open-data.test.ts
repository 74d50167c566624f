// Issue 15, point 4: the open data API through its real route handlers, against PostgreSQL.
// Every collection's rows validate against the zod schemas the OpenAPI document is built from;
// paging reads every row once; filters, ETags, CORS and errors behave as documented; and no
// confidential fiche, withheld field, unpublished fiche or draft contract shows anywhere.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collectionRoute from "@/app/api/v1/[collection]/route";
import * as itemRoute from "@/app/api/v1/[collection]/[id]/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as indexRoute from "@/app/api/v1/route";
import { disconnectDb, getDb } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { apiRateLimiter } from "@/lib/open-data/http";
import { componentName, itemSchema, pageSchema } from "@/lib/open-data/openapi";
import { COLLECTION_NAMES, COLLECTIONS, resourceSchemas, type CollectionName } from "@/lib/open-data/schema";
import { publishAllFiches } from "@/lib/publication/publish";
import { invalidateLocally, setListening } from "@/lib/public-pages/cache";
import { CACHE_STATUS_HEADER } from "@/lib/server/public-page-responses";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { freePort } from "../support/ports";

setupAppDatabase();
afterAll(() => apiRateLimiter().flush());

const BASE = "http://localhost:3000";
/** Strings that only confidential, withheld or unpublished records hold: none may come out of the API. */
const SECRETS = {
  confidentialFiche: "Fiche confidentielle du contrat",
  confidentialLater: "Fiche devenue confidentielle",
  withheldBudget: "98765.43",
  withheldFunder: "Financeur retenu",
  withheldContactName: "Camille Retenue",
  withheldContactEmail: "camille.retenue@exemple.test",
  unpublishedFiche: "Fiche jamais publiée",
  trashedFiche: "Fiche mise à la corbeille",
  draftContract: "Contrat en brouillon",
  draftContractFiche: "Fiche d’un contrat repassé en brouillon",
  draftPartner: "Partenaire du seul brouillon",
  draftOnlyTerritory: "territoire-brouillon-seul",
  // Never public even on a published fiche: the catalogue marks them so.
  priority: "high",
  measurementComment: "Commentaire interne de la mesure",
};

type World = {
  contractId: string;
  ficheIds: string[];
  confidentialFicheId: string;
  draftContractId: string;
  otherContractId: string;
};
let world: World;

/** Calls the route handler that serves `target`, as the app's router would. */
async function call(target: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(target, BASE);
  const request = new Request(url, init);
  const segments = url.pathname
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter(Boolean);
  const method = (init.method ?? "GET") as "GET" | "HEAD" | "OPTIONS";
  if (segments.length === 0) return method === "OPTIONS" ? indexRoute.OPTIONS() : indexRoute[method](request, {});
  if (segments[0] === "openapi.json") return method === "OPTIONS" ? openApiRoute.OPTIONS() : openApiRoute[method](request, {});
  if (segments.length === 1) {
    if (method === "OPTIONS") return collectionRoute.OPTIONS();
    return collectionRoute[method](request, { params: Promise.resolve({ collection: decodeURIComponent(segments[0]) }) });
  }
  return itemRoute.GET(request, { params: Promise.resolve({ collection: segments[0], id: decodeURIComponent(segments[1]) }) });
}

async function json(target: string) {
  const response = await call(target);
  expect(response.status, `${target}: ${response.status}`).toBe(200);
  return (await response.json()) as { data: Array<Record<string, unknown>>; next_cursor: string | null; links: { next: string | null } };
}

/** Every row of a collection, page after page, following links.next. */
async function readAll(name: CollectionName, query = "", limit = 200) {
  const rows: Array<Record<string, unknown>> = [];
  let next: string | null = `/api/v1/${name}?${query}${query ? "&" : ""}limit=${limit}`;
  let pages = 0;
  while (next) {
    const page = await json(next);
    pageSchema(name).parse(page);
    rows.push(...page.data);
    next = page.links.next;
    expect(++pages).toBeLessThan(500);
  }
  return rows;
}

const keyOf = (name: CollectionName, row: Record<string, unknown>) => COLLECTIONS[name].primaryKey.map((key) => row[key]).join("|");

beforeAll(async () => {
  process.env.OPENCLS_API_RATE_LIMIT = "0";
  const db = getDb();
  const drome = await createRegion(db, { inseeCode: "84", name: "Auvergne-Rhône-Alpes" });
  const charente = await createRegion(db, { inseeCode: "75", name: "Nouvelle-Aquitaine" });
  const romans = await createTerritory(db, {
    slug: "valence-romans-agglo",
    name: "Valence Romans Agglo",
    kind: "communaute_agglomeration",
    regionId: drome.id,
    departmentCodes: ["26"],
    communeCodes: ["26281", "26057"],
    siren: "200068781",
  });
  const ruffec = await createTerritory(db, { slug: "pays-ruffecois", regionId: charente.id, departmentCodes: ["16"] });
  await createTerritory(db, { slug: SECRETS.draftOnlyTerritory, regionId: drome.id, departmentCodes: ["26"] });

  const prsObjective = await db.prsObjective.create({ data: { regionId: drome.id, label: "Objectif PRS 2.1" } });
  const cpam = await createOrganisation(db, { name: "CPAM de la Drôme", kind: "cpam", siren: "779560001", siret: "77956000100019" });
  const ars = await createOrganisation(db, { name: "ARS Auvergne-Rhône-Alpes", kind: "ars", siren: "130007917" });
  const funder = await createOrganisation(db, { name: "Conseil départemental de la Drôme", kind: "conseil_departemental" });
  const hidden = await createOrganisation(db, { name: SECRETS.withheldFunder });
  const draftPartner = await createOrganisation(db, { name: SECRETS.draftPartner });

  const contract = await createContract(db, {
    territoryId: romans.id,
    title: "Contrat local de santé de Valence Romans Agglo",
    status: "in_progress",
    signedOn: new Date("2023-06-15"),
    summary: 'Un contrat, avec une virgule, des "guillemets"\net un saut de ligne',
    publishedAt: new Date("2023-07-01T10:00:00Z"),
  });
  await db.signatory.createMany({
    data: [
      { contractId: contract.id, organisationId: ars.id, position: 1, signedOn: new Date("2023-06-15"), signerName: "Directrice générale" },
      { contractId: contract.id, organisationId: cpam.id, position: 2 },
    ],
  });
  await db.contractPartner.create({ data: { contractId: contract.id, organisationId: funder.id, position: 1, role: "Financeur" } });
  await db.diagnosisFinding.createMany({ data: [{ contractId: contract.id, position: 1, text: "Démographie médicale en baisse" }] });
  const axes = await Promise.all(
    [1, 2].map((position) => db.axis.create({ data: { contractId: contract.id, position, number: position, title: `Axe ${position}` } })),
  );

  // Seven published fiches, rich enough to fill every child collection, spread over both axes.
  const ficheIds: string[] = [];
  for (let number = 1; number <= 7; number++) {
    const fiche = await db.ficheAction.create({
      data: {
        contractId: contract.id,
        axisId: axes[number % 2].id,
        number,
        title: number === 1 ? '=HYPERLINK("http://evil.test"), "titre" piégé' : `Fiche publiée ${number}`,
        status: number <= 3 ? "in_progress" : "not_started",
        progress: number * 10,
        priority: "high",
        themes: number <= 4 ? ["mental_health", "mobility"] : ["nutrition_physical_activity"],
        determinants: number === 2 ? ["Logement"] : [],
        prsObjectiveId: number === 3 ? prsObjective.id : null,
        pilotOrganisationId: cpam.id,
        pilotContactName: "Dominique Pilote",
        pilotContactEmail: "pilote@exemple.test",
        startsOn: new Date("2024-01-01"),
        milestones: { create: [{ title: "Lancement", dueOn: new Date("2024-03-01"), doneOn: new Date("2024-02-20") }] },
        partners: { create: [{ organisationId: funder.id, role: "Co-pilote" }] },
        budgetLines: {
          create: [
            { funderId: ars.id, fundingInstrument: "FIR", year: 2024, amount: "12500.50" },
            { funderLabel: "Mairie", year: 2025, amount: "300.00" },
          ],
        },
        objectives: {
          create: [1, 2].map((position) => ({
            position,
            title: `Objectif ${number}.${position}`,
            dueOn: new Date("2025-12-31"),
            commitments: { create: [{ organisationId: cpam.id, description: `Engagement ${number}.${position}` }] },
          })),
        },
        commitments: { create: [{ organisationId: funder.id, description: `Engagement sur la fiche ${number}` }] },
        indicators: {
          create: [
            {
              name: `Indicateur ${number}`,
              level: "result",
              baselineValue: "-1.5",
              targetValue: "40",
              measurements: {
                create: [1, 2, 3].map((month) => ({
                  measuredOn: new Date(`2024-0${month}-01`),
                  value: String(month * 10),
                  comment: SECRETS.measurementComment,
                })),
              },
            },
          ],
        },
      },
    });
    ficheIds.push(fiche.id);
  }
  // A fiche whose budget and pilot contact the coordination withholds.
  const withheld = await db.ficheAction.create({
    data: {
      contractId: contract.id,
      axisId: axes[0].id,
      number: 8,
      title: "Fiche au budget retenu",
      pilotContactName: SECRETS.withheldContactName,
      pilotContactEmail: SECRETS.withheldContactEmail,
      withheldFields: ["budgetLines", "pilotContactName", "pilotContactEmail"],
      budgetLines: { create: [{ funderId: hidden.id, amount: SECRETS.withheldBudget, year: 2024 }] },
    },
  });
  ficheIds.push(withheld.id);
  const confidential = await db.ficheAction.create({
    data: { contractId: contract.id, axisId: axes[0].id, number: 9, title: SECRETS.confidentialFiche, confidential: true },
  });
  const later = await db.ficheAction.create({
    data: { contractId: contract.id, axisId: axes[0].id, number: 10, title: SECRETS.confidentialLater },
  });
  const trashed = await db.ficheAction.create({
    data: { contractId: contract.id, axisId: axes[0].id, number: 11, title: SECRETS.trashedFiche },
  });
  await db.$transaction((tx) => publishAllFiches(tx, contract.id, { userId: null }));
  // After publication: one fiche turns confidential, one goes to the trash, one is created and never published.
  await db.ficheAction.update({ where: { id: later.id }, data: { confidential: true } });
  await db.ficheAction.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
  await db.ficheAction.create({ data: { contractId: contract.id, axisId: axes[1].id, number: 12, title: SECRETS.unpublishedFiche } });

  // A contract published with its fiches, then back to draft; and another region's contract.
  const draft = await createContract(db, { territoryId: romans.id, generation: 2, title: SECRETS.draftContract });
  const draftAxis = await db.axis.create({ data: { contractId: draft.id, position: 1, number: 1, title: "Axe du brouillon" } });
  await db.ficheAction.create({ data: { contractId: draft.id, axisId: draftAxis.id, number: 1, title: SECRETS.draftContractFiche } });
  await db.signatory.create({ data: { contractId: draft.id, organisationId: draftPartner.id, position: 1 } });
  await db.$transaction((tx) => publishAllFiches(tx, draft.id, { userId: null }));
  await db.contract.update({ where: { id: draft.id }, data: { visibility: "draft" } });
  const draftOnly = await db.territory.findUniqueOrThrow({ where: { slug: SECRETS.draftOnlyTerritory } });
  await createContract(db, { territoryId: draftOnly.id, title: "Brouillon seul", visibility: "draft" });

  const other = await createContract(db, { territoryId: ruffec.id, status: "signed", title: "Contrat du Pays Ruffécois" });
  const otherAxis = await db.axis.create({ data: { contractId: other.id, position: 1, number: 1, title: "Axe unique" } });
  await db.ficheAction.create({
    data: { contractId: other.id, axisId: otherAxis.id, number: 1, title: "Fiche charentaise", themes: ["mental_health"] },
  });
  await db.$transaction((tx) => publishAllFiches(tx, other.id, { userId: null }));

  world = { contractId: contract.id, ficheIds, confidentialFicheId: confidential.id, draftContractId: draft.id, otherContractId: other.id };
});

describe("open data collections", () => {
  it("answer every collection with rows that validate against the schemas of the OpenAPI document", async () => {
    for (const name of COLLECTION_NAMES) {
      const rows = await readAll(name);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) resourceSchemas[name].parse(row);
    }
  });

  it("list the published records, and only them", async () => {
    expect((await readAll("territories")).map((row) => row.slug)).toEqual(["pays-ruffecois", "valence-romans-agglo"]);
    expect((await readAll("contracts")).map((row) => row.id).sort()).toEqual([world.contractId, world.otherContractId].sort());
    const fiches = await readAll("fiches", "territory=valence-romans-agglo");
    expect(fiches.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fiches.map((row) => row.id)).toEqual(world.ficheIds);
    expect(await readAll("objectives", "territory=valence-romans-agglo")).toHaveLength(14);
    expect(await readAll("commitments", "territory=valence-romans-agglo")).toHaveLength(21);
    expect(await readAll("indicators", "territory=valence-romans-agglo")).toHaveLength(7);
    expect(await readAll("measurements", "territory=valence-romans-agglo")).toHaveLength(21);
    // Two lines on each of the seven fiches whose budget is not withheld; amounts as exact decimals, as their snapshot keeps them.
    expect(await readAll("budget-lines")).toHaveLength(14);
    expect(await readAll("partners", `contract=${world.contractId}`)).toHaveLength(3);
    expect(await readAll("axes", `contract=${world.contractId}`)).toHaveLength(2);
  });

  it("give a territory's official codes and the names of the communes it covers", async () => {
    const { data } = (await (await call("/api/v1/territories/valence-romans-agglo")).json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      slug: "valence-romans-agglo",
      kind: "communaute_agglomeration",
      region_code: "84",
      region_name: "Auvergne-Rhône-Alpes",
      department_codes: ["26"],
      commune_codes: ["26281", "26057"],
      commune_names: ["Romans-sur-Isère", "Bourg-de-Péage"],
      siren: "200068781",
      url: `${BASE}/territoires/valence-romans-agglo`,
    });
  });

  it("give a fiche's public fields under their catalogue names, dates in ISO 8601 and decimals as exact text", async () => {
    const { data: fiche } = (await (await call(`/api/v1/fiches/${world.ficheIds[1]}`)).json()) as { data: Record<string, unknown> };
    expect(fiche).toMatchObject({
      id: world.ficheIds[1],
      contract_id: world.contractId,
      territory: "valence-romans-agglo",
      region_code: "84",
      number: 2,
      status: "in_progress",
      progress: 20,
      pilot_organisation: "CPAM de la Drôme",
      pilot_contact_name: "Dominique Pilote",
      starts_on: "2024-01-01",
      themes: ["mental_health", "mobility"],
      determinants: ["Logement"],
      partners: ["Conseil départemental de la Drôme (Co-pilote)"],
      milestones: ["2024-03-01 Lancement (faite le 2024-02-20)"],
      url: `${BASE}/territoires/valence-romans-agglo/cls-1/fiches/2`,
    });
    expect(fiche).not.toHaveProperty("priority");
    const lines = await readAll("budget-lines", `territory=valence-romans-agglo`);
    expect(lines.filter((line) => line.fiche_id === world.ficheIds[1])).toEqual([
      expect.objectContaining({
        position: 1,
        nomAttribuant: "ARS Auvergne-Rhône-Alpes",
        montant: "12500.5",
        funding_instrument: "FIR",
        year: 2024,
      }),
      expect.objectContaining({ position: 2, nomAttribuant: "Mairie", montant: "300", objet: "Fiche publiée 2" }),
    ]);
    const indicator = (await readAll("indicators", "territory=valence-romans-agglo"))[0];
    expect(indicator).toMatchObject({ level: "result", baseline_value: "-1.5", target_value: "40" });
  });
});

describe("paging", () => {
  it("reads every row exactly once through small pages, whatever the collection", async () => {
    for (const name of COLLECTION_NAMES) {
      const whole = await readAll(name, "", 200);
      for (const limit of [1, 2, 3]) {
        const paged = await readAll(name, "", limit);
        expect(
          paged.map((row) => keyOf(name, row)),
          `${name} by ${limit}`,
        ).toEqual(whole.map((row) => keyOf(name, row)));
      }
      expect(new Set(whole.map((row) => keyOf(name, row))).size, `${name}: unique keys`).toBe(whole.length);
    }
  });

  it("refuses a cursor it did not give, and a limit out of bounds, as French problems", async () => {
    for (const target of [
      "/api/v1/fiches?cursor=pas-un-curseur",
      "/api/v1/fiches?cursor=%00",
      `/api/v1/fiches?cursor=${Buffer.from('["x", 1]').toString("base64url")}`,
      `/api/v1/territories?cursor=${Buffer.from("{}").toString("base64url")}`,
      `/api/v1/measurements?cursor=${Buffer.from(JSON.stringify([world.contractId, 1])).toString("base64url")}`,
    ]) {
      const response = await call(target);
      expect(response.status, target).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 400, title: "Requête invalide", detail: expect.stringContaining("curseur") });
    }
    for (const limit of ["0", "201", "-1", "deux", "1.5"]) expect((await call(`/api/v1/contracts?limit=${limit}`)).status, limit).toBe(400);
  });
});

describe("filters", () => {
  const ids = async (name: CollectionName, query: string) => (await readAll(name, query)).map((row) => keyOf(name, row)).sort();

  it("select by region, département, territory, contract and contract status", async () => {
    expect(await ids("territories", "region=75")).toEqual(["pays-ruffecois"]);
    expect(await ids("territories", "department=26")).toEqual(["valence-romans-agglo"]);
    expect(await ids("contracts", "region=84")).toEqual([world.contractId]);
    expect(await ids("contracts", "status=signed")).toEqual([world.otherContractId]);
    expect(await ids("fiches", "region=75")).toHaveLength(1);
    expect(await ids("fiches", "department=26")).toHaveLength(8);
    expect(await ids("fiches", `contract=${world.otherContractId}`)).toHaveLength(1);
    expect(await ids("fiches", "status=in_progress")).toHaveLength(8);
    expect(await ids("measurements", "region=75")).toEqual([]);
    expect(await ids("partners", "region=75")).toEqual([]);
    expect(await ids("axes", "territory=pays-ruffecois")).toHaveLength(1);
  });

  it("select fiches and what they hold by theme, determinant and PRS objective", async () => {
    expect(await ids("fiches", "theme=mental_health")).toHaveLength(5);
    expect(await ids("fiches", "theme=mental_health&region=84")).toHaveLength(4);
    expect(await ids("fiches", "determinant=Logement")).toEqual([world.ficheIds[1]]);
    expect(await ids("fiches", "prs_objective=Objectif%20PRS%202.1")).toEqual([world.ficheIds[2]]);
    expect(await ids("objectives", "determinant=Logement")).toHaveLength(2);
    expect(await ids("budget-lines", "prs_objective=Objectif%20PRS%202.1")).toHaveLength(2);
    expect(await ids("fiches", "theme=absente")).toEqual([]);
  });

  it("refuses malformed, repeated and inapplicable filters, and ignores unknown parameters", async () => {
    const refusals = {
      "/api/v1/fiches?region=quatre-vingt-quatre": "region",
      "/api/v1/fiches?department=2C": "department",
      "/api/v1/contracts?status=published": "status",
      "/api/v1/fiches?territory=Romans%20Sur%20Isere": "territory",
      "/api/v1/fiches?contract=1": "contract",
      "/api/v1/fiches?theme=%00": "theme",
      [`/api/v1/fiches?theme=${"a".repeat(301)}`]: "theme",
      "/api/v1/fiches?region=84&region=75": "plusieurs fois",
      "/api/v1/territories?theme=mobility": "ne s’applique pas",
      "/api/v1/contracts?prs_objective=x": "ne s’applique pas",
    };
    for (const [target, detail] of Object.entries(refusals)) {
      const response = await call(target);
      expect(response.status, target).toBe(400);
      expect(((await response.json()) as { detail: string }).detail, target).toContain(detail);
    }
    expect((await call("/api/v1/contracts?utm_source=exemple&__proto__=1")).status).toBe(200);
  });
});

describe("HTTP", () => {
  it("tags each answer with an ETag and answers 304 to a client that holds it", async () => {
    const first = await call("/api/v1/fiches?region=84");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await call("/api/v1/fiches?region=84", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await call("/api/v1/fiches?region=84", { headers: { "If-None-Match": `"autre", ${etag!.slice(2)}` } })).status).toBe(304);
    expect((await call("/api/v1/fiches?region=75", { headers: { "If-None-Match": etag! } })).status).toBe(200);
    const item = await call(`/api/v1/fiches/${world.ficheIds[0]}`);
    expect((await call(`/api/v1/fiches/${world.ficheIds[0]}`, { headers: { "If-None-Match": item.headers.get("etag")! } })).status).toBe(
      304,
    );
  });

  it("opens every answer to cross-origin reads, without credentials, and answers the preflight", async () => {
    for (const target of [
      "/api/v1/contracts",
      "/api/v1/contracts.csv",
      "/api/v1/openapi.json",
      "/api/v1/inconnue",
      "/api/v1/fiches?limit=0",
    ]) {
      const response = await call(target, { headers: { Origin: "https://reutilisateur.exemple" } });
      expect(response.headers.get("access-control-allow-origin"), target).toBe("*");
      expect(response.headers.get("access-control-allow-credentials"), target).toBeNull();
    }
    const preflight = await call("/api/v1/fiches", { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it("answers HEAD like GET, and unknown collections and records with a 404 problem", async () => {
    expect((await call("/api/v1/contracts", { method: "HEAD" })).status).toBe(200);
    for (const target of [
      "/api/v1/inconnue",
      "/api/v1/__proto__",
      "/api/v1/fiches.xml",
      `/api/v1/fiches/${world.confidentialFicheId}`,
      "/api/v1/fiches/pas-un-uuid",
      `/api/v1/contracts/${world.draftContractId}`,
      `/api/v1/territories/${SECRETS.draftOnlyTerritory}`,
      "/api/v1/territories/Majuscules",
      `/api/v1/objectives/${world.ficheIds[0]}`,
      `/api/v1/fiches.csv/${world.ficheIds[0]}`,
    ]) {
      const response = await call(target);
      expect(response.status, target).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("never reads the session: neither the routes nor the open data library import it", () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
      );
    for (const file of [...files("app/api/v1"), ...files("lib/open-data")]) {
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/lib\/auth\/session|next\/headers|next-auth|currentActor/);
    }
  });
});

describe("kept answers", () => {
  it("serves an answer again from memory until a save anywhere drops it, and only while the process hears saves", async () => {
    const target = `/api/v1/contracts/${world.otherContractId}`;
    expect((await call(target)).headers.get(CACHE_STATUS_HEADER)).toBeNull();
    expect((await call(target)).headers.get(CACHE_STATUS_HEADER), "not kept without invalidations heard").toBeNull();
    setListening(true);
    try {
      const first = await call(target);
      const again = await call(target, { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.99" } });
      expect(again.headers.get(CACHE_STATUS_HEADER)).toBe("hit");
      expect(await again.text()).toBe(await first.text());
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
      expect((await call(target, { headers: { "If-None-Match": first.headers.get("etag")! } })).status).toBe(304);
      await getDb().contract.update({ where: { id: world.otherContractId }, data: { title: "Contrat du Pays Ruffécois (modifié)" } });
      // A save goes through a server action, which drops every kept answer and page (lib/actions/server.ts).
      invalidateLocally();
      const after = await call(target);
      expect(after.headers.get(CACHE_STATUS_HEADER)).toBeNull();
      expect(await after.text()).toContain("(modifié)");
    } finally {
      setListening(false);
      await getDb().contract.update({ where: { id: world.otherContractId }, data: { title: "Contrat du Pays Ruffécois" } });
    }
  });
});

describe("outage", () => {
  it("answers 503 with Retry-After while the database does not answer", async () => {
    const url = process.env.DATABASE_URL!;
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://cls:x@127.0.0.1:${await freePort()}/opencls`;
    try {
      const response = await call("/api/v1/contracts");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("60");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toMatchObject({ status: 503, title: "Service temporairement indisponible" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = url;
    }
  });
});

describe("rate limit", () => {
  const from = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: address } });

  it("answers 429 with Retry-After past the limit, per client address, with the quota in RateLimit headers", async () => {
    process.env.OPENCLS_API_RATE_LIMIT = "3";
    try {
      const statuses = [];
      for (let request = 0; request < 4; request++) statuses.push((await call("/api/v1/territories", from("203.0.113.7"))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call("/api/v1/territories", from("203.0.113.7"));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("ratelimit-limit")).toBe("3");
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      expect(((await refused.json()) as { detail: string }).detail).toContain("réessayez");
      const other = await call("/api/v1/territories", from("198.51.100.20"));
      expect(other.status).toBe(200);
      expect(other.headers.get("ratelimit-remaining")).toBe("2");
      // One IPv6 subscriber holds a whole /64: its addresses share one count.
      for (const address of ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"])
        expect((await call("/api/v1/territories", from(address))).status).toBe(200);
      expect((await call("/api/v1/territories", from("2001:db8:1:2::4"))).status).toBe(429);
      // The counts are shared through PostgreSQL, by keyed hashes rather than addresses.
      await apiRateLimiter().flush();
      const rows = await getDb().rateLimitWindow.findMany({ select: { key: true, hits: true } });
      expect(rows.some((row) => row.hits >= 5)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain("203.0.113.7");
    } finally {
      process.env.OPENCLS_API_RATE_LIMIT = "0";
    }
  });
});

describe("rate limit across instances", () => {
  it("adds each instance's counts to the others' through PostgreSQL, one flush late at most", async () => {
    // Two app instances' limiters on one database (flushed by hand here, every 250 ms in the app).
    const instance = () => createRateLimiter({ name: "partage", windowSeconds: 60, limit: () => 5, flushMs: 3_600_000 });
    const [first, second] = [instance(), instance()];
    const client = "192.0.2.77";
    expect([1, 2, 3].map(() => first.hit(client).allowed)).toEqual([true, true, true]);
    await first.flush();
    expect([1, 2].map(() => second.hit(client).allowed)).toEqual([true, true]);
    await second.flush();
    expect(second.hit(client)).toMatchObject({ allowed: false, remaining: 0 });
    await second.flush();
    // The first instance learns the others' counts with its next flush.
    first.hit(client);
    await first.flush();
    expect(first.hit(client).allowed).toBe(false);
  });
});

describe("CSV and Table Schema", () => {
  const parseCsv = (text: string) => {
    // RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    const endCell = () => {
      row.push(cell);
      cell = "";
    };
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (quoted) {
        if (char === '"' && text[at + 1] === '"') {
          cell += '"';
          at++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === ",") endCell();
      else if (char === "\r" && text[at + 1] === "\n") {
        endCell();
        rows.push(row);
        row = [];
        at++;
      } else cell += char;
    }
    return rows;
  };

  it("writes each collection with the Table Schema's field names as header, in order, and one line per row", async () => {
    for (const name of COLLECTION_NAMES) {
      const response = await call(`/api/v1/${name}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="opencls-${name}.csv"`);
      const text = await response.text();
      expect(text.charCodeAt(0), "no byte order mark").not.toBe(0xfeff);
      const [header, ...rows] = parseCsv(text);
      const schema = (await (await call(`/api/v1/${name}.schema.json`)).json()) as {
        fields: Array<{ name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }>;
        primaryKey: string[];
        missingValues: string[];
      };
      expect(header, name).toEqual(schema.fields.map((field) => field.name));
      expect(header, name).toEqual(COLLECTIONS[name].columns.map((col) => col.name));
      expect(rows, name).toHaveLength((await readAll(name)).length);
      expect(schema.missingValues).toEqual([""]);
      expect(schema.primaryKey.every((key) => header.includes(key))).toBe(true);
      // Each cell agrees with its field's type.
      for (const row of rows) {
        schema.fields.forEach((field, index) => {
          const cell = row[index];
          if (cell === "") return expect(field.constraints?.required, `${name}.${field.name} required`).toBeUndefined();
          if (field.type === "integer") expect(cell).toMatch(/^-?\d+$/);
          if (field.type === "number") expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
          if (field.type === "date") expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (field.type === "datetime") expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
          if (field.type === "boolean") expect(["true", "false"]).toContain(cell);
          if (field.constraints?.enum) expect(field.constraints.enum).toContain(cell);
        });
      }
    }
  });

  it("downloads a region's fiches as one file, quoting commas, quotes and line breaks and defusing formulas", async () => {
    const text = await (await call("/api/v1/fiches.csv?region=84")).text();
    const [header, ...rows] = parseCsv(text);
    expect(rows).toHaveLength(8);
    const title = header.indexOf("title");
    expect(rows[0][title]).toBe('\'=HYPERLINK("http://evil.test"), "titre" piégé');
    expect(rows[0][header.indexOf("themes")]).toBe("mental_health;mobility");
    expect(rows[0][header.indexOf("region_code")]).toBe("84");
    const contracts = parseCsv(await (await call("/api/v1/contracts.csv?region=84")).text());
    expect(contracts[1][contracts[0].indexOf("summary")]).toBe('Un contrat, avec une virgule, des "guillemets"\net un saut de ligne');
    // Negative decimals are numbers, not formulas.
    const indicators = parseCsv(await (await call("/api/v1/indicators.csv?region=84")).text());
    expect(indicators[1][indicators[0].indexOf("baseline_value")]).toBe("-1.5");
    expect((await call("/api/v1/fiches.csv?region=huit")).status).toBe(400);
  });

  it("describes each field with a French title and a Frictionless type", async () => {
    const schema = (await (await call("/api/v1/budget-lines.schema.json")).json()) as {
      fields: Array<{ name: string; title: string; type: string }>;
    };
    expect(schema.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["nomAttribuant", "montant", "objet"]));
    expect(schema.fields.find((field) => field.name === "montant")).toMatchObject({ type: "number", title: "Montant" });
    for (const name of COLLECTION_NAMES) {
      const { fields } = (await (await call(`/api/v1/${name}.schema.json`)).json()) as {
        fields: Array<{ name: string; title: string; type: string }>;
      };
      for (const field of fields) {
        expect(field.name, name).toMatch(/^[a-z][a-z_]*$|^(nomAttribuant|montant|objet)$/);
        expect(field.title.length).toBeGreaterThan(0);
        expect(["string", "integer", "number", "date", "datetime", "boolean"]).toContain(field.type);
      }
    }
  });
});

describe("OpenAPI", () => {
  it("describes every collection, file and record route with schemas and the documented responses", async () => {
    const document = (await (await call("/api/v1/openapi.json")).json()) as {
      openapi: string;
      servers: Array<{ url: string }>;
      paths: Record<string, { get: { responses: Record<string, unknown>; parameters?: Array<{ name: string }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0].url).toBe(`${BASE}/api/v1`);
    for (const name of COLLECTION_NAMES) {
      const component = componentName(name);
      expect(Object.keys(document.components.schemas[component].properties ?? {}), name).toEqual(
        COLLECTIONS[name].columns.map((col) => col.name),
      );
      const list = document.paths[`/${name}`].get;
      expect(Object.keys(list.responses).sort()).toEqual(["200", "304", "400", "429", "503"]);
      expect(list.parameters?.map((parameter) => parameter.name)).toEqual([...COLLECTIONS[name].filters, "limit", "cursor"]);
      expect(document.paths[`/${name}.csv`].get.responses).toHaveProperty("200");
      expect(document.paths[`/${name}.schema.json`].get.responses).toHaveProperty("200");
      if (COLLECTIONS[name].item)
        expect(Object.keys(document.paths[`/${name}/{id}`].get.responses).sort()).toEqual(["200", "304", "404", "429", "503"]);
    }
    // Every reference points at a component that exists.
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/([\w-]+)"/g)];
    for (const [, kind, id] of references)
      expect((document.components as Record<string, Record<string, unknown>>)[kind], `${kind}/${id}`).toHaveProperty(id);
  });

  it("validates a real page and a real record of each collection against the document's zod schemas", async () => {
    for (const name of COLLECTION_NAMES) {
      pageSchema(name).parse(await json(`/api/v1/${name}?limit=5`));
      if (!COLLECTIONS[name].item) continue;
      const [first] = (await json(`/api/v1/${name}?limit=1`)).data;
      const key = String(first[COLLECTIONS[name].primaryKey[0]]);
      itemSchema(name).parse(await (await call(`/api/v1/${name}/${encodeURIComponent(key)}`)).json());
    }
    const index = (await (await call("/api/v1")).json()) as { collections: Array<{ name: string }> };
    expect(index.collections.map((collection) => collection.name)).toEqual(COLLECTION_NAMES);
  });
});

describe("confidentiality", () => {
  it("shows no confidential, withheld, unpublished or draft record in any JSON page, record, CSV file or budget line", async () => {
    const outputs: string[] = [];
    for (const name of COLLECTION_NAMES) {
      outputs.push(JSON.stringify(await readAll(name)));
      outputs.push(await (await call(`/api/v1/${name}.csv`)).text());
    }
    for (const id of [...world.ficheIds, world.confidentialFicheId]) outputs.push(await (await call(`/api/v1/fiches/${id}`)).text());
    outputs.push(await (await call(`/api/v1/contracts/${world.draftContractId}`)).text());
    const everything = outputs.join("\n");
    for (const [name, secret] of Object.entries(SECRETS)) {
      if (name === "priority") continue;
      expect(everything, name).not.toContain(secret);
    }
    expect(everything).not.toContain(world.draftContractId);
    expect(everything).not.toContain(world.confidentialFicheId);
    expect(everything).not.toMatch(/"priority"|,priority,/);
  });

  it("keeps a withheld fiche's other public fields, and leaves its withheld ones empty", async () => {
    const { data } = (await (await call(`/api/v1/fiches/${world.ficheIds[7]}`)).json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ title: "Fiche au budget retenu", pilot_contact_name: null, pilot_contact_email: null });
    expect((await readAll("budget-lines")).filter((line) => line.fiche_id === world.ficheIds[7])).toEqual([]);
  });
});

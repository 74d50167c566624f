// The regional portfolio and the compliance checks against PostgreSQL: who sees which region's
// contracts, the filters, the sort, the pages, the flags with their figures, the export, and a
// number of SQL statements that does not grow with the region.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type Actor } from "@/lib/authz";
import { listContractFlags } from "@/lib/compliance/queries";
import { getDb } from "@/lib/db/client";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { getPortfolio, PORTFOLIO_CAP } from "@/lib/portfolio/queries";
import { readPortfolioParams } from "@/lib/portfolio/schema";
import { portfolioWorkbook } from "@/lib/portfolio/xlsx";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const TODAY = day("2026-12-06");
const params = (query: Record<string, string> = {}) => readPortfolioParams(query);

const officer = (regionId: string): Actor => ({
  userId: "00000000-0000-4000-8000-000000000001",
  email: "ars@exemple.test",
  memberships: [{ role: "ars_officer", regionId, territoryId: null, organisationId: null }],
});
const admin: Actor = {
  userId: "00000000-0000-4000-8000-000000000002",
  email: "admin@exemple.test",
  memberships: [{ role: "platform_admin", regionId: null, territoryId: null, organisationId: null }],
};
const member = (role: "coordinator" | "partner", territoryId: string, organisationId: string | null = null): Actor => ({
  userId: "00000000-0000-4000-8000-000000000003",
  email: "membre@exemple.test",
  memberships: [{ role, regionId: null, territoryId, organisationId }],
});

let occitanie: { id: string; slug: string };
let ara: { id: string; slug: string };
const ids: Record<string, string> = {};
const territories: Record<string, string> = {};

beforeAll(async () => {
  const db = getDb();
  occitanie = await createRegion(db, { inseeCode: "76", slug: "occitanie", name: "Occitanie" });
  ara = await createRegion(db, { inseeCode: "84", slug: "auvergne-rhone-alpes", name: "Auvergne-Rhône-Alpes" });
  const toulouse = await createTerritory(db, { regionId: occitanie.id, name: "Toulouse", departmentCodes: ["31"] });
  const garonne = await createTerritory(db, { regionId: occitanie.id, name: "Val de Garonne", departmentCodes: ["34", "31"] });
  const foix = await createTerritory(db, { regionId: occitanie.id, name: "Foix", departmentCodes: ["09"] });
  const valence = await createTerritory(db, { regionId: ara.id, name: "Valence", departmentCodes: ["26"] });
  Object.assign(territories, { toulouse: toulouse.id, valence: valence.id });

  // Ends within 6 months, nothing prepared; no mental-health part; a fiche without indicator, one without pilot; a commune without deliberation.
  const expiring = await createContract(db, {
    territoryId: toulouse.id,
    signedOn: day("2022-03-01"),
    startsOn: day("2022-03-01"),
    endsOn: day("2027-05-31"),
  });
  const axis = await db.axis.create({ data: { contractId: expiring.id, position: 1, number: 1, title: "Axe 1" } });
  const pilot = await createOrganisation(db);
  const withIndicator = await db.ficheAction.create({
    data: { contractId: expiring.id, axisId: axis.id, number: 1, title: "Fiche 1", status: "completed", progress: 100 },
  });
  await db.indicator.create({ data: { ficheId: withIndicator.id, name: "Indicateur", level: "process" } });
  await db.ficheAction.create({
    data: {
      contractId: expiring.id,
      axisId: axis.id,
      number: 2,
      title: "Fiche 2",
      pilotOrganisationId: pilot.id,
      progress: 50,
      status: "in_progress",
    },
  });
  await db.ficheAction.create({
    data: { contractId: expiring.id, axisId: axis.id, number: 3, title: "Fiche supprimée", deletedAt: new Date() },
  });
  const commune = await createOrganisation(db, { name: "Commune de Toulouse", kind: "local_authority" });
  const cpam = await createOrganisation(db, { name: "CPAM", kind: "cpam" });
  await db.signatory.createMany({
    data: [
      { contractId: expiring.id, organisationId: commune.id, position: 1 },
      { contractId: expiring.id, organisationId: cpam.id, position: 2 },
    ],
  });
  await db.evaluationCampaign.create({
    data: { contractId: expiring.id, kind: "mid_term", status: "closed", closedAt: day("2024-10-01") },
  });

  // Compliant, ending in 2029.
  const compliant = await createContract(db, {
    territoryId: garonne.id,
    signedOn: day("2025-01-15"),
    startsOn: day("2025-01-15"),
    endsOn: day("2029-12-31"),
    mentalHealthComponent: "Axe 2",
    clsmStatus: "active",
  });
  // Ended, and renewed by a contract in preparation.
  const ended = await createContract(db, {
    territoryId: foix.id,
    status: "final_evaluation",
    startsOn: day("2020-01-01"),
    endsOn: day("2025-12-31"),
    clsmStatus: "in_creation",
  });
  await db.evaluationCampaign.create({ data: { contractId: ended.id, kind: "mid_term" } });
  const renewal = await createContract(db, {
    territoryId: foix.id,
    generation: 2,
    status: "preparation",
    previousContractId: ended.id,
    mentalHealthComponent: "Fiche 4",
  });
  const foreign = await createContract(db, { territoryId: valence.id, endsOn: day("2027-03-01") });
  Object.assign(ids, { expiring: expiring.id, compliant: compliant.id, ended: ended.id, renewal: renewal.id, foreign: foreign.id });
});

const listed = (portfolio: Awaited<ReturnType<typeof getPortfolio>>) => portfolio.rows.map((row) => row.id);

describe("regional portfolio", () => {
  it("lists every contract of the officer's region, never another region's, even when asked for it", async () => {
    const own = await getPortfolio(officer(occitanie.id), params(), { today: TODAY });
    expect(own.regions.map((region) => region.slug)).toEqual(["occitanie"]);
    expect(new Set(listed(own))).toEqual(new Set([ids.expiring, ids.compliant, ids.ended, ids.renewal]));
    const asked = await getPortfolio(officer(occitanie.id), params({ region: ara.slug }), { today: TODAY });
    expect(asked.region.slug).toBe("occitanie");
    expect(listed(asked)).not.toContain(ids.foreign);
  });

  it("gives a platform admin every region to pick from", async () => {
    const portfolio = await getPortfolio(admin, params({ region: ara.slug }), { today: TODAY });
    expect(portfolio.regions.map((region) => region.slug)).toEqual(["auvergne-rhone-alpes", "occitanie"]);
    expect(listed(portfolio)).toEqual([ids.foreign]);
  });

  it("is not found for who follows no portfolio", async () => {
    await expect(getPortfolio(member("coordinator", territories.toulouse), params())).rejects.toThrow(NotFoundError);
  });

  it("keeps the contracts expiring within 12 months, and says why each is flagged", async () => {
    const portfolio = await getPortfolio(officer(occitanie.id), params({ expire: "12" }), { today: TODAY });
    expect(listed(portfolio)).toEqual([ids.expiring]);
    const [row] = portfolio.rows;
    expect(row.flags.map((flag) => flag.id)).toEqual([
      "mental_health",
      "renewal_not_prepared",
      "fiches_without_indicator",
      "fiches_without_pilot",
      "signatory_deliberation",
    ]);
    const reasons = Object.fromEntries(row.flags.map((flag) => [flag.id, flag.reason.replace(/[\u00a0\u202f]/g, " ")]));
    expect(reasons.fiches_without_indicator).toBe("1 fiche sans indicateur (fiche 2).");
    expect(reasons.fiches_without_pilot).toBe("1 fiche sans pilote (fiche 1).");
    expect(reasons.signatory_deliberation).toContain("Commune de Toulouse");
    expect(reasons.signatory_deliberation).not.toContain("CPAM");
    expect(row).toMatchObject({
      monthsLeft: 5,
      progress: 75,
      fichesByStatus: { completed: 1, in_progress: 1, not_started: 0 },
      lastCampaign: { kind: "mid_term", status: "closed" },
    });
  });

  it("does not flag a renewed contract as expired, nor its renewal in preparation for evaluations", async () => {
    const portfolio = await getPortfolio(officer(occitanie.id), params(), { today: TODAY });
    const flagsOf = (id: string) => portfolio.rows.find((row) => row.id === id)!.flags.map((flag) => flag.id);
    expect(flagsOf(ids.ended)).toEqual([]);
    expect(flagsOf(ids.renewal)).toEqual([]);
    expect(flagsOf(ids.compliant)).toEqual([]);
  });

  it("filters by flag and by département, and counts each département for the map", async () => {
    const flagged = await getPortfolio(officer(occitanie.id), params({ signal: "mental_health" }), { today: TODAY });
    expect(listed(flagged)).toEqual([ids.expiring]);
    const haute = await getPortfolio(officer(occitanie.id), params({ departement: "31" }), { today: TODAY });
    expect(new Set(listed(haute))).toEqual(new Set([ids.expiring, ids.compliant]));
    const counts = Object.fromEntries(haute.byDepartment.map((department) => [department.code, department.count]));
    expect(counts).toMatchObject({ "31": 2, "34": 1, "09": 2, "11": 0 });
    expect(haute.byDepartment).toHaveLength(13);
    expect(haute.byFlag.find((flag) => flag.id === "mental_health")?.count).toBe(1);
  });

  it("sorts on the server, undated contracts last whatever the order", async () => {
    const ascending = await getPortfolio(officer(occitanie.id), params({ tri: "fin" }), { today: TODAY });
    expect(listed(ascending)).toEqual([ids.ended, ids.expiring, ids.compliant, ids.renewal]);
    const descending = await getPortfolio(officer(occitanie.id), params({ tri: "fin", ordre: "desc" }), { today: TODAY });
    expect(listed(descending)).toEqual([ids.compliant, ids.expiring, ids.ended, ids.renewal]);
    const byFlags = await getPortfolio(officer(occitanie.id), params({ tri: "signaux", ordre: "desc" }), { today: TODAY });
    expect(listed(byFlags)[0]).toBe(ids.expiring);
  });

  it("exports the filtered list as a workbook, one row per contract", async () => {
    const portfolio = await getPortfolio(officer(occitanie.id), params({ departement: "31" }), { today: TODAY, all: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await portfolioWorkbook(portfolio)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Portefeuille")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe("Territoire");
    const territoriesListed = [2, 3].map((row) => sheet.getRow(row).getCell(1).value).sort();
    expect(territoriesListed).toEqual(["Toulouse", "Val de Garonne"]);
  });

  it("sends as many SQL statements for a large region as for a small one, and pages it", async () => {
    const db = getDb();
    const small = await countQueries(() => getPortfolio(officer(occitanie.id), params(), { today: TODAY }));
    for (let index = 0; index < 30; index++) {
      const territory = await createTerritory(db, { regionId: occitanie.id, departmentCodes: ["81"] });
      const contract = await createContract(db, { territoryId: territory.id, endsOn: day("2028-01-01") });
      const axis = await db.axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Axe" } });
      await db.ficheAction.createMany({
        data: [1, 2, 3].map((number) => ({ contractId: contract.id, axisId: axis.id, number, title: `Fiche ${number}` })),
      });
    }
    const large = await countQueries(() => getPortfolio(officer(occitanie.id), params(), { today: TODAY }));
    expect(large.queries.length).toBe(small.queries.length);
    expect(small.queries.length).toBe(1);
    expect(large.result.total).toBe(34);
    expect(large.result.rows).toHaveLength(PAGE_SIZE);
    const second = await getPortfolio(officer(occitanie.id), params({ page: "2" }), { today: TODAY });
    expect(second.rows).toHaveLength(34 - PAGE_SIZE);
    expect(new Set([...listed(large.result), ...listed(second)]).size).toBe(34);
    // The map and the chart count the same selection without reading rows.
    const counted = await countQueries(() => getPortfolio(officer(occitanie.id), params(), { today: TODAY, rows: false }));
    expect(counted.queries).toHaveLength(1);
    expect(counted.result).toMatchObject({ rows: [], total: 34, byDepartment: large.result.byDepartment, byFlag: large.result.byFlag });
  });
});

describe("regional portfolio, beyond the test region", () => {
  it("sorts territory names as French readers do, accents beside their letter", async () => {
    const db = getDb();
    const bretagne = await createRegion(db, { inseeCode: "53", slug: "bretagne", name: "Bretagne" });
    for (const name of ["Vannes", "Étel", "Erquy"]) {
      const territory = await createTerritory(db, { regionId: bretagne.id, name, departmentCodes: ["56"] });
      await createContract(db, { territoryId: territory.id });
    }
    const names = async (ordre: string) =>
      (await getPortfolio(admin, params({ region: "bretagne", tri: "territoire", ordre }), { today: TODAY })).rows.map(
        (row) => row.territory.name,
      );
    expect(await names("asc")).toEqual(["Erquy", "Étel", "Vannes"]);
    expect(await names("desc")).toEqual(["Vannes", "Étel", "Erquy"]);
  });

  it("says a region with more contracts than the cap is cut, and counts the cap", async () => {
    const db = getDb();
    const normandie = await createRegion(db, { inseeCode: "28", slug: "normandie", name: "Normandie" });
    const territory = await createTerritory(db, { regionId: normandie.id, departmentCodes: ["14"] });
    const generations = (count: number, from: number) =>
      Array.from({ length: count }, (_, index) => ({ territoryId: territory.id, generation: from + index, title: "Contrat" }));
    await db.contract.createMany({ data: generations(PORTFOLIO_CAP, 1) });
    const full = await getPortfolio(admin, params({ region: "normandie" }), { today: TODAY, rows: false });
    expect(full).toMatchObject({ truncated: false, total: PORTFOLIO_CAP });
    await db.contract.createMany({ data: generations(1, PORTFOLIO_CAP + 1) });
    const cut = await getPortfolio(admin, params({ region: "normandie" }), { today: TODAY, rows: false });
    expect(cut).toMatchObject({ truncated: true, total: PORTFOLIO_CAP });
  });
});

describe("a contract's own flags", () => {
  it("are shown to its coordinators and its region's officers, not to partners", async () => {
    const contract = { id: ids.expiring, territory: { id: territories.toulouse, regionId: occitanie.id } };
    const coordinator = await listContractFlags(member("coordinator", territories.toulouse), contract, TODAY);
    expect(coordinator?.map((flag) => flag.id)).toContain("mental_health");
    expect(coordinator?.find((flag) => flag.id === "mental_health")?.fix.href).toMatch(/\/modifier#sante-mentale$/);
    expect(await listContractFlags(officer(occitanie.id), contract, TODAY)).toHaveLength(5);
    expect(await listContractFlags(officer(ara.id), contract, TODAY)).toBeNull();
    expect(await listContractFlags(member("partner", territories.toulouse, ids.expiring), contract, TODAY)).toBeNull();
  });
});

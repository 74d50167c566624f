// `npm run db:seed:national` at a small scale: the same statements as the full load, checked
// row by row, and the guard that keeps it out of a database holding real data.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createDbClient } from "@/lib/db/client";
import { clearDatabase, inspectNationalTarget } from "@/lib/seed/national/database";
import { loadNationalDataset } from "@/lib/seed/national/load";
import { NATIONAL_EMAIL_DOMAIN, NATIONAL_SIZES, readNationalPlan, type NationalPlan } from "@/lib/seed/national/plan";
import { loadDemoData } from "@/lib/seed/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addNationalGeography } from "@/lib/seed/national/geography";

const SMALL = {
  ...NATIONAL_SIZES,
  territories: 40,
  organisationsPerDepartment: 12,
  fichesPerContract: { min: 2, spread: 3 },
  largestContractFiches: 9,
  measurementsPerIndicator: 3,
};

let database: TestDatabase;
let client: pg.Client;
let plan: NationalPlan;
let passwordHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  [plan, passwordHash] = await Promise.all([readNationalPlan(), hashPassword("national-test")]);
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

const count = async (sql: string, values: unknown[] = []) => Number((await client.query(sql, values)).rows[0].count);

describe("the national dataset", () => {
  it("loads France's 18 regions and 101 départements with territories, contracts and their content, all clearly fictional", async () => {
    expect(await inspectNationalTarget(client)).toBe("empty");
    const report = await loadNationalDataset(client, plan, passwordHash, SMALL);
    const rows = Object.fromEntries(report.map(({ table, rows }) => [table, rows]));

    expect(await count(`SELECT count(*) FROM "Region" WHERE "arsId" IS NOT NULL`)).toBe(18);
    expect(plan.departments).toHaveLength(101);
    expect(rows.Territory).toBe(40);
    // Every sixth territory has renewed its contract; the renewal points at the first one.
    expect(rows.Contract).toBe(40 + Math.floor(40 / 6));
    expect(await count(`SELECT count(*) FROM "Contract" WHERE generation = 2 AND "previousContractId" IS NOT NULL`)).toBe(6);
    expect(await count(`SELECT count(*) FROM "Territory" WHERE name NOT LIKE 'Territoire fictif %'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "Organisation" WHERE kind <> 'ars' AND name !~ ' ficti(f|ve) '`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "User" WHERE email NOT LIKE $1`, [`%@${NATIONAL_EMAIL_DOMAIN}`])).toBe(0);

    // The largest contract, for measuring pages at their worst.
    expect(
      await count(`SELECT count(*) FROM "FicheAction" f JOIN "Contract" c ON c.id = f."contractId" JOIN "Territory" t ON t.id = c."territoryId"
                   WHERE t.slug = 'fictif-0001'`),
    ).toBe(9);
    const fiches = rows.FicheAction;
    expect(rows.OperationalObjective).toBe(2 * fiches);
    expect(await count(`SELECT count(*) FROM "FicheAction" WHERE "axisId" IS NULL OR "pilotOrganisationId" IS NULL`)).toBe(0);
    expect(rows.Measurement).toBe(3 * rows.Indicator);
    expect(rows.Indicator).toBeGreaterThan(fiches);

    // An account for every role, each with its scope.
    const roles = await client.query<{ role: string; count: string }>(
      `SELECT role, count(*) FROM "Membership" GROUP BY role ORDER BY role`,
    );
    expect(Object.fromEntries(roles.rows.map((row) => [row.role, Number(row.count)]))).toEqual({
      platform_admin: 1,
      national_reader: 1,
      // One per region, and a délégation départementale (the first département's).
      ars_officer: 18 + 1,
      coordinator: 40,
      contributor: 40,
      // Two partner contacts per département, each invited by every territory of it.
      partner: 2 * 40,
    });
  });

  it("gives every territory its département's code, and the délégation départementale its département", async () => {
    expect(
      await count(
        `SELECT count(*) FROM "Territory" t WHERE t."departmentCodes" <> ARRAY[(SELECT code FROM unnest($1::text[], $2::text[]) d(code, name) WHERE d.name = t.department)]`,
        [plan.departments.map((department) => department.code), plan.departments.map((department) => department.name)],
      ),
    ).toBe(0);
    const { rows } = await client.query(
      `SELECT m."departmentCodes", r."inseeCode" FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Region" r ON r.id = m."regionId"
       WHERE u.email = $1`,
      [`ars-delegation-01@${NATIONAL_EMAIL_DOMAIN}`],
    );
    expect(rows).toEqual([{ departmentCodes: ["01"], inseeCode: "84" }]);
  });

  it("gives a dataset loaded without département codes its codes and readers once", async () => {
    await client.query(`UPDATE "Territory" SET "departmentCodes" = '{}'`);
    await client.query(`DELETE FROM "User" WHERE email IN ($1, $2)`, [
      `lecteur-national@${NATIONAL_EMAIL_DOMAIN}`,
      `ars-delegation-01@${NATIONAL_EMAIL_DOMAIN}`,
    ]);
    expect(await addNationalGeography(client, plan, passwordHash)).toBe(true);
    expect(await addNationalGeography(client, plan, passwordHash)).toBe(false);
    expect(await count(`SELECT count(*) FROM "Territory" WHERE cardinality("departmentCodes") <> 1`)).toBe(0);
    expect(await count(`SELECT count(*) FROM "Membership" WHERE role = 'national_reader'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM "Membership" WHERE 'ars_officer' = role AND "departmentCodes" = '{01}'`)).toBe(1);
  });

  it("replaces an earlier national dataset with the same one", async () => {
    const before = await count(`SELECT count(*) FROM "Measurement"`);
    expect(await inspectNationalTarget(client)).toBe("national");
    await clearDatabase(client);
    await loadNationalDataset(client, plan, passwordHash, SMALL);
    expect(await count(`SELECT count(*) FROM "Measurement"`)).toBe(before);
    expect(await count(`SELECT count(*) FROM "Territory"`)).toBe(40);
  });

  it("refuses a database that holds other data", async () => {
    const other = await createTestDatabase();
    const db = createDbClient(other.url);
    const otherClient = new pg.Client({ connectionString: other.url });
    try {
      await loadDemoData(db);
      await otherClient.connect();
      await expect(inspectNationalTarget(otherClient)).rejects.toThrow(/holds data other than the national dataset/);
    } finally {
      await otherClient.end();
      await db.$disconnect();
      await other.drop();
    }
  });
});

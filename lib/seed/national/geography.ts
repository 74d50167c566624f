// A national dataset loaded before territories carried official codes (issue 14) gets, once, each
// territory's département code and the accounts that read by département or nation: a national
// reader and a délégation départementale (the ARS officer of the first département), as
// loadNationalDataset now creates them.
import type pg from "pg";
import { NATIONAL_EMAIL_DOMAIN, NATIONAL_TERRITORY_PREFIX, type NationalPlan } from "./plan";

/** Fills what is missing; true when something was. Idempotent. */
export async function addNationalGeography(client: pg.ClientBase, plan: NationalPlan, passwordHash: string): Promise<boolean> {
  const { rows } = await client.query<{ missing: number }>(
    `SELECT count(*)::int AS missing FROM "Territory" WHERE slug LIKE $1 AND cardinality("departmentCodes") = 0`,
    [`${NATIONAL_TERRITORY_PREFIX}%`],
  );
  if (!rows[0].missing) return false;
  const first = plan.departments[0];
  const region = plan.regions.find((candidate) => candidate.code === first.regionCode)!;
  await client.query("BEGIN");
  try {
    // Each synthetic territory displays its département's name, unique among the 101.
    await client.query(
      `UPDATE "Territory" t SET "departmentCodes" = ARRAY[d.code]
       FROM unnest($1::text[], $2::text[]) AS d(code, name)
       WHERE t.slug LIKE $3 AND t.department = d.name AND cardinality(t."departmentCodes") = 0`,
      [
        plan.departments.map((department) => department.code),
        plan.departments.map((department) => department.name),
        `${NATIONAL_TERRITORY_PREFIX}%`,
      ],
    );
    const accounts = [
      {
        email: `lecteur-national@${NATIONAL_EMAIL_DOMAIN}`,
        name: "Lecture nationale (fictive)",
        role: "national_reader",
        region: null,
        codes: [],
      },
      {
        email: `ars-delegation-${first.code.toLowerCase()}@${NATIONAL_EMAIL_DOMAIN}`,
        name: `Agent ARS fictif (délégation ${first.name})`,
        role: "ars_officer",
        region: region.code,
        codes: [first.code],
      },
    ];
    for (const account of accounts) {
      await client.query(
        `INSERT INTO "User" (email, name, "passwordHash", "emailVerified", "updatedAt") VALUES ($1, $2, $3, now(), now())
         ON CONFLICT (email) DO NOTHING`,
        [account.email, account.name, passwordHash],
      );
      await client.query(
        `INSERT INTO "Membership" ("userId", role, "regionId", "departmentCodes", "updatedAt")
         SELECT u.id, $2::"MembershipRole", (SELECT id FROM "Region" WHERE "inseeCode" = $3), $4::text[], now() FROM "User" u
         WHERE u.email = $1 AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id)`,
        [account.email, account.role, account.region, account.codes],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return true;
}

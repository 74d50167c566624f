// A region of its own for the portfolio's end-to-end test: Occitanie, which the demo data do not
// hold, with territories in three of its départements (their INSEE codes set directly, as the
// admin's picker will), contracts ending at known distances from today, and an ARS officer.
// Made afresh on each call, so that a retried test finds the same counts.
import { hashPassword } from "@/lib/auth/password";
import { createDbClient } from "@/lib/db/client";
import { embeddedUrl } from "@/lib/db/embedded";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { insertDemoAccounts } from "@/lib/seed/demo-accounts";
import { DEMO_PASSWORD } from "../e2e/sign-in";
import { E2E_DATABASE_PORT } from "./e2e-server";

export const PORTFOLIO_OFFICER = "ars@occitanie.test";
/** Contracts ending within 12 months (one per territory), and further away. */
export const PORTFOLIO_SIZES = { expiring: 27, later: 3 };
const DEPARTMENTS = ["31", "34", "09"];

export async function createPortfolioRegion(): Promise<void> {
  const db = createDbClient(embeddedUrl(E2E_DATABASE_PORT));
  try {
    // By INSEE code: demo data that hold the region already (under any slug) are reused.
    const region = await db.region.upsert({
      where: { inseeCode: "76" },
      update: {},
      create: { slug: "occitanie", inseeCode: "76", name: "Occitanie" },
    });
    // Only this fixture's own territories: the counts below assume the region holds no other contract.
    const own = { regionId: region.id, slug: { startsWith: "occitanie-portefeuille-" } };
    await db.contract.deleteMany({ where: { territory: own } });
    await db.territory.deleteMany({ where: own });
    const today = todayInParis();
    const count = PORTFOLIO_SIZES.expiring + PORTFOLIO_SIZES.later;
    for (let index = 1; index <= count; index++) {
      const number = String(index).padStart(2, "0");
      const expiring = index <= PORTFOLIO_SIZES.expiring;
      await db.territory.create({
        data: {
          slug: `occitanie-portefeuille-${number}`,
          name: `Territoire occitan ${number}`,
          kind: "communaute_communes",
          regionId: region.id,
          departmentCodes: [DEPARTMENTS[index % DEPARTMENTS.length]],
          contracts: {
            create: {
              title: `Contrat local de santé ${number}`,
              status: "in_progress",
              signedOn: addMonths(today, -40),
              startsOn: addMonths(today, -40),
              endsOn: addMonths(today, expiring ? 1 + (index % 11) : 30),
            },
          },
        },
      });
    }
    await db.$transaction(async (tx) =>
      insertDemoAccounts(tx, {
        note: "",
        password: DEMO_PASSWORD,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        accounts: [{ email: PORTFOLIO_OFFICER, name: "ARS Occitanie", role: "ars_officer", region: region.slug }],
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

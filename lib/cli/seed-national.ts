// `npm run db:seed:national`: loads the synthetic national dataset (about 1,500 territories,
// 1,750 contracts, 60,000 fiches, a million measurements) into a database of its own; see
// lib/seed/national/database.ts for where. Run it again to start from a fresh copy.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { readServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/db/prepare";
import { clearDatabase, inspectNationalTarget, nationalConfig } from "@/lib/seed/national/database";
import { loadNationalEvaluations } from "@/lib/seed/national/evaluations";
import { loadNationalContractLife } from "@/lib/seed/national/life";
import { loadNationalDataset, withDb } from "@/lib/seed/national/load";
import { NATIONAL_EMAIL_DOMAIN, NATIONAL_PASSWORD, readNationalPlan } from "@/lib/seed/national/plan";
import { publishUnpublishedContracts } from "@/lib/publication/publish";
import { runCli } from "./run";

runCli(async () => {
  const started = performance.now();
  const database = await prepareDatabase({ ...nationalConfig(readServerConfig()), seedWhenEmpty: false, log: console.log });
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    if ((await inspectNationalTarget(client)) === "national") {
      console.log("Replacing the national dataset already there.");
      await clearDatabase(client);
    }
    const [plan, passwordHash] = await Promise.all([readNationalPlan(), hashPassword(NATIONAL_PASSWORD)]);
    const report = await loadNationalDataset(client, plan, passwordHash);
    report.push(...(await withDb(database.url, loadNationalEvaluations)));
    report.push(...(await withDb(database.url, loadNationalContractLife)));
    // The contracts' fiches are published, as the demo's are (lib/publication).
    const published = await withDb(database.url, publishUnpublishedContracts);
    console.log(`Published ${published} fiches.`);
    console.table(report);
    console.log(`National dataset loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Accounts, all with the password "${NATIONAL_PASSWORD}" (domain ${NATIONAL_EMAIL_DOMAIN}):`);
    console.log("  admin@…; ars-<region code>@… (ars-76@…: Occitanie, the region with the most contracts);");
    console.log("  coordination-0001@… and contribution-0001@… (the 120-fiche contract; every territory has its pair); partenaire-01-01@…");
    console.log("Serve it with: npm start -- --national");
  } finally {
    await client.end().catch(() => {});
    await database.stop();
  }
});

// Loads the synthetic national dataset (./plan.ts) in about twenty INSERT … SELECT statements
// that PostgreSQL runs itself: two million rows in under a minute, where row-by-row inserts
// from Node would take several. Values that look random are a hash of the row's numbers, so
// two loads give the same dataset. Nothing here runs in the app: only the CLI and the bench.
import type pg from "pg";
import { createDbClient, type Db } from "@/lib/db/client";
import type { FicheTheme } from "@/lib/fiches/labels";
import { NATIONAL_EMAIL_DOMAIN, NATIONAL_SIZES, NATIONAL_TERRITORY_PREFIX, type NationalPlan, type NationalSizes } from "./plan";

const TERRITORY_KINDS = ["communaute_communes", "communaute_agglomeration", "commune", "petr", "pays", "communaute_urbaine", "metropole"];
const THEMES = [
  "access_to_care",
  "addictions",
  "mental_health",
  "environmental_health",
  "ageing_carers",
  "childhood_youth",
] satisfies FicheTheme[];

export type LoadReport = { table: string; rows: number; milliseconds: number }[];

/** Inserts the dataset into an empty (migrated) database, in one transaction. */
export async function loadNationalDataset(
  client: pg.ClientBase,
  plan: NationalPlan,
  passwordHash: string,
  sizes: NationalSizes = NATIONAL_SIZES,
): Promise<LoadReport> {
  const report: LoadReport = [];
  const { vocabulary } = plan;
  const kinds = Object.entries(vocabulary.organisationKinds);
  const run = async (table: string, sql: string, values: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, values);
    report.push({ table, rows: result.rowCount ?? 0, milliseconds: Math.round(performance.now() - started) });
  };

  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL synchronous_commit = off");
    // A stable pseudo-random integer in [0, m) from two row numbers.
    await client.query(
      "CREATE OR REPLACE FUNCTION pg_temp.pick(a bigint, b bigint, m int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT (abs(hashint8(a * 1000003 + b)) % m)::int $$",
    );

    // Geography: the real regions and départements, and the synthetic territories spread over them.
    await client.query(
      `CREATE TEMP TABLE nat_region (code text PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(), ars_id uuid NOT NULL DEFAULT gen_random_uuid(), name text, slug text) ON COMMIT DROP`,
    );
    await client.query("INSERT INTO nat_region (code, name, slug) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [
      plan.regions.map((region) => region.code),
      plan.regions.map((region) => region.name),
      plan.regions.map((region) => region.slug),
    ]);
    await client.query(`CREATE TEMP TABLE nat_department (idx int PRIMARY KEY, code text, name text, region_code text) ON COMMIT DROP`);
    await client.query(
      "INSERT INTO nat_department SELECT ordinality::int, code, name, region FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS d(code, name, region)",
      [
        plan.departments.map((department) => department.code),
        plan.departments.map((department) => department.name),
        plan.departments.map((department) => department.regionCode),
      ],
    );
    const departmentCount = plan.departments.length;

    await run(
      "Region",
      `INSERT INTO "Region" (id, "inseeCode", slug, name, "updatedAt") SELECT id, code, slug, name, now() FROM nat_region`,
    );
    await run(
      "Organisation (ARS)",
      `INSERT INTO "Organisation" (id, slug, name, kind, "regionId", "updatedAt")
       SELECT ars_id, 'ars-' || slug, 'Agence régionale de santé ' || name, 'ars', id, now() FROM nat_region`,
    );
    await client.query(`UPDATE "Region" r SET "arsId" = n.ars_id FROM nat_region n WHERE n.id = r.id`);
    await run(
      "PrsObjective",
      `INSERT INTO "PrsObjective" ("regionId", code, label, "updatedAt")
       SELECT id, (1 + (k - 1) / 6) || '.' || (1 + (k - 1) % 6), 'Objectif fictif ' || (1 + (k - 1) / 6) || '.' || (1 + (k - 1) % 6) || ' du PRS ' || name, now()
       FROM nat_region CROSS JOIN generate_series(1, $1) k`,
      [sizes.prsObjectivesPerRegion],
    );

    // Territory n° t lies in département ((t - 1) mod 101) + 1: about 15 per département.
    await client.query(
      `CREATE TEMP TABLE nat_territory (t int PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(), dep int, region_id uuid) ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO nat_territory (t, dep, region_id)
       SELECT t, ((t - 1) % $2) + 1, r.id FROM generate_series(1, $1) t
       JOIN nat_department d ON d.idx = ((t - 1) % $2) + 1 JOIN nat_region r ON r.code = d.region_code`,
      [sizes.territories, departmentCount],
    );
    await run(
      "Territory",
      `INSERT INTO "Territory" (id, slug, name, kind, "regionId", department, "departmentCodes", description, "updatedAt")
       SELECT nt.id, $1 || lpad(nt.t::text, 4, '0'), 'Territoire fictif ' || lpad(nt.t::text, 4, '0') || ' (' || d.name || ')',
              ($2::text[])[1 + pg_temp.pick(nt.t, 1, array_length($2::text[], 1))]::"TerritoryKind", nt.region_id, d.name, ARRAY[d.code],
              'Territoire fictif du jeu de données national de démonstration.', now()
       FROM nat_territory nt JOIN nat_department d ON d.idx = nt.dep`,
      [NATIONAL_TERRITORY_PREFIX, TERRITORY_KINDS],
    );

    // Partner organisations: the same thirty kinds of partner in every département.
    await client.query(
      `CREATE TEMP TABLE nat_org (dep int, k int, id uuid NOT NULL DEFAULT gen_random_uuid(), PRIMARY KEY (dep, k)) ON COMMIT DROP`,
    );
    await client.query(`INSERT INTO nat_org (dep, k) SELECT d.idx, k FROM nat_department d CROSS JOIN generate_series(1, $1) k`, [
      sizes.organisationsPerDepartment,
    ]);
    await run(
      "Organisation",
      `INSERT INTO "Organisation" (id, slug, name, kind, "regionId", "updatedAt")
       SELECT o.id, 'fictif-' || lower(d.code) || '-' || lpad(o.k::text, 2, '0'),
              ($2::text[])[1 + (o.k - 1) % $3] || ' ' || lpad(o.k::text, 2, '0') || ' (' || d.name || ')',
              ($1::text[])[1 + (o.k - 1) % $3]::"OrganisationKind", r.id, now()
       FROM nat_org o JOIN nat_department d ON d.idx = o.dep JOIN nat_region r ON r.code = d.region_code`,
      [kinds.map(([kind]) => kind), kinds.map(([, label]) => label), kinds.length],
    );

    // Contracts: every territory has a first one; every sixth has renewed it. Territory n° 1's
    // current contract is the largest (120 fiches), for measuring pages at their worst.
    await client.query(
      `CREATE TEMP TABLE nat_contract (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, t int, generation int, current boolean, fiches int, starts date) ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO nat_contract (t, generation, current, fiches, starts)
       SELECT nt.t, g, g = (CASE WHEN nt.t % $1 = 0 THEN 2 ELSE 1 END),
              CASE WHEN nt.t = 1 AND g = 1 THEN $2 ELSE $3 + pg_temp.pick(nt.t, g, $4) END,
              -- A renewed territory's second contract starts the day after its first one ends.
              CASE WHEN nt.t % $1 = 0 THEN (date '2016-01-01' + pg_temp.pick(nt.t, 7, 700) + (g - 1) * interval '5 years')::date
                   ELSE date '2021-01-01' + pg_temp.pick(nt.t, 9, 1700) END
       FROM nat_territory nt CROSS JOIN LATERAL generate_series(1, CASE WHEN nt.t % $1 = 0 THEN 2 ELSE 1 END) g`,
      [sizes.renewalEvery, sizes.largestContractFiches, sizes.fichesPerContract.min, sizes.fichesPerContract.spread],
    );
    await run(
      "Contract",
      `INSERT INTO "Contract" (id, "territoryId", title, generation, status, visibility, summary, "signedOn", "startsOn", "endsOn", "durationMonths",
                               "diagnosisSource", "diagnosisYear", "diagnosisSummary", "previousContractId", "publishedAt", "updatedAt")
       SELECT c.id, nt.id, CASE WHEN c.generation = 1 THEN 'Contrat local de santé' ELSE 'Contrat local de santé de ' || c.generation || 'e génération' END
                           || ' du territoire fictif ' || lpad(c.t::text, 4, '0'),
              c.generation,
              (CASE WHEN NOT c.current THEN 'renewed'
                    WHEN c.starts > current_date THEN 'signed'
                    WHEN c.starts + interval '5 years' < current_date THEN 'final_evaluation'
                    WHEN c.starts + interval '30 months' < current_date THEN 'mid_term_evaluation'
                    ELSE 'in_progress' END)::"ContractStatus",
              (CASE WHEN pg_temp.pick(c.t, c.generation, 20) = 0 THEN 'draft' ELSE 'published' END)::"Visibility",
              'Contrat fictif du jeu de données national : il sert à mesurer la plateforme à l’échelle de la France.',
              c.starts - 30, c.starts, (c.starts + interval '5 years' - interval '1 day')::date, 60,
              'Diagnostic local de santé (fictif)', extract(year FROM c.starts)::int - 1,
              'Synthèse fictive du diagnostic local de santé.',
              prev.id, CASE WHEN pg_temp.pick(c.t, c.generation, 20) = 0 THEN NULL ELSE now() END, now()
       FROM nat_contract c JOIN nat_territory nt ON nt.t = c.t
       LEFT JOIN nat_contract prev ON prev.t = c.t AND prev.generation = c.generation - 1
       ORDER BY c.generation`,
    );
    await run(
      "DiagnosisFinding",
      `INSERT INTO "DiagnosisFinding" ("contractId", position, text, "updatedAt")
       SELECT c.id, p, ($1::text[])[1 + pg_temp.pick(c.t, p, array_length($1::text[], 1))], now()
       FROM nat_contract c CROSS JOIN generate_series(1, $2) p`,
      [vocabulary.findings, sizes.findingsPerContract],
    );
    await run(
      "Axis",
      `INSERT INTO "Axis" ("contractId", position, number, title, description, "updatedAt")
       SELECT c.id, p, p, ($1::text[])[1 + (pg_temp.pick(c.t, c.generation, array_length($1::text[], 1)) + p) % array_length($1::text[], 1)],
              'Axe fictif du jeu de données national.', now()
       FROM nat_contract c CROSS JOIN generate_series(1, $2) p`,
      [vocabulary.axes, sizes.axesPerContract],
    );

    // People: one admin, one ARS officer per region, a coordinator and a contributor per
    // territory, a partner contact for the first two organisations of each département, invited by
    // each territory of that département.
    await client.query(
      `CREATE TEMP TABLE nat_user (email text PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(), name text, role text, region_id uuid, territory_id uuid, organisation_id uuid, department_codes text[] NOT NULL DEFAULT '{}') ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO nat_user (email, name, role, region_id, territory_id, organisation_id)
       SELECT 'admin@' || $1, 'Administration (fictive)', 'platform_admin', NULL::uuid, NULL::uuid, NULL::uuid
       UNION ALL SELECT 'ars-' || code || '@' || $1, 'Agent ARS fictif (' || name || ')', 'ars_officer', id, NULL, NULL FROM nat_region
       UNION ALL SELECT 'lecteur-national@' || $1, 'Lecture nationale (fictive)', 'national_reader', NULL, NULL, NULL
       UNION ALL SELECT 'coordination-' || lpad(t::text, 4, '0') || '@' || $1, 'Coordination fictive ' || lpad(t::text, 4, '0'), 'coordinator', NULL, id, NULL FROM nat_territory
       UNION ALL SELECT 'contribution-' || lpad(t::text, 4, '0') || '@' || $1, 'Contribution fictive ' || lpad(t::text, 4, '0'), 'contributor', NULL, id, NULL FROM nat_territory
       UNION ALL SELECT 'partenaire-' || lower(d.code) || '-' || lpad(o.k::text, 2, '0') || '@' || $1, 'Contact partenaire fictif', 'partner', NULL, NULL, o.id
                 FROM nat_org o JOIN nat_department d ON d.idx = o.dep
                 WHERE o.k <= 2 AND EXISTS (SELECT 1 FROM nat_territory nt WHERE nt.dep = o.dep)`,
      [NATIONAL_EMAIL_DOMAIN],
    );
    // A délégation départementale: the ARS officer of the first département only (territory n° 1's).
    await client.query(
      `INSERT INTO nat_user (email, name, role, region_id, department_codes)
       SELECT 'ars-delegation-' || lower(d.code) || '@' || $1, 'Agent ARS fictif (délégation ' || d.name || ')', 'ars_officer', r.id, ARRAY[d.code]
       FROM nat_department d JOIN nat_region r ON r.code = d.region_code WHERE d.idx = 1`,
      [NATIONAL_EMAIL_DOMAIN],
    );
    await run(
      "User",
      `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerified", "updatedAt") SELECT id, email, name, $1, now(), now() FROM nat_user`,
      [passwordHash],
    );
    await run(
      "Membership",
      // A partner contact is invited by every territory of its organisation's département.
      `INSERT INTO "Membership" ("userId", role, "regionId", "territoryId", "organisationId", "departmentCodes", "updatedAt")
       SELECT id, role::"MembershipRole", region_id, territory_id, organisation_id, department_codes, now() FROM nat_user WHERE role <> 'partner'
       UNION ALL
       SELECT u.id, 'partner', NULL, nt.id, u.organisation_id, '{}', now()
       FROM nat_user u JOIN nat_org o ON o.id = u.organisation_id JOIN nat_territory nt ON nt.dep = o.dep WHERE u.role = 'partner'`,
    );

    // Parties: the ARS and four partners sign; six more take part.
    await run(
      "Signatory",
      `INSERT INTO "Signatory" ("contractId", "organisationId", position, "signerName", "signerTitle", "signedOn", "updatedAt")
       SELECT c.id, CASE WHEN p = 1 THEN r.ars_id ELSE o.id END, p, 'Signataire fictif ' || p, CASE WHEN p = 1 THEN 'Directeur général' ELSE 'Président' END, c.starts - 30, now()
       FROM nat_contract c JOIN nat_territory nt ON nt.t = c.t JOIN nat_region r ON r.id = nt.region_id
       CROSS JOIN generate_series(1, 5) p LEFT JOIN nat_org o ON o.dep = nt.dep AND o.k = p - 1`,
    );
    await run(
      "ContractPartner",
      `INSERT INTO "ContractPartner" ("contractId", "organisationId", position, role, "updatedAt")
       SELECT c.id, o.id, p, 'Partenaire associé', now()
       FROM nat_contract c JOIN nat_territory nt ON nt.t = c.t CROSS JOIN generate_series(1, 6) p JOIN nat_org o ON o.dep = nt.dep AND o.k = 4 + p`,
    );

    // Fiches, spread evenly over the contract's axes; each piloted by a partner of the département.
    await client.query(
      `CREATE TEMP TABLE nat_fiche (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, contract_id uuid, t int, generation int, n int, dep int, starts date, pilot_k int) ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO nat_fiche (contract_id, t, generation, n, dep, starts, pilot_k)
       SELECT c.id, c.t, c.generation, n, nt.dep, c.starts, 1 + pg_temp.pick(c.t * 1000 + n, c.generation, $1)
       FROM nat_contract c JOIN nat_territory nt ON nt.t = c.t CROSS JOIN LATERAL generate_series(1, c.fiches) n`,
      [sizes.organisationsPerDepartment],
    );
    await run(
      "FicheAction",
      `INSERT INTO "FicheAction" (id, "contractId", "axisId", number, title, context, "generalObjective", description, "targetPublic",
                                  "pilotOrganisationId", "pilotContactName", "pilotContactEmail", "pilotUserId", "startsOn", "endsOn",
                                  determinants, themes, "prsObjectiveId", status, progress, priority, "updatedAt")
       SELECT f.id, f.contract_id, a.id, f.n,
              ($1::text[])[1 + (f.n + f.t) % array_length($1::text[], 1)],
              'Contexte fictif : le diagnostic local de santé a relevé un besoin sur ce thème dans plusieurs communes du territoire.',
              'Objectif général fictif de la fiche n° ' || f.n || '.',
              'Description fictive de la mise en œuvre : réunions de partenaires, actions auprès des habitants, suivi des indicateurs.',
              'Habitants du territoire',
              o.id, 'Référent fictif ' || f.n, 'referent-' || f.n || '@' || $2,
              CASE WHEN f.n % 4 = 0 AND f.generation = c.generation THEN u.id END,
              f.starts + (f.n % 12) * 30, (f.starts + interval '5 years' - interval '1 day')::date,
              ARRAY['Accès aux soins'], ARRAY[($3::text[])[1 + f.n % array_length($3::text[], 1)]], prs.id,
              s.status::"ProgressStatus", s.progress,
              (ARRAY['low', 'medium', 'high'])[1 + f.n % 3]::"Priority", now()
       FROM nat_fiche f
       JOIN "Axis" a ON a."contractId" = f.contract_id AND a.position = 1 + ((f.n - 1) * $4) / (SELECT fiches FROM nat_contract WHERE id = f.contract_id)
       JOIN nat_org o ON o.dep = f.dep AND o.k = f.pilot_k
       JOIN (SELECT t, max(generation) AS generation FROM nat_contract GROUP BY t) c ON c.t = f.t
       LEFT JOIN nat_user u ON u.email = 'contribution-' || lpad(f.t::text, 4, '0') || '@' || $2
       JOIN nat_territory nt ON nt.t = f.t
       JOIN "PrsObjective" prs ON prs."regionId" = nt.region_id AND prs.code = (1 + (f.n % $5) / 6) || '.' || (1 + (f.n % $5) % 6)
       CROSS JOIN LATERAL (SELECT (ARRAY['not_started', 'in_progress', 'in_progress', 'completed', 'delayed', 'in_progress'])[1 + pg_temp.pick(f.t * 1000 + f.n, 3, 6)] AS status) s0
       CROSS JOIN LATERAL (SELECT s0.status, CASE s0.status WHEN 'not_started' THEN 0 WHEN 'completed' THEN 100 ELSE 10 + pg_temp.pick(f.t * 1000 + f.n, 4, 80) END AS progress) s`,
      [vocabulary.fiches, NATIONAL_EMAIL_DOMAIN, THEMES, sizes.axesPerContract, sizes.prsObjectivesPerRegion],
    );
    await run(
      "FicheFinding",
      `INSERT INTO "FicheFinding" ("ficheId", "findingId")
       SELECT f.id, df.id FROM nat_fiche f JOIN "DiagnosisFinding" df ON df."contractId" = f.contract_id AND df.position = 1 + f.n % $1`,
      [sizes.findingsPerContract],
    );
    await run(
      "FichePartner",
      `INSERT INTO "FichePartner" ("ficheId", "organisationId", role, "updatedAt")
       SELECT f.id, o.id, 'Partenaire de l’action', now()
       FROM nat_fiche f CROSS JOIN generate_series(1, 2) p JOIN nat_org o ON o.dep = f.dep AND o.k = 1 + (f.pilot_k + p * 7) % $1`,
      [sizes.organisationsPerDepartment],
    );
    await run(
      "Milestone",
      `INSERT INTO "Milestone" ("ficheId", title, "dueOn", "doneOn", "updatedAt")
       SELECT f.id, CASE WHEN p = 1 THEN 'Lancement de l’action' ELSE 'Bilan intermédiaire' END, f.starts + p * 180,
              CASE WHEN f.starts + p * 180 < current_date AND f.n % 3 <> 0 THEN f.starts + p * 180 + 10 END, now()
       FROM nat_fiche f CROSS JOIN generate_series(1, 2) p`,
    );
    await run(
      "BudgetLine",
      `INSERT INTO "BudgetLine" ("ficheId", "funderId", "fundingInstrument", year, amount, "updatedAt")
       SELECT f.id, r.ars_id, 'FIR', extract(year FROM f.starts)::int, 1000 * (5 + pg_temp.pick(f.t * 1000 + f.n, 5, 60)), now()
       FROM nat_fiche f JOIN nat_territory nt ON nt.t = f.t JOIN nat_region r ON r.id = nt.region_id`,
    );
    await run(
      "OperationalObjective",
      `INSERT INTO "OperationalObjective" ("ficheId", position, title, "dueOn", status, progress, "updatedAt")
       SELECT f.id, p, ($1::text[])[1 + (f.n + p) % array_length($1::text[], 1)], f.starts + p * 365,
              (CASE WHEN f.starts + p * 365 < current_date THEN 'completed' ELSE 'in_progress' END)::"ProgressStatus",
              CASE WHEN f.starts + p * 365 < current_date THEN 100 ELSE 40 END, now()
       FROM nat_fiche f CROSS JOIN generate_series(1, $2) p`,
      [vocabulary.objectives, sizes.objectivesPerFiche],
    );
    // 140,000 commitments: the pilot on each objective, and on every third fiche's first the
    // département's first organisation (its second when it pilots): the bench's partner account.
    await run(
      "Commitment",
      `INSERT INTO "Commitment" ("organisationId", "objectiveId", description, status, progress, "updatedAt")
       SELECT o.id, oo.id, ($1::text[])[1 + (f.n + oo.position + extra) % array_length($1::text[], 1)], 'in_progress', 30, now()
       FROM nat_fiche f JOIN "OperationalObjective" oo ON oo."ficheId" = f.id
       CROSS JOIN generate_series(0, 1) extra
       JOIN nat_org o ON o.dep = f.dep AND o.k = CASE WHEN extra = 0 THEN f.pilot_k WHEN f.pilot_k = 1 THEN 2 ELSE 1 END
       WHERE extra = 0 OR (oo.position = 1 AND f.n % 3 = 0)`,
      [vocabulary.commitments],
    );
    // 100,000 indicators: two on two fiches out of three, one on the third; ten measurements each.
    await client.query(
      `CREATE TEMP TABLE nat_indicator (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, seq serial, fiche_id uuid, objective_id uuid, v int, starts date) ON COMMIT DROP`,
    );
    await client.query(
      `INSERT INTO nat_indicator (fiche_id, objective_id, v, starts)
       SELECT f.id, oo.id, 1 + pg_temp.pick(f.t * 1000 + f.n, i, $1), f.starts
       FROM nat_fiche f CROSS JOIN generate_series(1, 2) i JOIN "OperationalObjective" oo ON oo."ficheId" = f.id AND oo.position = i
       WHERE i = 1 OR f.n % 3 <> 0`,
      [vocabulary.indicators.length],
    );
    const indicators = vocabulary.indicators;
    await run(
      "Indicator",
      `INSERT INTO "Indicator" (id, "ficheId", "objectiveId", name, level, unit, direction, "baselineValue", "baselineOn", "targetValue", "targetOn",
                                frequency, "dataSource", "updatedAt")
       SELECT i.id, i.fiche_id, i.objective_id, ($1::text[])[i.v], ($2::text[])[i.v]::"IndicatorLevel", ($3::text[])[i.v],
              ($4::text[])[i.v]::"IndicatorDirection", ($5::numeric[])[i.v], i.starts, ($6::numeric[])[i.v],
              (i.starts + interval '5 years' - interval '1 day')::date, 'monthly', 'Source fictive', now()
       FROM nat_indicator i`,
      [
        indicators.map((indicator) => indicator.name),
        indicators.map((indicator) => indicator.level),
        indicators.map((indicator) => indicator.unit),
        indicators.map((indicator) => indicator.direction),
        indicators.map((indicator) => indicator.baseline),
        indicators.map((indicator) => indicator.target),
      ],
    );
    // Monthly measurements from the contract's start, along the trajectory from baseline to target (60 months), with some noise.
    await run(
      "Measurement",
      `INSERT INTO "Measurement" ("indicatorId", "measuredOn", value, source, "updatedAt")
       SELECT i.id, (i.starts + (q || ' months')::interval)::date,
              greatest(0, round(b.baseline + (b.target - b.baseline) * q / 60.0 + (pg_temp.pick(i.seq, q, 11) - 5) * abs(b.target - b.baseline) / 50.0, 2)),
              'Source fictive', now()
       FROM nat_indicator i CROSS JOIN generate_series(1, $3) q
       CROSS JOIN LATERAL (SELECT ($1::numeric[])[i.v] AS baseline, ($2::numeric[])[i.v] AS target) b`,
      [indicators.map((indicator) => indicator.baseline), indicators.map((indicator) => indicator.target), sizes.measurementsPerIndicator],
    );
    await run(
      "Notification",
      `INSERT INTO "Notification" ("userId", kind, "subjectId", period, title, context, href, "dueOn", "createdAt", "readAt")
       SELECT u.id, (ARRAY['measurement_due', 'milestone_due', 'commitment_overdue'])[1 + q % 3], gen_random_uuid(), 'fictif',
              'Échéance fictive n° ' || q, 'Fiche fictive · Territoire fictif', '/fiches', (now() - q * interval '1 day')::date,
              now() - q * interval '1 day', CASE WHEN q % 2 = 0 THEN now() END
       FROM nat_user u CROSS JOIN generate_series(1, $1) q`,
      [sizes.notificationsPerUser],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  await client.query("ANALYZE");
  return report;
}

/** Runs `step` with an app database client of its own on `url` (the steps that go through the app's code). */
export async function withDb<T>(url: string, step: (db: Db) => Promise<T>): Promise<T> {
  const db = createDbClient(url);
  try {
    return await step(db);
  } finally {
    await db.$disconnect();
  }
}

-- A fiche a signed amendment closed (FicheAction."closedOn", lib/amendments) has left the
-- contract's plan: like one in the trash, it counts in none of the contract's figures (counts by
-- status, fiches without indicator or pilot, progress), as lib/contracts/progress.ts `isInPlan`
-- says. The same functions as 20261206200000_contract_fiche_stats, with that one condition, and
-- the update trigger recounts when a fiche is closed.

CREATE OR REPLACE FUNCTION "ContractFicheStats_progress"(contract_ids UUID[]) RETURNS TABLE ("contractId" UUID, "progress" INTEGER)
LANGUAGE sql STABLE AS $$
  WITH fiche AS (
    SELECT f."contractId", f."axisId", f."status", f."weight",
      coalesce(
        (SELECT round(sum(o."progress" * coalesce(o."weight", 1))::numeric / nullif(sum(coalesce(o."weight", 1)), 0))
         FROM "OperationalObjective" o
         WHERE o."ficheId" = f."id" AND o."deletedAt" IS NULL AND o."status" <> 'abandoned'),
        f."progress"
      ) AS "progress"
    FROM "FicheAction" f
    WHERE f."contractId" = ANY(contract_ids) AND f."deletedAt" IS NULL AND f."closedOn" IS NULL
  ), axis AS (
    SELECT fiche."contractId",
      round(sum(fiche."progress" * coalesce(fiche."weight", 1))::numeric / nullif(sum(coalesce(fiche."weight", 1)), 0)) AS "progress"
    FROM fiche
    WHERE fiche."status" <> 'abandoned'
    GROUP BY fiche."contractId", fiche."axisId"
  )
  SELECT c."id", (SELECT round(avg(axis."progress"))::int FROM axis WHERE axis."contractId" = c."id")
  FROM unnest(contract_ids) AS c("id")
$$;

-- Recounts these contracts. Concurrent writers to one contract take turns on its stats row, and
-- each counts in a statement that starts after the lock is granted: under READ COMMITTED that
-- statement sees what the writer before it committed, so the last to count sees every fiche.
CREATE OR REPLACE FUNCTION "ContractFicheStats_refresh"(contract_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(contract_ids), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "ContractFicheStats" ("contractId")
    SELECT c."id" FROM "Contract" c WHERE c."id" = ANY(contract_ids) ORDER BY c."id"
    ON CONFLICT ("contractId") DO NOTHING;
  PERFORM 1 FROM "ContractFicheStats" s WHERE s."contractId" = ANY(contract_ids) ORDER BY s."contractId" FOR UPDATE;
  UPDATE "ContractFicheStats" s
  SET "fiches" = counted."fiches",
      "fichesWithoutIndicator" = counted."fichesWithoutIndicator",
      "fichesWithoutPilot" = counted."fichesWithoutPilot",
      "fichesNotStarted" = counted."fichesNotStarted",
      "fichesInProgress" = counted."fichesInProgress",
      "fichesCompleted" = counted."fichesCompleted",
      "fichesDelayed" = counted."fichesDelayed",
      "fichesAbandoned" = counted."fichesAbandoned",
      "progress" = rolled."progress"
  FROM (
    SELECT c."id",
      count(f."id")::int AS "fiches",
      count(f."id") FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "Indicator" i WHERE i."ficheId" = f."id" AND i."deletedAt" IS NULL
      ))::int AS "fichesWithoutIndicator",
      count(f."id") FILTER (WHERE f."pilotOrganisationId" IS NULL AND f."pilotUserId" IS NULL)::int AS "fichesWithoutPilot",
      count(f."id") FILTER (WHERE f."status" = 'not_started')::int AS "fichesNotStarted",
      count(f."id") FILTER (WHERE f."status" = 'in_progress')::int AS "fichesInProgress",
      count(f."id") FILTER (WHERE f."status" = 'completed')::int AS "fichesCompleted",
      count(f."id") FILTER (WHERE f."status" = 'delayed')::int AS "fichesDelayed",
      count(f."id") FILTER (WHERE f."status" = 'abandoned')::int AS "fichesAbandoned"
    FROM unnest(contract_ids) AS c("id")
    LEFT JOIN "FicheAction" f ON f."contractId" = c."id" AND f."deletedAt" IS NULL AND f."closedOn" IS NULL
    GROUP BY c."id"
  ) counted
  JOIN "ContractFicheStats_progress"(contract_ids) rolled ON rolled."contractId" = counted."id"
  WHERE s."contractId" = counted."id";
END;
$$;

-- Updates recount only when what the counts read changed: editing a fiche's text locks nothing.
CREATE OR REPLACE FUNCTION "FicheAction_refresh_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ContractFicheStats_refresh"(ARRAY(SELECT DISTINCT n."contractId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "ContractFicheStats_refresh"(ARRAY(SELECT DISTINCT o."contractId" FROM old_rows o));
  ELSE
    PERFORM "ContractFicheStats_refresh"(ARRAY(
      SELECT unnest(ARRAY[o."contractId", n."contractId"])
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE n."contractId" <> o."contractId"
         OR (n."deletedAt" IS NULL) <> (o."deletedAt" IS NULL)
         OR (n."closedOn" IS NULL) <> (o."closedOn" IS NULL)
         OR (n."pilotOrganisationId" IS NULL AND n."pilotUserId" IS NULL) <> (o."pilotOrganisationId" IS NULL AND o."pilotUserId" IS NULL)
         OR (n."axisId", n."status", n."progress", n."weight") IS DISTINCT FROM (o."axisId", o."status", o."progress", o."weight")
      GROUP BY 1
    ));
  END IF;
  RETURN NULL;
END;
$$;

-- The contracts that already have closed fiches, counted anew.
SELECT "ContractFicheStats_refresh"(ARRAY(SELECT DISTINCT "contractId" FROM "FicheAction" WHERE "closedOn" IS NOT NULL));

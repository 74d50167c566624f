-- A contract's fiche counts and progress, kept by PostgreSQL itself for the regional portfolio
-- (lib/portfolio, lib/compliance): 200 contracts flagged from 200 rows instead of 8,000 fiches,
-- their indicators and 16,000 objectives. Statement triggers on FicheAction, Indicator and
-- OperationalObjective recount the contracts a statement touched, whatever path wrote (the app,
-- an import, a foreign key's action, a seed).
CREATE TABLE "ContractFicheStats" (
    "contractId" UUID NOT NULL,
    "fiches" INTEGER NOT NULL DEFAULT 0,
    "fichesWithoutIndicator" INTEGER NOT NULL DEFAULT 0,
    "fichesWithoutPilot" INTEGER NOT NULL DEFAULT 0,
    "fichesNotStarted" INTEGER NOT NULL DEFAULT 0,
    "fichesInProgress" INTEGER NOT NULL DEFAULT 0,
    "fichesCompleted" INTEGER NOT NULL DEFAULT 0,
    "fichesDelayed" INTEGER NOT NULL DEFAULT 0,
    "fichesAbandoned" INTEGER NOT NULL DEFAULT 0,
    "progress" INTEGER,

    CONSTRAINT "ContractFicheStats_pkey" PRIMARY KEY ("contractId")
);

ALTER TABLE "ContractFicheStats" ADD CONSTRAINT "ContractFicheStats_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The progress roll-up of lib/contracts/progress.ts, in SQL (a test holds the two together):
-- a fiche takes the weighted average of its objectives, or its own progress without any; an axis
-- the weighted average of its fiches; the contract the plain average of its axes that have one.
-- Abandoned items do not count, a missing weight counts as 1, each level is rounded.
CREATE FUNCTION "ContractFicheStats_progress"(contract_ids UUID[]) RETURNS TABLE ("contractId" UUID, "progress" INTEGER)
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
    WHERE f."contractId" = ANY(contract_ids) AND f."deletedAt" IS NULL
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
CREATE FUNCTION "ContractFicheStats_refresh"(contract_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
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
    LEFT JOIN "FicheAction" f ON f."contractId" = c."id" AND f."deletedAt" IS NULL
    GROUP BY c."id"
  ) counted
  JOIN "ContractFicheStats_progress"(contract_ids) rolled ON rolled."contractId" = counted."id"
  WHERE s."contractId" = counted."id";
END;
$$;

-- Updates recount only when what the counts read changed: editing a fiche's text locks nothing.
CREATE FUNCTION "FicheAction_refresh_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
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
         OR (n."pilotOrganisationId" IS NULL AND n."pilotUserId" IS NULL) <> (o."pilotOrganisationId" IS NULL AND o."pilotUserId" IS NULL)
         OR (n."axisId", n."status", n."progress", n."weight") IS DISTINCT FROM (o."axisId", o."status", o."progress", o."weight")
      GROUP BY 1
    ));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "FicheAction_stats_insert" AFTER INSERT ON "FicheAction"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheAction_refresh_stats"();
CREATE TRIGGER "FicheAction_stats_update" AFTER UPDATE ON "FicheAction"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheAction_refresh_stats"();
CREATE TRIGGER "FicheAction_stats_delete" AFTER DELETE ON "FicheAction"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheAction_refresh_stats"();

-- Indicators and objectives count for their fiche's contract (any change of one is recounted: they
-- are few per contract); a fiche deleted with them is recounted by the fiche's own trigger.
CREATE FUNCTION "FicheChild_refresh_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ContractFicheStats_refresh"(ARRAY(
      SELECT DISTINCT f."contractId" FROM new_rows n JOIN "FicheAction" f ON f."id" = n."ficheId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "ContractFicheStats_refresh"(ARRAY(
      SELECT DISTINCT f."contractId" FROM old_rows o JOIN "FicheAction" f ON f."id" = o."ficheId"));
  ELSE
    PERFORM "ContractFicheStats_refresh"(ARRAY(
      SELECT DISTINCT f."contractId"
      FROM (SELECT o."ficheId" FROM old_rows o UNION SELECT n."ficheId" FROM new_rows n) changed
      JOIN "FicheAction" f ON f."id" = changed."ficheId"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Indicator_stats_insert" AFTER INSERT ON "Indicator"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();
CREATE TRIGGER "Indicator_stats_update" AFTER UPDATE ON "Indicator"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();
CREATE TRIGGER "Indicator_stats_delete" AFTER DELETE ON "Indicator"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();
CREATE TRIGGER "OperationalObjective_stats_insert" AFTER INSERT ON "OperationalObjective"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();
CREATE TRIGGER "OperationalObjective_stats_update" AFTER UPDATE ON "OperationalObjective"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();
CREATE TRIGGER "OperationalObjective_stats_delete" AFTER DELETE ON "OperationalObjective"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "FicheChild_refresh_stats"();

-- Every existing contract counted once.
SELECT "ContractFicheStats_refresh"(ARRAY(SELECT "id" FROM "Contract"));

-- PRS objectives become each region's reference list (DOMAIN.md: "PRS objectives are a regional
-- reference list, not free text"): a fiche names one of its region's objectives.

CREATE TABLE "PrsObjective" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "regionId" UUID NOT NULL,
    "code" VARCHAR(20),
    "label" VARCHAR(500) NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PrsObjective_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PrsObjective_regionId_code_key" ON "PrsObjective"("regionId", "code");
CREATE UNIQUE INDEX "PrsObjective_regionId_label_key" ON "PrsObjective"("regionId", "label");

ALTER TABLE "PrsObjective" ADD CONSTRAINT "PrsObjective_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "FicheAction" ADD COLUMN "prsObjectiveId" UUID;
CREATE INDEX "FicheAction_prsObjectiveId_idx" ON "FicheAction"("prsObjectiveId");
-- An objective a fiche names is archived, never deleted (lib/prs-objectives).
ALTER TABLE "FicheAction" ADD CONSTRAINT "FicheAction_prsObjectiveId_fkey" FOREIGN KEY ("prsObjectiveId") REFERENCES "PrsObjective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The free texts fiches held become their region's entries, without a code, for its ARS to
-- review: nothing a coordinator wrote is lost. Published versions keep the text they froze.
INSERT INTO "PrsObjective" ("regionId", "label", "updatedAt")
SELECT DISTINCT t."regionId", left(btrim(f."prsObjective"), 500), CURRENT_TIMESTAMP
FROM "FicheAction" f
JOIN "Contract" c ON c."id" = f."contractId"
JOIN "Territory" t ON t."id" = c."territoryId"
WHERE btrim(coalesce(f."prsObjective", '')) <> ''
ON CONFLICT DO NOTHING;

UPDATE "FicheAction" f
SET "prsObjectiveId" = p."id"
FROM "Contract" c, "Territory" t, "PrsObjective" p
WHERE c."id" = f."contractId"
  AND t."id" = c."territoryId"
  AND p."regionId" = t."regionId"
  AND p."label" = left(btrim(f."prsObjective"), 500);

ALTER TABLE "FicheAction" DROP COLUMN "prsObjective";

-- The open data API (issue 15, docs/adr/0013-open-data-api.md): its rate limit's counts, requests
-- per client and fixed window summed over every app instance (lib/http/rate-limit.ts), clients
-- as keyed hashes of their address; and the facets its filters select published fiches by, copied
-- out of the public content into columns of their own (lib/publication/content.ts), indexed.

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" VARCHAR(120) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");

-- AlterTable
ALTER TABLE "PublicFiche" ADD COLUMN "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "determinants" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "prsObjective" TEXT;

-- The fiches published before: their facets from their content, as publicFicheFacets reads them.
UPDATE "PublicFiche" SET
  "themes" = CASE WHEN jsonb_typeof("content" #> '{values,themes}') = 'array'
    THEN ARRAY(SELECT e #>> '{}' FROM jsonb_array_elements("content" #> '{values,themes}') e WHERE jsonb_typeof(e) = 'string')
    ELSE ARRAY[]::TEXT[] END,
  "determinants" = CASE WHEN jsonb_typeof("content" #> '{values,determinants}') = 'array'
    THEN ARRAY(SELECT e #>> '{}' FROM jsonb_array_elements("content" #> '{values,determinants}') e WHERE jsonb_typeof(e) = 'string')
    ELSE ARRAY[]::TEXT[] END,
  "prsObjective" = CASE WHEN jsonb_typeof("content" #> '{values,prs_objective}') = 'string' THEN "content" #>> '{values,prs_objective}' END;

-- CreateIndex
CREATE INDEX "PublicFiche_themes_idx" ON "PublicFiche" USING GIN ("themes");

-- CreateIndex
CREATE INDEX "PublicFiche_determinants_idx" ON "PublicFiche" USING GIN ("determinants");

-- CreateIndex
CREATE INDEX "PublicFiche_prsObjective_idx" ON "PublicFiche" USING HASH ("prsObjective");

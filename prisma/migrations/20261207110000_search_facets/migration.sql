-- The search's facets and ranking of a published fiche, generated from its public content:
-- counting and ranking thousands of matches read these small columns, never the whole content
-- nor its whole vector (large values stored out of line). Ranking weighs the title, then the
-- themes and determinants; a match elsewhere in the content ranks after them.
ALTER TABLE "PublicFiche"
  ADD COLUMN "rankVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.fr_unaccent'::regconfig, "title"), 'A')
    || setweight(to_tsvector('public.fr_unaccent'::regconfig,
         COALESCE("content" -> 'shown' ->> 'themes', '') || ' ' || COALESCE("content" -> 'shown' ->> 'determinants', '')), 'B')
  ) STORED,
  ADD COLUMN "facetStatus" TEXT GENERATED ALWAYS AS ("content" -> 'values' ->> 'status') STORED,
  ADD COLUMN "facetPrsObjective" TEXT GENERATED ALWAYS AS (NULLIF("content" -> 'values' ->> 'prs_objective', '')) STORED,
  ADD COLUMN "facetThemes" JSONB GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof("content" -> 'values' -> 'themes') = 'array' THEN "content" -> 'values' -> 'themes' ELSE '[]'::jsonb END
  ) STORED,
  ADD COLUMN "facetDeterminants" JSONB GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof("content" -> 'values' -> 'determinants') = 'array' THEN "content" -> 'values' -> 'determinants' ELSE '[]'::jsonb END
  ) STORED;

-- The few fiches in the trash or confidential, found without reading every fiche.
CREATE INDEX "FicheAction_deletedAt_idx" ON "FicheAction"("deletedAt");
CREATE INDEX "FicheAction_confidential_idx" ON "FicheAction"("confidential");

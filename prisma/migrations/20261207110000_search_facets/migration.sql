-- The search's ranking and status facet of a published fiche, generated from its public content
-- (its themes, determinants and PRS objective are copied out at publication, migration
-- 20261207120000_open_data):
-- counting and ranking thousands of matches read these small columns, never the whole content
-- nor its whole vector (large values stored out of line). Ranking weighs the title, then the
-- themes and determinants; a match elsewhere in the content ranks after them.
ALTER TABLE "PublicFiche"
  ADD COLUMN "rankVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('public.fr_unaccent'::regconfig, "title"), 'A')
    || setweight(to_tsvector('public.fr_unaccent'::regconfig,
         COALESCE("content" -> 'shown' ->> 'themes', '') || ' ' || COALESCE("content" -> 'shown' ->> 'determinants', '')), 'B')
  ) STORED,
  ADD COLUMN "facetStatus" TEXT GENERATED ALWAYS AS ("content" -> 'values' ->> 'status') STORED;

-- The few fiches in the trash or confidential, found without reading every fiche.
CREATE INDEX "FicheAction_deletedAt_idx" ON "FicheAction"("deletedAt");
CREATE INDEX "FicheAction_confidential_idx" ON "FicheAction"("confidential");

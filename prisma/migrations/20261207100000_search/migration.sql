-- French full-text search over the public contents (lib/search): accents folded by unaccent,
-- words stemmed by PostgreSQL's French dictionary, so "sante mentale" finds "Santé mentale".
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION public.fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION public.fr_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;

-- A published fiche's vector, from its public content only (confidential fields never reach it):
-- the title weighs most, then themes and determinants as people read them (their labels), then
-- every other text it shows.
ALTER TABLE "PublicFiche" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('public.fr_unaccent'::regconfig, "title"), 'A')
  || setweight(to_tsvector('public.fr_unaccent'::regconfig,
       COALESCE("content" -> 'shown' ->> 'themes', '') || ' ' || COALESCE("content" -> 'shown' ->> 'determinants', '')), 'B')
  || setweight(jsonb_to_tsvector('public.fr_unaccent'::regconfig, "content", '["string"]'), 'D')
) STORED;
CREATE INDEX "PublicFiche_searchVector_idx" ON "PublicFiche" USING GIN ("searchVector");

-- A contract's vector, from the fields its public page shows (searched only when it is public).
ALTER TABLE "Contract" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('public.fr_unaccent'::regconfig, "title"), 'A')
  || setweight(to_tsvector('public.fr_unaccent'::regconfig,
       COALESCE("mentalHealthComponent", '') || ' ' || COALESCE("clsmName", '')), 'B')
  || setweight(to_tsvector('public.fr_unaccent'::regconfig,
       COALESCE("summary", '') || ' ' || COALESCE("diagnosisSummary", '')), 'C')
) STORED;
CREATE INDEX "Contract_searchVector_idx" ON "Contract" USING GIN ("searchVector");

-- Which territories cover a commune (the home page's commune search).
CREATE INDEX "Territory_communeCodes_idx" ON "Territory" USING GIN ("communeCodes");

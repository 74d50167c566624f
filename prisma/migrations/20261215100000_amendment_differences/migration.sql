-- A signed amendment's differences, computed once from its two frozen snapshots and kept
-- (lib/amendments/queries.ts): pages listing amendments no longer read two contract contents each.
-- Existing amendments get theirs the first time they are read.
ALTER TABLE "Amendment" ADD COLUMN "differences" JSONB;

-- Renewal (issue 16, part 2): a fiche of the next contract names the fiche it continues
-- (FicheAction.continuesFicheId, which existed unindexed). A fiche's later generations are found
-- through this index, and so is every fiche a deleted fiche's link must be cleared from.

-- CreateIndex
CREATE INDEX "FicheAction_continuesFicheId_idx" ON "FicheAction"("continuesFicheId");

/**
 * How many fiches actions a contract has. Where a source gives only a count ("15 fiches-
 * actions"), the contract records it (declaredFicheCount) without inventing fiches; the
 * number shown is the larger of that count and the fiches recorded.
 */
export function ficheCountOf(contract: { declaredFicheCount: number | null }, recordedFiches: number): number {
  return Math.max(contract.declaredFicheCount ?? 0, recordedFiches);
}

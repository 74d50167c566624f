// Needs and actions: each finding of a contract's diagnosis against the fiches that answer it
// (FicheFinding), the findings no fiche answers set apart. The workspace counts every fiche
// outside the trash; the public page only published fiches, never confidential ones (./selects.ts).

/** A finding with the fiches that answer it, as the reads give it. */
export type FindingWithFiches<Fiche> = { id: string; text: string; fiches: readonly Fiche[] };

export type FindingCoverage<Fiche> = {
  findings: Array<FindingWithFiches<Fiche> & { covered: boolean }>;
  total: number;
  covered: number;
  uncovered: number;
};

/** Each finding marked covered when a fiche answers it, and the counts. */
export function findingCoverage<Fiche>(findings: ReadonlyArray<FindingWithFiches<Fiche>>): FindingCoverage<Fiche> {
  const rows = findings.map((finding) => ({ ...finding, covered: finding.fiches.length > 0 }));
  const covered = rows.filter((row) => row.covered).length;
  return { findings: rows, total: rows.length, covered, uncovered: rows.length - covered };
}

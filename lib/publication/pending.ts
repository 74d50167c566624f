// Which fiches a coordinator's « Publier les fiches modifiées » publishes: every fiche outside the
// trash that is not confidential and that the public does not read as it stands, never published
// or edited since. Each goes to `fiche.publish` (./mutations.ts) at the version the page showed.

export type PublicationCandidate = {
  id: string;
  number: number;
  title: string;
  version: number;
  confidential: boolean;
  /** The version the public reads; null when the fiche is not published. */
  publishedVersion: number | null;
};

export type PendingFiche = Pick<PublicationCandidate, "id" | "number" | "title" | "version"> & {
  /** Never published, or published in an older version. */
  reason: "unpublished" | "modified";
};

/** The fiches to publish, in number order. */
export function fichesToPublish(fiches: readonly PublicationCandidate[]): PendingFiche[] {
  return fiches
    .flatMap(({ id, number, title, version, confidential, publishedVersion }) => {
      if (confidential || publishedVersion === version) return [];
      return [{ id, number, title, version, reason: publishedVersion === null ? ("unpublished" as const) : ("modified" as const) }];
    })
    .sort((a, b) => a.number - b.number);
}

/** The `fiche.publish` input's fields for these fiches, as a form sends them. */
export function publishFields(contractId: string, fiches: readonly Pick<PendingFiche, "id" | "version">[]): Record<string, string> {
  const fields: Record<string, string> = { contractId };
  fiches.forEach((fiche, index) => {
    fields[`fiches.${index}.id`] = fiche.id;
    fields[`fiches.${index}.version`] = String(fiche.version);
  });
  return fields;
}

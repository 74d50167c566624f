// Where each side answers a review step: the contract page (coordinators) or its reading page (the
// agency), except an amendment's, which both sides review on the amendment's own page.
import type { ReviewSubjectKind, ReviewTargetKind } from "@/lib/db/generated/enums";

export type ReviewPlace = { kind: ReviewSubjectKind | ReviewTargetKind; id: string };

/** The page, under the contract's workspace path, where `side` reviews the subject or target, at its review section. */
export function reviewHref(contractPath: string, side: "coordinator" | "officer", place: ReviewPlace | null = null): string {
  if (place?.kind === "amendment") return `${contractPath}/avenants/${place.id}#revue`;
  return side === "coordinator" ? `${contractPath}#revue` : `${contractPath}/lecture#revue`;
}

// Where a due item is done: a measurement on the fiche's indicators page, an assessment on its
// form in the campaign, a milestone on the fiche. "Mes fiches" and the reminders link there.
import { assessmentPath } from "@/lib/assessments/paths";
import { ficheIndicatorsPath, fichePath } from "@/lib/fiches/paths";
import type { DueItem } from "./schedule";

export function dueItemPath(place: Parameters<typeof fichePath>[0], item: Pick<DueItem, "kind" | "subjectId">): string {
  switch (item.kind) {
    case "measurement":
      return ficheIndicatorsPath(place);
    case "assessment":
      return assessmentPath({ ...place, campaignId: item.subjectId });
    case "milestone":
      return fichePath(place);
  }
}

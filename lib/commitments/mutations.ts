// A partner reports on its organisation's commitment. The report has its own version: the
// fiche's form writes only what the organisation commits to (lib/fiches/save.ts), never the
// report, so neither side's save can overwrite the other's.
import { actionsOn } from "@/lib/actions/define";
import { ok } from "@/lib/actions/result";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { historySnapshot } from "@/lib/catalogue";
import { ficheLabel } from "@/lib/contracts/labels";
import { loadCommitmentResource } from "./resource";
import { commitmentReportSelect } from "./selects";
import { COMMITMENT_REPORT_FIELDS, reportCommitmentSchema, type CommitmentReportRecord } from "./schema";

const onCommitment = actionsOn("commitment.edit", (db, { commitmentId }: { commitmentId: string }) =>
  loadCommitmentResource(db, commitmentId),
);

export const reportCommitment = onCommitment(
  "commitment.report",
  reportCommitmentSchema,
  async (context, input, { territoryId = null }) => {
    const before = await context.db.commitment.findUniqueOrThrow({
      where: { id: input.commitmentId },
      select: {
        ...commitmentReportSelect,
        organisation: { select: { name: true } },
        fiche: { select: { number: true } },
        objective: { select: { fiche: { select: { number: true } } } },
      },
    });
    const { commitmentId, version, ...report } = input;
    const after: CommitmentReportRecord = report;
    const ficheNumber = (before.fiche ?? before.objective!.fiche).number;
    await saveVersioned(
      context,
      {
        action: "commitment.report",
        entityType: "Commitment",
        entityId: commitmentId,
        entityLabel: `${before.organisation.name} · ${ficheLabel(ficheNumber)}`,
        territoryId,
        baseVersion: version,
      },
      async (tx) => {
        assertVersionMatched(
          await tx.commitment.updateMany({
            where: { id: commitmentId, version },
            data: { ...report, reportedAt: new Date(), reportedById: context.actor.userId, version: { increment: 1 } },
          }),
        );
        return { before: historySnapshot(COMMITMENT_REPORT_FIELDS, before), after: historySnapshot(COMMITMENT_REPORT_FIELDS, after) };
      },
    );
    return ok(null, "Votre point d’avancement est enregistré.");
  },
);

// « Préparer le contrat suivant »: from a contract that is signed, under way or ending, a new
// draft contract of the next generation, which records the one it follows, with the axes and
// fiches the coordinator carries over, each new fiche continuing the one it was copied from. One
// contract has one next contract at most (Contract.previousContractId is unique).
import { onContract } from "@/lib/actions/targets";
import { RefusedError } from "@/lib/actions/errors";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudits } from "@/lib/audit/record";
import type { AxisFieldName } from "@/lib/axes/schema";
import { ficheLabel, generationLabel } from "@/lib/contracts/labels";
import { lockContract } from "@/lib/contracts/lock";
import type { Tx } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { ficheFormSelect } from "@/lib/fiches/queries";
import { ficheColumns, syncChildren } from "@/lib/fiches/save";
import { ficheEntityLabel, ficheSnapshot } from "@/lib/fiches/snapshot";
import { carriedFicheInput } from "./copy";
import { isRenewable, renewContractSchema } from "./schema";

/** The columns an axis is copied with: every field of its form (a new one fails to compile here until copied). */
const axisColumns = { title: true, description: true, isTransversal: true } satisfies Record<AxisFieldName, true>;

/** A renewal writes a few statements per fiche carried: more than the default 5 s for a large contract. */
const RENEWAL_TIMEOUT_MS = 60_000;

export const alreadyRenewedMessage = (title: string) =>
  `Ce contrat a déjà un contrat suivant («\u00a0${title}\u00a0»)\u00a0: un contrat n’en a qu’un. Modifiez celui-ci plutôt que d’en préparer un second.`;
export const NOT_RENEWABLE_MESSAGE =
  "Seul un contrat signé, en cours, en évaluation ou clos peut avoir un contrat suivant\u00a0: ce contrat est encore en préparation, ou déjà renouvelé.";

/** Reads the ending contract under its lock: its place, its next contract if any, its axes and the fiches asked for. */
async function readEndingContract(tx: Tx, contractId: string, ficheIds: readonly string[]) {
  await lockContract(tx, contractId);
  return tx.contract.findUniqueOrThrow({
    relationLoadStrategy: "join",
    where: { id: contractId },
    select: {
      territoryId: true,
      title: true,
      generation: true,
      status: true,
      nextContract: { select: { title: true } },
      axes: { orderBy: { position: "asc" }, select: { id: true, ...axisColumns } },
      fiches: {
        where: { id: { in: [...ficheIds] }, deletedAt: null },
        orderBy: { number: "asc" },
        select: { ...ficheFormSelect, number: true, title: true },
      },
    },
  });
}

export const renewContract = onContract("contract.renew", renewContractSchema, async (context, input, { territoryId = null }) => {
  try {
    const created = await context.db.$transaction(
      async (tx) => {
        const ending = await readEndingContract(tx, input.contractId, input.ficheIds);
        if (ending.nextContract) throw new RefusedError(alreadyRenewedMessage(ending.nextContract.title));
        if (!isRenewable(ending.status)) throw new RefusedError(NOT_RENEWABLE_MESSAGE);
        const chosenAxes = ending.axes.filter((axis) => input.axisIds.includes(axis.id));
        if (chosenAxes.length < input.axisIds.length) throw new RefusedError("Choisissez des axes de ce contrat.", "axisIds");
        if (ending.fiches.length < input.ficheIds.length)
          throw new RefusedError("Choisissez des fiches de ce contrat (hors corbeille).", "ficheIds");
        const orphan = ending.fiches.find((fiche) => !input.axisIds.includes(fiche.axisId));
        if (orphan) {
          const axis = ending.axes.find((candidate) => candidate.id === orphan.axisId)!;
          throw new RefusedError(
            `La ${ficheLabel(orphan.number).toLowerCase()} appartient à l’axe «\u00a0${axis.title}\u00a0», qui n’est pas repris\u00a0: cochez aussi cet axe, ou décochez la fiche.`,
            "ficheIds",
          );
        }

        const generation = ending.generation + 1;
        const contract = await tx.contract.create({
          data: {
            territoryId: ending.territoryId,
            title: input.title,
            generation,
            status: "preparation",
            visibility: "draft",
            previousContractId: input.contractId,
          },
          select: { id: true },
        });
        // Axes in their order, numbered as the axes' own actions number them: transversal ones without.
        let axisNumber = 0;
        const newAxisIds = new Map<string, string>();
        for (const [index, axis] of chosenAxes.entries()) {
          const copy = await tx.axis.create({
            data: {
              contractId: contract.id,
              position: index + 1,
              number: axis.isTransversal ? null : ++axisNumber,
              title: axis.title,
              description: axis.description,
              isTransversal: axis.isTransversal,
            },
            select: { id: true },
          });
          newAxisIds.set(axis.id, copy.id);
        }
        // Fiches numbered 1, 2, 3… in the new contract, in the order of their axes then of their numbers.
        const fiches = chosenAxes.flatMap((axis) => ending.fiches.filter((fiche) => fiche.axisId === axis.id));
        const audits = [];
        for (const [index, fiche] of fiches.entries()) {
          const number = index + 1;
          const carried = carriedFicheInput(fiche, { axisId: newAxisIds.get(fiche.axisId)!, number });
          if ("error" in carried)
            throw new RefusedError(
              `La ${ficheLabel(fiche.number).toLowerCase()} ne peut pas être reprise telle quelle (${carried.error})\u00a0: corrigez-la, puis recommencez.`,
              "ficheIds",
            );
          const copy = await tx.ficheAction.create({
            data: { ...ficheColumns(carried.input), contractId: contract.id, number },
            select: { id: true },
          });
          await syncChildren(tx, copy.id, carried.input);
          audits.push({
            action: "fiche.renew",
            entityType: "FicheAction",
            entityId: copy.id,
            entityLabel: ficheEntityLabel(number, carried.input.title),
            territoryId,
            after: await ficheSnapshot(tx, copy.id),
          });
        }
        await recordAudits(tx, context, [
          {
            action: "contract.renew",
            entityType: "Contract",
            entityId: contract.id,
            entityLabel: input.title,
            territoryId,
            after: {
              title: input.title,
              generation: generationLabel(generation),
              previousContract: ending.title,
              axesCarried: chosenAxes.map((axis) => axis.title).join("\n"),
              fichesCarried: fiches.map((fiche) => ficheEntityLabel(fiche.number, fiche.title)).join("\n"),
            },
          },
          ...audits,
        ]);
        return contract;
      },
      { timeout: RENEWAL_TIMEOUT_MS },
    );
    return ok({ contractId: created.id }, "Le contrat suivant est créé, en préparation.");
  } catch (error) {
    const target = uniqueViolationTarget(error);
    // Another renewal of the same contract committed first.
    if (target?.includes("previousContractId")) {
      const next = await context.db.contract.findFirst({ where: { previousContractId: input.contractId }, select: { title: true } });
      return { ok: false, reason: "refused", message: alreadyRenewedMessage(next?.title ?? "") };
    }
    if (target?.includes("generation"))
      return fieldError(
        "title",
        "Ce territoire a déjà un contrat de la génération suivante, créé à part\u00a0: liez-le plutôt que d’en préparer un autre.",
      );
    throw error;
  }
});

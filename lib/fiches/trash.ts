// The contract's trash ("Corbeille"): fiches, objectives and indicators deleted in the last 30 days, which
// the coordinator can restore. Older ones are no longer offered.
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { defineAction } from "@/lib/actions/define";
import { ok } from "@/lib/actions/result";
import { restoreTrashed, TRASH_DAYS } from "@/lib/actions/trash";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb, type Db } from "@/lib/db/client";
import { restoreSchema } from "./schema";
import { ficheEntityLabel } from "./snapshot";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

export { TRASH_DAYS };
const trashedSince = () => new Date(Date.now() - TRASH_DAYS * 86_400_000);

export async function getTrash(actor: Actor, territorySlug: string, contractId: string) {
  const contract = await getDb().contract.findFirst({
    relationLoadStrategy: "join",
    where: { id: contractId, territory: { slug: territorySlug } },
    select: {
      id: true,
      title: true,
      territory: { select: territoryKeysSelect },
      fiches: {
        where: { deletedAt: { gte: trashedSince() } },
        orderBy: { deletedAt: "desc" },
        select: { id: true, number: true, title: true, deletedAt: true },
      },
    },
  });
  if (!contract) throw new NotFoundError();
  assertCan(actor, "contract.edit", territoryResource(contract.territory));
  const objectives = await getDb().operationalObjective.findMany({
    relationLoadStrategy: "join",
    where: { deletedAt: { gte: trashedSince() }, fiche: { contractId, deletedAt: null } },
    orderBy: { deletedAt: "desc" },
    select: { id: true, title: true, deletedAt: true, fiche: { select: { number: true, title: true } } },
  });
  const indicators = await getDb().indicator.findMany({
    relationLoadStrategy: "join",
    where: { deletedAt: { gte: trashedSince() }, fiche: { contractId, deletedAt: null } },
    orderBy: { deletedAt: "desc" },
    select: { id: true, name: true, deletedAt: true, fiche: { select: { number: true, title: true } } },
  });
  return { contract, fiches: contract.fiches, objectives, indicators };
}

/** What restoring writes back: out of the trash, one version further. */
const OUT_OF_TRASH = { deletedAt: null, version: { increment: 1 } };

async function trashedResource(db: Db, input: { kind: "fiche" | "objective" | "indicator"; id: string }) {
  const where = { deletedAt: { gte: trashedSince() } };
  const ofFiche = { select: { contract: { select: { territory: { select: TERRITORY_SCOPE_SELECT } } } } } as const;
  const fiche =
    input.kind === "fiche"
      ? await db.ficheAction.findFirst({ where: { id: input.id, ...where }, ...ofFiche })
      : input.kind === "objective"
        ? (
            await db.operationalObjective.findFirst({
              where: { id: input.id, ...where, fiche: { deletedAt: null } },
              select: { fiche: ofFiche },
            })
          )?.fiche
        : (await db.indicator.findFirst({ where: { id: input.id, ...where, fiche: { deletedAt: null } }, select: { fiche: ofFiche } }))
            ?.fiche;
  if (!fiche) throw new NotFoundError();
  return territoryResource(fiche.contract.territory);
}

export const restoreFromTrash = defineAction({
  name: "trash.restore",
  operation: "contract.edit",
  input: restoreSchema,
  resource: trashedResource,
  async run(context, input, { territoryId = null }) {
    if (input.kind === "fiche") {
      const fiche = await context.db.ficheAction.findUniqueOrThrow({
        where: { id: input.id },
        select: { number: true, title: true, deletedAt: true },
      });
      await restoreTrashed(
        context,
        {
          action: "fiche.restore",
          entityType: "FicheAction",
          entityId: input.id,
          entityLabel: ficheEntityLabel(fiche.number, fiche.title),
          territoryId,
          deletedAt: fiche.deletedAt,
        },
        (tx) => tx.ficheAction.update({ where: { id: input.id }, data: OUT_OF_TRASH }),
      );
      return ok(null, `La fiche n°\u00a0${fiche.number} est restaurée.`);
    }
    if (input.kind === "indicator") {
      const indicator = await context.db.indicator.findUniqueOrThrow({ where: { id: input.id }, select: { name: true, deletedAt: true } });
      await restoreTrashed(
        context,
        {
          action: "indicator.restore",
          entityType: "Indicator",
          entityId: input.id,
          entityLabel: indicator.name,
          territoryId,
          deletedAt: indicator.deletedAt,
        },
        (tx) => tx.indicator.update({ where: { id: input.id }, data: OUT_OF_TRASH }),
      );
      return ok(null, `L’indicateur «\u00a0${indicator.name}\u00a0» est restauré.`);
    }
    const objective = await context.db.operationalObjective.findUniqueOrThrow({
      where: { id: input.id },
      select: { title: true, ficheId: true, deletedAt: true },
    });
    await restoreTrashed(
      context,
      {
        action: "objective.restore",
        entityType: "OperationalObjective",
        entityId: input.id,
        entityLabel: objective.title,
        territoryId,
        deletedAt: objective.deletedAt,
      },
      async (tx) => {
        // Back at the end of its fiche's objectives; the fiche's version moves, as its content did.
        const last = await tx.operationalObjective.aggregate({ where: { ficheId: objective.ficheId }, _max: { position: true } });
        await tx.operationalObjective.update({
          where: { id: input.id },
          data: { ...OUT_OF_TRASH, position: (last._max.position ?? 0) + 1 },
        });
        await tx.ficheAction.update({ where: { id: objective.ficheId }, data: { version: { increment: 1 } } });
      },
    );
    return ok(null, `L’objectif «\u00a0${objective.title}\u00a0» est restauré.`);
  },
});

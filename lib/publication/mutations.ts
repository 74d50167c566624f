// Publication of fiches: a coordinator publishes fiches when they are ready (a publication
// snapshot freezes them, and their public version is cut from it), withdraws one, or keeps a
// fiche or some of its fields off every public channel. Each step is audited.
import { actionsOn } from "@/lib/actions/define";
import { RefusedError } from "@/lib/actions/errors";
import { ok } from "@/lib/actions/result";
import { onContract } from "@/lib/actions/targets";
import { recordAudit, recordAudits } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/authz";
import type { Tx } from "@/lib/db/client";
import { loadFicheResource } from "@/lib/fiches/resource";
import { ficheEntityLabel } from "@/lib/fiches/snapshot";
import { formatCount } from "@/lib/format";
import { readContractSnapshot } from "@/lib/snapshots/queries";
import { publicFicheContent, publicFicheFacets } from "./content";
import { publishInTransaction } from "./publish";
import { ficheConfidentialitySchema, publishFichesSchema, withdrawFicheSchema } from "./schema";

/** Withdrawing a fiche and choosing what stays confidential are the coordinators', like publishing. */
const onPublishedFiche = actionsOn("contract.edit", (db, { ficheId }: { ficheId: string }) => loadFicheResource(db, ficheId));

const changedMessage = (number: number) =>
  `La fiche n°\u00a0${number} a été modifiée depuis l’affichage de la page\u00a0: rechargez-la pour relire ce que vous publiez.`;

export const publishFiches = onContract("fiche.publish", publishFichesSchema, async (context, input, { territoryId = null }) => {
  const ids = [...new Set(input.fiches.map((fiche) => fiche.id))];
  const published = await context.db.$transaction(async (tx) => {
    // Held until the snapshot is taken: an edit saved meanwhile would be published unread.
    await tx.$executeRaw`SELECT 1 FROM "FicheAction" WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`;
    const fiches = await tx.ficheAction.findMany({
      where: { id: { in: ids }, contractId: input.contractId, deletedAt: null },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true, version: true, confidential: true, withheldFields: true },
    });
    if (fiches.length !== ids.length) throw new NotFoundError();
    const confidential = fiches.find((fiche) => fiche.confidential);
    if (confidential)
      throw new RefusedError(`La fiche n°\u00a0${confidential.number} est confidentielle\u00a0: elle ne peut pas être publiée.`);
    const seen = new Map(input.fiches.map((fiche) => [fiche.id, fiche.version]));
    const changed = fiches.find((fiche) => fiche.version !== seen.get(fiche.id));
    if (changed) throw new RefusedError(changedMessage(changed.number));

    const snapshot = await publishInTransaction(tx, input.contractId, fiches, context.actor);
    await recordAudits(
      tx,
      context,
      fiches.map((fiche) => ({
        action: "fiche.publish",
        entityType: "FicheAction",
        entityId: fiche.id,
        entityLabel: ficheEntityLabel(fiche.number, fiche.title),
        territoryId,
        after: { publishedVersion: fiche.version, snapshotVersion: snapshot.version },
      })),
    );
    return fiches;
  });
  return ok(
    null,
    published.length === 1
      ? `La fiche n°\u00a0${published[0].number} est publiée.`
      : `${formatCount(published.length, "fiche publiée", "fiches publiées")}.`,
  );
});

export const withdrawFiche = onPublishedFiche("fiche.withdraw", withdrawFicheSchema, async (context, input, { territoryId = null }) => {
  const fiche = await context.db.$transaction(async (tx) => {
    const found = await tx.ficheAction.findUniqueOrThrow({ where: { id: input.ficheId }, select: { number: true, title: true } });
    const { count } = await tx.publicFiche.deleteMany({ where: { ficheId: input.ficheId } });
    if (!count) throw new RefusedError(`La fiche n°\u00a0${found.number} n’est pas publiée.`);
    await recordAudit(tx, context, {
      action: "fiche.withdraw",
      entityType: "FicheAction",
      entityId: input.ficheId,
      entityLabel: ficheEntityLabel(found.number, found.title),
      territoryId,
    });
    return found;
  });
  return ok(null, `La fiche n°\u00a0${fiche.number} n’est plus publiée.`);
});

/** The fiche's public version cut again from its snapshot, with the fields now withheld. */
async function recutPublicVersion(tx: Tx, ficheId: string, withheld: readonly string[], version: { from: number; to: number }) {
  const publicVersion = await tx.publicFiche.findUnique({ where: { ficheId }, select: { snapshotId: true, version: true } });
  if (!publicVersion) return;
  const snapshot = await readContractSnapshot(tx, publicVersion.snapshotId);
  const frozen = snapshot.content.fiches.find((fiche) => fiche.id === ficheId);
  if (!frozen) return;
  const content = publicFicheContent(frozen, withheld);
  await tx.publicFiche.update({
    where: { ficheId },
    data: {
      content,
      ...publicFicheFacets(content),
      // Up to date before this change stays up to date: withholding a field is not an edit of the content.
      version: publicVersion.version === version.from ? version.to : publicVersion.version,
    },
  });
}

export const setFicheConfidentiality = onPublishedFiche(
  "fiche.confidentiality",
  ficheConfidentialitySchema,
  async (context, input, { territoryId = null }) => {
    const fiche = await context.db.$transaction(async (tx) => {
      const before = await tx.ficheAction.findFirst({
        where: { id: input.ficheId, deletedAt: null },
        select: { number: true, title: true, version: true, confidential: true, withheldFields: true },
      });
      if (!before) throw new NotFoundError();
      const { count } = await tx.ficheAction.updateMany({
        where: { id: input.ficheId, version: input.version },
        data: { confidential: input.confidential, withheldFields: input.withheldFields, version: { increment: 1 } },
      });
      if (!count) throw new RefusedError(changedMessage(before.number));
      // A confidential fiche leaves the public channels at once; otherwise its public version loses the withheld fields.
      if (input.confidential) await tx.publicFiche.deleteMany({ where: { ficheId: input.ficheId } });
      else await recutPublicVersion(tx, input.ficheId, input.withheldFields, { from: input.version, to: input.version + 1 });
      await recordAudit(tx, context, {
        action: "fiche.confidentiality",
        entityType: "FicheAction",
        entityId: input.ficheId,
        entityLabel: ficheEntityLabel(before.number, before.title),
        territoryId,
        before: { confidential: before.confidential, withheldFields: before.withheldFields },
        after: { confidential: input.confidential, withheldFields: input.withheldFields },
      });
      return before;
    });
    return ok(null, input.confidential ? `La fiche n°\u00a0${fiche.number} est confidentielle.` : "Choix de confidentialité enregistré.");
  },
);

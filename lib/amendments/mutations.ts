// Amendments (avenants) of a signed contract. A coordinator prepares a draft (numbered in turn,
// with its purpose and deliberation), says which fiches it adds, changes or closes, and submits it
// to the agency through the review workflow (lib/reviews, subject "amendment"); a draft never
// submitted may be deleted. Once the agency's opinion is favourable, the coordinator records each
// signatory's signature (with the deliberation that empowered them), then, once all have signed,
// the amendment's: that closes the fiches it closes on the day of the last signature and freezes
// the contract in a snapshot (lib/snapshots), in one transaction. The contract before it is a
// snapshot too: the signature's, the previous amendment's, or (a contract signed before amendments
// existed) one taken when its first amendment is created. Every step writes its audit event.
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { ConflictError, RefusedError } from "@/lib/actions/errors";
import { ok } from "@/lib/actions/result";
import { onContract } from "@/lib/actions/targets";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { changeAudited, insertAudited, recordAudit } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AmendmentFicheChange } from "@/lib/db/generated/enums";
import { ficheLabel } from "@/lib/contracts/labels";
import { todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import { publishInTransaction } from "@/lib/publication/publish";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { readContractSnapshot } from "@/lib/snapshots/queries";
import { AMENDMENT_FICHE_CHANGE_LABELS, amendmentLabel } from "./labels";
import { loadAmendmentResource } from "./resource";
import { amendmentSignatureSelect, type AmendmentSignatureView } from "./selects";
import {
  amendmentSignatureSchema,
  amendmentVersionSchema,
  createAmendmentSchema,
  markAmendmentFicheSchema,
  signatureBeforeOpinion,
  unmarkAmendmentFicheSchema,
  updateAmendmentSchema,
} from "./schema";

/** How long signing may take: the snapshot reads the whole contract. */
const SIGNING_TIMEOUT_MS = 30_000;

export const NOT_SIGNED_MESSAGE = "Le contrat n’est pas encore signé\u00a0: modifiez son projet directement, sans avenant.";
export const DRAFT_PENDING_MESSAGE = "Un avenant est déjà en préparation\u00a0: signez-le avant d’en préparer un autre.";
const SIGNED_MESSAGE = "Cet avenant est signé\u00a0: il ne change plus.";
const UNDER_REVIEW_MESSAGE = "L’avenant est soumis à l’ARS\u00a0: il ne change plus pendant son examen.";
const APPROVED_MESSAGE = "L’ARS a rendu un avis favorable sur cet avenant\u00a0: il ne change plus, il reste à le signer.";
export const OPINION_AWAITED_MESSAGE = "L’avis favorable de l’ARS est attendu avant la signature de l’avenant.";
const SUBMITTED_MESSAGE = "L’avenant a été soumis à l’ARS\u00a0: il ne se supprime plus.";
const NO_SIGNATORY_MESSAGE =
  "Le contrat ne nomme aucun signataire\u00a0: ajoutez-les dans son formulaire, puis enregistrez la signature de chacun.";
const NOT_A_SIGNATORY_MESSAGE = "Cet organisme ne signe pas le contrat\u00a0: ajoutez-le à ses signataires dans son formulaire.";

/** The snapshot an amendment starts from: the last signed amendment's, else the contract's signature's; null when neither exists. */
async function latestBaseSnapshot(tx: Tx, contractId: string): Promise<string | null> {
  const signed = await tx.amendment.findFirst({
    where: { contractId, status: "signed" },
    orderBy: { number: "desc" },
    select: { snapshotId: true },
  });
  if (signed?.snapshotId) return signed.snapshotId;
  const signature = await tx.contractSnapshot.findFirst({
    where: { contractId, reason: "signature" },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return signature?.id ?? null;
}

const auditFields = (amendment: {
  purpose: string;
  councilAdoptedOn: Date | null;
  deliberationReference: string | null;
  signedOn?: Date | null;
}) => ({
  purpose: amendment.purpose,
  councilAdoptedOn: isoDay(amendment.councilAdoptedOn),
  deliberationReference: amendment.deliberationReference,
  ...(amendment.signedOn !== undefined ? { signedOn: isoDay(amendment.signedOn) } : {}),
});

export const createAmendment = onContract("amendment.create", createAmendmentSchema, async (context, input, { territoryId = null }) => {
  const created = await context.db.$transaction(
    async (tx) => {
      // Numbers and the one draft per contract are decided under the contract's lock.
      await lockContract(tx, input.contractId);
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: input.contractId }, select: { status: true, title: true } });
      if (contract.status === "preparation") throw new RefusedError(NOT_SIGNED_MESSAGE, "purpose");
      if (await tx.amendment.count({ where: { contractId: input.contractId, status: "draft" } }))
        throw new RefusedError(DRAFT_PENDING_MESSAGE, "purpose");
      const baseSnapshotId =
        (await latestBaseSnapshot(tx, input.contractId)) ??
        // Signed before amendments existed: the contract as it stands now serves as the contract as signed.
        (await createContractSnapshot(tx, input.contractId, "amendment", context.actor)).id;
      const { _max } = await tx.amendment.aggregate({ where: { contractId: input.contractId }, _max: { number: true } });
      const number = (_max.number ?? 0) + 1;
      return insertAudited(
        tx,
        context,
        {
          action: "amendment.create",
          entityType: "Amendment",
          entityLabel: `${amendmentLabel(number)} (${contract.title})`,
          territoryId,
          after: { purpose: input.purpose },
        },
        (tx) =>
          tx.amendment.create({
            data: { contractId: input.contractId, number, purpose: input.purpose, baseSnapshotId, createdById: context.actor.userId },
            select: { id: true, number: true },
          }),
      );
    },
    { timeout: SIGNING_TIMEOUT_MS },
  );
  return ok({ amendmentId: created.id }, `L’${amendmentLabel(created.number).toLowerCase()} est créé.`);
});

const onAmendment = actionsOn("contract.edit", (db, { amendmentId }: { amendmentId: string }) => loadAmendmentResource(db, amendmentId));

/** What every action on an amendment reads of it, under its lock. */
const amendmentFactsSelect = {
  id: true,
  contractId: true,
  number: true,
  version: true,
  status: true,
  purpose: true,
  councilAdoptedOn: true,
  deliberationReference: true,
  baseSnapshotId: true,
  contract: { select: { title: true, status: true, visibility: true } },
  fiches: {
    orderBy: { fiche: { number: "asc" } },
    select: { ficheId: true, change: true, fiche: { select: { number: true, title: true } } },
  },
} satisfies Prisma.AmendmentSelect;

type AmendmentFacts = Prisma.AmendmentGetPayload<{ select: typeof amendmentFactsSelect }> & {
  /** Its review stage: none until first submitted. */
  stage: { state: string; decidedAt: Date | null } | null;
};

/** The amendment, locked, with its review stage; a conflict when `version` is given and it changed since. */
async function lockedAmendment(tx: Tx, amendmentId: string, version: number | null): Promise<AmendmentFacts> {
  await tx.$executeRaw`SELECT 1 FROM "Amendment" WHERE id = ${amendmentId}::uuid FOR UPDATE`;
  const amendment = await tx.amendment.findUniqueOrThrow({ where: { id: amendmentId }, select: amendmentFactsSelect });
  if (version !== null && amendment.version !== version) throw new ConflictError();
  const stage = await tx.reviewStage.findUnique({
    where: { subjectKind_subjectId: { subjectKind: "amendment", subjectId: amendmentId } },
    select: { state: true, decidedAt: true },
  });
  return { ...amendment, stage };
}

/**
 * The amendment, locked, while it may still change: a draft the agency is not examining and has
 * not approved (its opinion is given on what it read). `field` names where a refusal is shown.
 */
async function lockedDraft(tx: Tx, amendmentId: string, version: number, field?: string): Promise<AmendmentFacts> {
  const amendment = await lockedAmendment(tx, amendmentId, version);
  if (amendment.status === "signed") throw new RefusedError(SIGNED_MESSAGE, field);
  if (amendment.stage?.state === "submitted") throw new RefusedError(UNDER_REVIEW_MESSAGE, field);
  if (amendment.stage?.state === "favourable") throw new RefusedError(APPROVED_MESSAGE, field);
  return amendment;
}

/** The amendment, locked, while its signatures are recorded: a draft the agency approved, with the day of its opinion (in Paris). */
async function lockedForSignature(tx: Tx, amendmentId: string, version: number | null, field?: string) {
  const amendment = await lockedAmendment(tx, amendmentId, version);
  if (amendment.status === "signed") throw new RefusedError(SIGNED_MESSAGE, field);
  const { stage } = amendment;
  if (stage?.state !== "favourable" || !stage.decidedAt) throw new RefusedError(OPINION_AWAITED_MESSAGE, field);
  return { ...amendment, opinionDay: todayInParis(stage.decidedAt) };
}

const bumpVersion = async (tx: Tx, amendment: { id: string; version: number }) =>
  assertVersionMatched(
    await tx.amendment.updateMany({ where: { id: amendment.id, version: amendment.version }, data: { version: { increment: 1 } } }),
  );

/** "Avenant n° 2 (Contrat local de santé de …)", as audit events name an amendment. */
const entityLabel = (amendment: { number: number; contract: { title: string } }) =>
  `${amendmentLabel(amendment.number)} (${amendment.contract.title})`;

export const updateAmendment = onAmendment("amendment.update", updateAmendmentSchema, async (context, input, { territoryId = null }) => {
  const { number, contract } = await context.db.amendment.findUniqueOrThrow({
    where: { id: input.amendmentId },
    select: { number: true, contract: { select: { title: true } } },
  });
  await saveVersioned(
    context,
    {
      action: "amendment.update",
      entityType: "Amendment",
      entityId: input.amendmentId,
      entityLabel: `${amendmentLabel(number)} (${contract.title})`,
      territoryId,
      baseVersion: input.version,
    },
    async (tx) => {
      await lockedDraft(tx, input.amendmentId, input.version, "purpose");
      const before = await tx.amendment.findUniqueOrThrow({
        where: { id: input.amendmentId },
        select: { purpose: true, councilAdoptedOn: true, deliberationReference: true },
      });
      const data = {
        purpose: input.purpose,
        councilAdoptedOn: input.councilAdoptedOn,
        deliberationReference: input.deliberationReference,
      };
      assertVersionMatched(
        await tx.amendment.updateMany({
          where: { id: input.amendmentId, version: input.version, status: "draft" },
          data: { ...data, version: { increment: 1 } },
        }),
      );
      return { before: auditFields(before), after: auditFields(data) };
    },
  );
  return ok(null, "Modifications enregistrées.");
});

/** The contract's live fiche, or a refusal at the fiche's field (another contract's fiche is not found). */
async function liveFiche(tx: Tx, contractId: string, ficheId: string) {
  const fiche = await tx.ficheAction.findFirst({
    where: { id: ficheId, contractId, deletedAt: null },
    select: { id: true, number: true, title: true, closedOn: true },
  });
  if (!fiche) throw new RefusedError("Cette fiche n’est pas une fiche du contrat.", "ficheId");
  return fiche;
}

type FicheChange = { fiche: { number: number; title: string }; change: AmendmentFicheChange };

/** The audit event of a fiche named in, or taken out of, an amendment: the fiche and the change, before or after. */
function auditFicheChange(
  tx: Tx,
  context: Pick<ActionContext, "actor" | "ip">,
  action: string,
  { amendment, territoryId }: { amendment: AmendmentFacts; territoryId?: string },
  { before, after }: { before?: FicheChange; after?: FicheChange },
) {
  const shown = (change?: FicheChange) =>
    change && {
      fiche: `${ficheLabel(change.fiche.number)} «\u00a0${change.fiche.title}\u00a0»`,
      change: AMENDMENT_FICHE_CHANGE_LABELS[change.change],
    };
  return recordAudit(tx, context, {
    action,
    entityType: "Amendment",
    entityId: amendment.id,
    entityLabel: entityLabel(amendment),
    territoryId: territoryId ?? null,
    before: shown(before),
    after: shown(after),
  });
}

export const markAmendmentFiche = onAmendment("amendment.markFiche", markAmendmentFicheSchema, async (context, input, resource) => {
  await context.db.$transaction(async (tx) => {
    const amendment = await lockedDraft(tx, input.amendmentId, input.version, "ficheId");
    const fiche = await liveFiche(tx, amendment.contractId, input.ficheId);
    if (fiche.closedOn) throw new RefusedError("Cette fiche est déjà close par un avenant signé.", "ficheId");
    // What the contract held before the amendment tells an added fiche from one it changes or closes.
    const base = await readContractSnapshot(tx, amendment.baseSnapshotId);
    const inBase = base.content.fiches.some((frozen) => frozen.id === fiche.id);
    if (input.change === "added" && inBase)
      throw new RefusedError("Cette fiche figure déjà dans le contrat avant l’avenant\u00a0: il la modifie ou la close.", "change");
    if (input.change !== "added" && !inBase)
      throw new RefusedError("Cette fiche n’est pas dans le contrat avant l’avenant\u00a0: l’avenant l’ajoute.", "change");
    await tx.amendmentFiche.upsert({
      where: { amendmentId_ficheId: { amendmentId: amendment.id, ficheId: fiche.id } },
      create: { amendmentId: amendment.id, ficheId: fiche.id, change: input.change },
      update: { change: input.change },
    });
    await bumpVersion(tx, amendment);
    await auditFicheChange(
      tx,
      context,
      "amendment.markFiche",
      { amendment, territoryId: resource.territoryId },
      { after: { fiche, change: input.change } },
    );
  });
  return ok(null, "La fiche est ajoutée à l’avenant.");
});

export const unmarkAmendmentFiche = onAmendment("amendment.unmarkFiche", unmarkAmendmentFicheSchema, async (context, input, resource) => {
  await context.db.$transaction(async (tx) => {
    const amendment = await lockedDraft(tx, input.amendmentId, input.version);
    const marked = await tx.amendmentFiche.findUnique({
      where: { amendmentId_ficheId: { amendmentId: amendment.id, ficheId: input.ficheId } },
      select: { change: true, fiche: { select: { number: true, title: true } } },
    });
    if (!marked) throw new RefusedError("Cette fiche n’est pas dans l’avenant.");
    await tx.amendmentFiche.delete({ where: { amendmentId_ficheId: { amendmentId: amendment.id, ficheId: input.ficheId } } });
    await bumpVersion(tx, amendment);
    await auditFicheChange(
      tx,
      context,
      "amendment.unmarkFiche",
      { amendment, territoryId: resource.territoryId },
      {
        before: { fiche: marked.fiche, change: marked.change },
      },
    );
  });
  return ok(null, "La fiche est retirée de l’avenant.");
});

/** A signature's fields as its audit event keeps them, with the organisation that signed. */
const signatureFields = (
  organisation: string,
  signature: Pick<AmendmentSignatureView, "signerName" | "signerTitle" | "signedOn" | "deliberationReference" | "deliberationDate">,
) => ({
  signatory: organisation,
  signerName: signature.signerName,
  signerTitle: signature.signerTitle,
  signedOn: isoDay(signature.signedOn),
  deliberationReference: signature.deliberationReference,
  deliberationDate: isoDay(signature.deliberationDate),
});

/**
 * Records, or corrects, one signatory's signature of an amendment the agency approved, while the
 * amendment is not signed: from version 0 (none yet) or the signature's version as loaded. The
 * amendment's version moves too, so that its own signature is recorded on what the page showed.
 */
export const recordAmendmentSignature = onAmendment(
  "amendment.recordSignature",
  amendmentSignatureSchema,
  async (context, input, { territoryId = null }) => {
    const organisation = await context.db.$transaction(async (tx) => {
      const amendment = await lockedForSignature(tx, input.amendmentId, null, "signedOn");
      const signatory = await tx.signatory.findFirst({
        where: { contractId: amendment.contractId, organisationId: input.organisationId },
        select: { organisation: { select: { name: true } } },
      });
      if (!signatory) throw new RefusedError(NOT_A_SIGNATORY_MESSAGE, "organisationId");
      const early = signatureBeforeOpinion(input.signedOn, amendment.opinionDay);
      if (early) throw new RefusedError(early, "signedOn");
      const values = {
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        signedOn: input.signedOn,
        deliberationReference: input.deliberationReference,
        deliberationDate: input.deliberationDate,
      };
      const key = { amendmentId_organisationId: { amendmentId: amendment.id, organisationId: input.organisationId } };
      // Under the amendment's lock: a signature recorded meanwhile is found here, and conflicts.
      const current = await tx.amendmentSignature.findUnique({ where: key, select: amendmentSignatureSelect });
      if ((current?.version ?? 0) !== input.version) throw new ConflictError();
      if (current) await tx.amendmentSignature.update({ where: { id: current.id }, data: { ...values, version: { increment: 1 } } });
      else await tx.amendmentSignature.create({ data: { amendmentId: amendment.id, organisationId: input.organisationId, ...values } });
      await bumpVersion(tx, amendment);
      const name = signatory.organisation.name;
      await recordAudit(tx, context, {
        action: "amendment.recordSignature",
        entityType: "Amendment",
        entityId: amendment.id,
        entityLabel: entityLabel(amendment),
        territoryId,
        before: current ? signatureFields(name, current) : undefined,
        after: signatureFields(name, values),
      });
      return name;
    });
    return ok(null, `La signature de ${organisation} est enregistrée.`);
  },
);

/**
 * Records the amendment's signature once every signatory of the contract has signed it: dated
 * the day of the last signature, it closes the fiches it closes on that day and freezes the
 * contract as amended, in one transaction. From the amendment's version as the page showed it.
 */
export const signAmendment = onAmendment("amendment.sign", amendmentVersionSchema, async (context, input, resource) => {
  const signed = await context.db.$transaction(
    async (tx) => {
      // The contract first, as every change of its fiches locks it: then the amendment.
      const { contractId } = await tx.amendment.findUniqueOrThrow({ where: { id: input.amendmentId }, select: { contractId: true } });
      await lockContract(tx, contractId);
      const amendment = await lockedForSignature(tx, input.amendmentId, input.version);
      const [signatories, signatures] = await Promise.all([
        tx.signatory.findMany({
          where: { contractId },
          orderBy: { position: "asc" },
          select: { organisationId: true, organisation: { select: { name: true } } },
        }),
        tx.amendmentSignature.findMany({
          where: { amendmentId: amendment.id },
          select: { organisationId: true, signedOn: true, organisation: { select: { name: true } } },
        }),
      ]);
      if (!signatories.length) throw new RefusedError(NO_SIGNATORY_MESSAGE);
      const missing = signatories.filter(
        (signatory) => !signatures.some((signature) => signature.organisationId === signatory.organisationId),
      );
      if (missing.length)
        throw new RefusedError(
          `Tous les signataires n’ont pas signé\u00a0: il manque la signature de ${missing.map((signatory) => signatory.organisation.name).join(", ")}.`,
        );
      // Signed when the last signatory signed.
      const signedOn = new Date(Math.max(...signatures.map((signature) => signature.signedOn.getTime())));
      // The fiches it closes keep their rows, closed on the day it is signed; then the contract is frozen as amended.
      const closing = amendment.fiches.filter((fiche) => fiche.change === "closed").map((fiche) => fiche.ficheId);
      await tx.ficheAction.updateMany({
        where: { id: { in: closing }, contractId, deletedAt: null, closedOn: null },
        data: { closedOn: signedOn, closedByAmendmentId: amendment.id, version: { increment: 1 } },
      });
      const snapshot = await createContractSnapshot(tx, contractId, "amendment", context.actor);
      assertVersionMatched(
        await tx.amendment.updateMany({
          where: { id: amendment.id, version: input.version, status: "draft" },
          data: { status: "signed", signedOn, snapshotId: snapshot.id, signedById: context.actor.userId, version: { increment: 1 } },
        }),
      );
      // A public contract shows what the amendment adds and changes as it was signed (lib/publication).
      if (amendment.contract.visibility === "published") {
        const shown = amendment.fiches.filter((fiche) => fiche.change !== "closed").map((fiche) => fiche.ficheId);
        const fiches = await tx.ficheAction.findMany({
          where: { id: { in: shown }, contractId, deletedAt: null, confidential: false },
          orderBy: { number: "asc" },
          select: { id: true, number: true, title: true, version: true, withheldFields: true },
        });
        if (fiches.length) await publishInTransaction(tx, contractId, fiches, context.actor);
      }
      await recordAudit(tx, context, {
        action: "amendment.sign",
        entityType: "Amendment",
        entityId: amendment.id,
        entityLabel: entityLabel(amendment),
        territoryId: resource.territoryId ?? null,
        after: { signedOn: isoDay(signedOn), signatories: signatures.map((signature) => signature.organisation.name).join("\n") },
      });
      return amendment;
    },
    { timeout: SIGNING_TIMEOUT_MS },
  );
  return ok(null, `L’${amendmentLabel(signed.number).toLowerCase()} est signé\u00a0: il fait partie du contrat.`);
});

/**
 * Deletes a draft the agency was never asked about: once submitted, its review is on record. The
 * fiches it names stay as they are (only the amendment's list of them goes); its documents stay
 * in the contract's.
 */
export const deleteAmendment = onAmendment("amendment.delete", amendmentVersionSchema, async (context, input, { territoryId = null }) => {
  const { number, contract } = await context.db.amendment.findUniqueOrThrow({
    where: { id: input.amendmentId },
    select: { number: true, contract: { select: { title: true } } },
  });
  await changeAudited(
    context,
    {
      action: "amendment.delete",
      entityType: "Amendment",
      entityId: input.amendmentId,
      entityLabel: entityLabel({ number, contract }),
      territoryId,
    },
    async (tx) => {
      const amendment = await lockedAmendment(tx, input.amendmentId, input.version);
      if (amendment.status === "signed") throw new RefusedError(SIGNED_MESSAGE);
      if (amendment.stage) throw new RefusedError(SUBMITTED_MESSAGE);
      assertVersionMatched(await tx.amendment.deleteMany({ where: { id: amendment.id, version: input.version, status: "draft" } }));
      return {
        before: {
          ...auditFields(amendment),
          fiches:
            amendment.fiches
              .map(
                (marked) =>
                  `${ficheLabel(marked.fiche.number)} «\u00a0${marked.fiche.title}\u00a0» (${AMENDMENT_FICHE_CHANGE_LABELS[marked.change]})`,
              )
              .join("\n") || null,
        },
      };
    },
  );
  return ok(null, `L’${amendmentLabel(number).toLowerCase()} est supprimé.`);
});

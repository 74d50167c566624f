// Creating and editing a contract with its diagnosis findings and signatories, as one unit:
// one version guards the whole form, and one audit event records what changed.
import { onContract } from "@/lib/actions/targets";
import { NotFoundError } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { createAudited } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { historySnapshot } from "@/lib/catalogue";
import { createContractSnapshot } from "@/lib/snapshots/create";

import { CONTRACT_FIELDS, createContractSchema, durationInMonths, updateContractSchema, type ContractFields } from "./schema";
import { contractRecordSelect } from "./selects";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

/** The contract as the audit log shows it, walked from its catalogue: readable values, lists as lines. */
async function snapshot(tx: Tx, contractId: string) {
  const contract = await tx.contract.findUniqueOrThrow({
    relationLoadStrategy: "join",
    where: { id: contractId },
    select: contractRecordSelect,
  });
  return historySnapshot(CONTRACT_FIELDS, contract);
}

/** The contract as signed, in a snapshot of its own, once (a contract put back in preparation and signed again keeps the first). */
async function freezeSignedContract(tx: Tx, contractId: string, context: ActionContext) {
  if (await tx.contractSnapshot.count({ where: { contractId, reason: "signature" } })) return;
  await createContractSnapshot(tx, contractId, "signature", context.actor);
}

function scalarData(input: ContractFields) {
  return {
    title: input.title,
    generation: input.generation!,
    status: input.status,
    visibility: input.visibility,
    summary: input.summary,
    councilAdoptedOn: input.councilAdoptedOn,
    signedOn: input.signedOn,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    durationMonths: durationInMonths(input.startsOn, input.endsOn),
    prsReference: input.prsReference,
    diagnosisSource: input.diagnosisSource,
    diagnosisYear: input.diagnosisYear,
    diagnosisSummary: input.diagnosisSummary,
    mentalHealthComponent: input.mentalHealthComponent,
    clsmStatus: input.clsmStatus,
    clsmName: input.clsmName,
  };
}

/** Findings keep their ids (fiches link to them); positions follow the form's order. */
async function syncFindings(tx: Tx, contractId: string, findings: ContractFields["findings"]) {
  const existing = new Set(
    (await tx.diagnosisFinding.findMany({ where: { contractId }, select: { id: true } })).map((finding) => finding.id),
  );
  const kept = findings.filter((finding) => finding.id && existing.has(finding.id));
  await tx.diagnosisFinding.deleteMany({ where: { contractId, id: { notIn: kept.map((finding) => finding.id!) } } });
  // Move kept rows out of the way first: (contractId, position) is unique.
  await tx.diagnosisFinding.updateMany({ where: { contractId }, data: { position: { increment: 10_000 } } });
  for (const [index, finding] of findings.entries()) {
    if (finding.id && existing.has(finding.id))
      await tx.diagnosisFinding.update({
        where: { id: finding.id },
        data: { position: index + 1, text: finding.text, version: { increment: 1 } },
      });
    else await tx.diagnosisFinding.create({ data: { contractId, position: index + 1, text: finding.text } });
  }
}

async function syncSignatories(tx: Tx, contractId: string, signatories: ContractFields["signatories"]) {
  await tx.signatory.deleteMany({ where: { contractId } });
  await tx.signatory.createMany({
    data: signatories.map((signatory, index) => ({
      contractId,
      position: index + 1,
      organisationId: signatory.organisationId,
      signerName: signatory.signerName,
      signerTitle: signatory.signerTitle,
      signedOn: signatory.signedOn,
      deliberationReference: signatory.deliberationReference,
      deliberationDate: signatory.deliberationDate,
    })),
  });
}

/** An organisation id from the form that does not exist is the user's mistake, named at its row. */
async function unknownOrganisation(db: Db, input: ContractFields) {
  const ids = [...new Set(input.signatories.map((signatory) => signatory.organisationId))];
  const found = new Set(
    (await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((organisation) => organisation.id),
  );
  const index = input.signatories.findIndex((signatory) => !found.has(signatory.organisationId));
  return index === -1 ? null : fieldError(`signatories.${index}.organisationId`, "Cette organisation n’existe pas.");
}

async function territoryOf(db: Db, territoryId: string) {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: TERRITORY_SCOPE_SELECT });
  if (!territory) throw new NotFoundError();
  return territoryResource(territory);
}

const duplicateGeneration = (error: unknown) => uniqueViolationTarget(error)?.includes("generation") ?? false;

export const createContract = defineAction({
  name: "contract.create",
  operation: "contract.edit",
  input: createContractSchema,
  resource: (db, input) => territoryOf(db, input.territoryId),
  async run(context: ActionContext, input) {
    const refusal = await unknownOrganisation(context.db, input);
    if (refusal) return refusal;
    try {
      const contract = await createAudited(
        context,
        { action: "contract.create", entityType: "Contract", entityLabel: input.title, territoryId: input.territoryId, after: snapshot },
        async (tx) => {
          const created = await tx.contract.create({
            data: {
              ...scalarData(input),
              territoryId: input.territoryId,
              publishedAt: input.visibility === "published" ? new Date() : null,
            },
            select: { id: true },
          });
          await syncFindings(tx, created.id, input.findings);
          await syncSignatories(tx, created.id, input.signatories);
          return created;
        },
      );
      return ok({ contractId: contract.id }, "Le contrat est créé.");
    } catch (error) {
      if (duplicateGeneration(error)) return fieldError("generation", "Ce territoire a déjà un contrat de ce rang.");
      throw error;
    }
  },
});

export const updateContract = onContract("contract.update", updateContractSchema, async (context, input, resource) => {
  const refusal = await unknownOrganisation(context.db, input);
  if (refusal) return refusal;
  const current = await context.db.contract.findUniqueOrThrow({
    where: { id: input.contractId },
    select: { publishedAt: true, status: true },
  });
  try {
    await saveVersioned(
      context,
      {
        action: "contract.update",
        entityType: "Contract",
        entityId: input.contractId,
        entityLabel: input.title,
        territoryId: resource.territoryId ?? null,
        baseVersion: input.version,
      },
      async (tx) => {
        const before = await snapshot(tx, input.contractId);
        const publishedAt = input.visibility === "published" ? (current.publishedAt ?? new Date()) : null;
        assertVersionMatched(
          await tx.contract.updateMany({
            where: { id: input.contractId, version: input.version },
            data: { ...scalarData(input), publishedAt, version: { increment: 1 } },
          }),
        );
        await syncFindings(tx, input.contractId, input.findings);
        await syncSignatories(tx, input.contractId, input.signatories);
        // Leaving preparation is the signature: the contract as signed is frozen, the one its amendments start from (lib/amendments).
        if (current.status === "preparation" && input.status !== "preparation") await freezeSignedContract(tx, input.contractId, context);
        return { before, after: await snapshot(tx, input.contractId) };
      },
    );
  } catch (error) {
    if (duplicateGeneration(error)) return fieldError("generation", "Ce territoire a déjà un contrat de ce rang.");
    throw error;
  }
  return ok({ contractId: input.contractId }, "Modifications enregistrées.");
});

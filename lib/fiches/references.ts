// What the fiche form sends must point where it claims: checked before a fiche is saved.
import { fieldError, type ActionResult } from "@/lib/actions/result";
import type { Db } from "@/lib/db/client";
import type { FicheFields } from "./schema";

/**
 * Every id the form sends must belong where it claims: the axis and findings to this contract,
 * the pilot user to this territory, the continued fiche to the previous contract, the PRS objective to the region's list, organisations
 * to the platform. Answers the first mistake at its field.
 */
export async function checkReferences(
  db: Db,
  contractId: string,
  input: FicheFields,
  ficheId: string | null = null,
): Promise<ActionResult<never> | null> {
  const contract = await db.contract.findUniqueOrThrow({
    relationLoadStrategy: "join",
    where: { id: contractId },
    select: {
      previousContractId: true,
      territoryId: true,
      territory: { select: { regionId: true } },
      axes: { select: { id: true } },
      findings: { select: { id: true } },
    },
  });
  if (!contract.axes.some((axis) => axis.id === input.axisId)) return fieldError("axisId", "Choisissez un axe de ce contrat.");
  const findings = new Set(contract.findings.map((finding) => finding.id));
  if (input.findingIds.some((id) => !findings.has(id)))
    return fieldError("findingIds", "Choisissez des constats du diagnostic de ce contrat.");
  if (
    input.pilotUserId &&
    !(await db.membership.findFirst({ where: { userId: input.pilotUserId, territoryId: contract.territoryId }, select: { id: true } }))
  )
    return fieldError("pilotUserId", "Choisissez une personne membre du territoire.");
  if (
    input.continuesFicheId &&
    !(
      contract.previousContractId &&
      (await db.ficheAction.findFirst({
        where: { id: input.continuesFicheId, contractId: contract.previousContractId },
        select: { id: true },
      }))
    )
  )
    return fieldError("continuesFicheId", "Choisissez une fiche du contrat précédent.");
  if (
    input.prsObjectiveId &&
    !(await db.prsObjective.findFirst({
      // An archived objective stays only on the fiches that already named it.
      where: {
        id: input.prsObjectiveId,
        regionId: contract.territory.regionId,
        OR: [{ archivedAt: null }, ...(ficheId ? [{ fiches: { some: { id: ficheId } } }] : [])],
      },
      select: { id: true },
    }))
  )
    return fieldError("prsObjectiveId", "Choisissez un objectif de la liste du PRS de votre région.");
  const organisationFields: Array<[string, string | null]> = [
    ["pilotOrganisationId", input.pilotOrganisationId],
    ...input.partners.map((partner, index): [string, string] => [`partners.${index}.organisationId`, partner.organisationId]),
    ...input.budgetLines.map((line, index): [string, string | null] => [`budgetLines.${index}.funderId`, line.funderId]),
    ...input.objectives.flatMap((objective, index) =>
      objective.commitments.map((commitment, row): [string, string] => [
        `objectives.${index}.commitments.${row}.organisationId`,
        commitment.organisationId,
      ]),
    ),
  ];
  const ids = [...new Set(organisationFields.flatMap(([, id]) => (id ? [id] : [])))];
  const known = new Set(
    (await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((organisation) => organisation.id),
  );
  const unknown = organisationFields.find(([, id]) => id && !known.has(id));
  return unknown ? fieldError(unknown[0], "Cette organisation n’existe pas.") : null;
}

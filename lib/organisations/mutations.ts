// Organisations (partners, signatories, funders): created by platform admins from /admin, and
// by a contract's editors from the fiche editor when a partner is missing from the list.
import { z } from "zod";
import { type ActionContext } from "@/lib/actions/define";
import { onContract, onPlatform } from "@/lib/actions/targets";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { createAudited } from "@/lib/audit/record";

import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { uuidField } from "@/lib/validation/fields";
import { createOrganisationSchema } from "./schema";

type OrganisationInput = z.infer<typeof createOrganisationSchema>;

async function insertOrganisation(
  context: ActionContext,
  input: OrganisationInput,
  territoryId: string | null,
): Promise<ActionResult<{ organisationId: string }>> {
  if (input.regionId && !(await context.db.region.findUnique({ where: { id: input.regionId }, select: { id: true } })))
    return fieldError("regionId", "Cette région n’existe pas.");
  const data = { ...input, slug: slugify(input.name) };
  try {
    const organisation = await createAudited(
      context,
      {
        action: "organisation.create",
        entityType: "Organisation",
        entityLabel: input.name,
        territoryId,
        after: { name: input.name, kind: input.kind, siren: input.siren },
      },
      (tx) => tx.organisation.create({ data, select: { id: true } }),
    );
    return ok({ organisationId: organisation.id }, `L’organisation ${input.name} est créée.`);
  } catch (error) {
    const target = uniqueViolationTarget(error);
    if (target?.includes("siren")) return fieldError("siren", "Une organisation porte déjà ce SIREN.");
    if (target?.includes("slug")) return fieldError("name", "Une organisation porte déjà ce nom.");
    throw error;
  }
}

export const createOrganisation = onPlatform("organisation.create", createOrganisationSchema, (context, input) =>
  insertOrganisation(context, input, null),
);

export const createContractOrganisationSchema = z.intersection(
  z.object({ contractId: uuidField("Contrat introuvable.") }),
  createOrganisationSchema,
);

/** From a contract's editor: the new organisation is available to every contract at once. */
export const createContractOrganisation = onContract(
  "organisation.createForContract",
  createContractOrganisationSchema,
  (context, input, { territoryId = null }) =>
    insertOrganisation(context, { name: input.name, kind: input.kind, siren: input.siren, regionId: input.regionId }, territoryId),
);

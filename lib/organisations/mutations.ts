// Organisations (partners, signatories) are created by platform admins here; coordinators will
// create them from the fiche editor (coordinator workspace issue).
import { defineAction } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { createOrganisationSchema } from "./schema";

export const createOrganisation = defineAction({
  name: "organisation.create",
  operation: "platform.administer",
  input: createOrganisationSchema,
  resource: async () => ({}),
  async run(context, input) {
    if (input.regionId && !(await context.db.region.findUnique({ where: { id: input.regionId }, select: { id: true } })))
      return fieldError("regionId", "Cette région n’existe pas.");
    const data = { ...input, slug: slugify(input.name) };
    try {
      const organisation = await context.db.$transaction(async (tx) => {
        const created = await tx.organisation.create({ data, select: { id: true } });
        await recordAudit(tx, context, { action: "organisation.create", entityType: "Organisation", entityId: created.id, entityLabel: input.name, territoryId: null, after: { name: input.name, kind: input.kind, siren: input.siren } });
        return created;
      });
      return ok({ organisationId: organisation.id }, `L’organisation ${input.name} est créée.`);
    } catch (error) {
      const target = uniqueViolationTarget(error);
      if (target?.includes("siren")) return fieldError("siren", "Une organisation porte déjà ce SIREN.");
      if (target?.includes("slug")) return fieldError("name", "Une organisation porte déjà ce nom.");
      throw error;
    }
  },
});

// Inputs of evaluation campaigns (mid-term, final), shared by the forms and the server actions.
import { z } from "zod";
import { EvaluationKind } from "@/lib/db/generated/enums";
import { optionalDate, optionalText, requiredDate, uuidField, versionField } from "@/lib/validation/fields";

/** The period evaluated and the campaign's dates: the same fields when opening and while open. */
const campaignDates = {
  periodStart: requiredDate("Saisissez le début de la période évaluée."),
  periodEnd: requiredDate("Saisissez la fin de la période évaluée."),
  opensOn: requiredDate("Saisissez la date d’ouverture."),
  closesOn: optionalDate,
};

type CampaignDates = { periodStart: Date; periodEnd: Date; opensOn: Date; closesOn: Date | null };

function refineDates(input: CampaignDates, context: z.RefinementCtx) {
  if (input.periodEnd < input.periodStart)
    context.addIssue({ code: "custom", path: ["periodEnd"], message: "La fin de la période ne peut pas précéder son début." });
  if (input.closesOn && input.closesOn < input.opensOn)
    context.addIssue({ code: "custom", path: ["closesOn"], message: "La clôture prévue ne peut pas précéder l’ouverture." });
}

export const openCampaignSchema = z
  .object({
    contractId: uuidField("Contrat introuvable."),
    kind: z.enum(EvaluationKind, { error: "Choisissez l’évaluation à ouvrir." }),
    ...campaignDates,
  })
  .superRefine(refineDates);

export const updateCampaignSchema = z
  .object({
    campaignId: uuidField("Campagne introuvable."),
    version: versionField,
    ...campaignDates,
    synthesis: optionalText(20_000, { multiline: true }),
    recommendations: optionalText(20_000, { multiline: true }),
  })
  .superRefine(refineDates);

export const closeCampaignSchema = z.object({ campaignId: uuidField("Campagne introuvable."), version: versionField });

export type OpenCampaignInput = z.infer<typeof openCampaignSchema>;

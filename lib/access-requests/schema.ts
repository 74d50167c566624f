// Inputs of access requests, shared by the forms and the server actions. The agent's SIRET is
// never an input: it is read from their stored ProConnect account.
import { z } from "zod";
import { uuidField, versionField } from "@/lib/validation/fields";

/** An agent asks to become a partner of one territory, for the organisation ProConnect names. */
export const requestAccessSchema = z.object({ territoryId: uuidField("Choisissez le territoire.") });

const decisionFields = { requestId: uuidField("Demande introuvable."), version: versionField };

/** A coordinator confirms, for the proposed organisation or another one they chose. */
export const confirmAccessRequestSchema = z.object({
  ...decisionFields,
  organisationId: uuidField("Choisissez l’organisation pour laquelle cette personne sera partenaire."),
});

export const refuseAccessRequestSchema = z.object(decisionFields);

// The import form's input, shared by the browser (checked before the upload) and the server.
import { z } from "zod";
import { uuidField } from "@/lib/validation/fields";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const FILE_TOO_LARGE_MESSAGE = "Ce fichier dépasse 5\u00a0Mo\u00a0: découpez-le.";

export const importFichesSchema = z.object({
  contractId: uuidField("Contrat introuvable."),
  file: z
    .instanceof(File, { error: "Choisissez un fichier .xlsx ou .csv." })
    .refine((file) => file.size > 0, "Choisissez un fichier .xlsx ou .csv.")
    .refine((file) => file.size <= MAX_IMPORT_BYTES, FILE_TOO_LARGE_MESSAGE),
  mode: z.enum(["preview", "import"], { error: "Choisissez de vérifier ou d’importer." }),
  /** The digest of the updates the user checked and confirmed (see ImportReport.digest). */
  confirmedChanges: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^[0-9a-f]{64}$/, "Confirmation invalide\u00a0: vérifiez le fichier à nouveau.")
        .optional(),
    ),
});

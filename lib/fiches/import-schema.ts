// The import form's input, shared by the browser (checked before the upload) and the server.
import { z } from "zod";
import { uuidField } from "@/lib/validation/fields";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const importFichesSchema = z.object({
  contractId: uuidField("Contrat introuvable."),
  file: z
    .instanceof(File, { error: "Choisissez un fichier .xlsx ou .csv." })
    .refine((file) => file.size > 0, "Choisissez un fichier .xlsx ou .csv.")
    .refine((file) => file.size <= MAX_IMPORT_BYTES, "Ce fichier dépasse 5\u00a0Mo\u00a0: découpez-le."),
  mode: z.enum(["preview", "import"]),
});

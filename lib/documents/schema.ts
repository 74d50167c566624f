// Inputs of a contract's documents (signed contract, amendments, deliberations, diagnosis,
// minutes…) and their field catalogue: what the document is, when it was issued, where it can be
// read (a web address, or a file uploaded here: lib/documents/storage.ts), whether the public sees
// it, and the amendment of the contract it belongs to, if any. The file itself is checked on the server (lib/documents/file-check.ts): its type by its
// content, its size against the configured limit.
import { z } from "zod";
import { amendmentLabel } from "@/lib/amendments/labels";
import { defineCatalogue, entriesOf } from "@/lib/catalogue";
import { DOCUMENT_KIND_LABELS } from "@/lib/contracts/labels";
import { DocumentKind } from "@/lib/db/generated/enums";
import { formatFileSize } from "@/lib/format";
import { checkbox, optionalText, optionalUuid, requiredText, uuidField, versionField } from "@/lib/validation/fields";

/** A document as history reads it. */
export type DocumentRecord = {
  kind: DocumentKind;
  title: string;
  issuedOn: Date | null;
  url: string | null;
  isPublic: boolean;
  amendmentId: string | null;
  amendment: { number: number } | null;
};

/** The size limit when OPENCLS_DOCUMENT_MAX_MB does not set one (lib/documents/config.ts). */
export const DEFAULT_DOCUMENT_MAX_MB = 20;

export const fileTooLargeMessage = (maxBytes: number) =>
  `Ce fichier dépasse ${formatFileSize(maxBytes)}\u00a0: réduisez-le (PDF compressé, images moins lourdes), ou indiquez plutôt l’adresse web où il se lit.`;

/** The form's schema in the browser: the server's, and the size limit the page gives (the server checks it again, and the type). */
export function documentFormSchema<S extends z.ZodType<{ file: File | null }>>(schema: S, maxBytes: number) {
  return schema.superRefine((input, context) => {
    if (input.file && input.file.size > maxBytes)
      context.addIssue({ code: "custom", path: ["file"], message: fileTooLargeMessage(maxBytes) });
  });
}

const entry = entriesOf<DocumentRecord>();
const NO_FILE_NAMES = new Set(["", "undefined"]);
const workspaceOnly = { publicPage: false, confidential: false } as const;

/** A web address (http or https) or nothing: the public page links only to those. */
const webAddress = optionalText(500).pipe(
  z
    .string()
    .nullable()
    .refine(
      (value) => value === null || (z.url({ protocol: /^https?$/ }).safeParse(value).success && /^https?:\/\//i.test(value)),
      "Saisissez une adresse web complète, commençant par https://, ou rien.",
    ),
);

export const DOCUMENT_FIELDS = defineCatalogue<DocumentRecord>()({
  kind: entry.choice("kind", DocumentKind, DOCUMENT_KIND_LABELS, "Choisissez le type de document.", {
    label: "Type de document",
    api: "kind",
    input: { initial: "contract" },
    publicPage: true,
    confidential: false,
  }),
  title: entry.text("title", requiredText("Saisissez l’intitulé du document.", 300), {
    label: "Intitulé",
    api: "title",
    input: {
      kind: "text",
      hint: "Par exemple «\u00a0Contrat local de santé signé\u00a0» ou «\u00a0Délibération du conseil municipal\u00a0».",
    },
    publicPage: true,
    confidential: false,
  }),
  issuedOn: entry.date("issuedOn", { label: "Date du document", api: "issued_on", publicPage: true }),
  url: entry.text("url", webAddress, {
    label: "Adresse web",
    api: "url",
    input: { kind: "text", hint: "Où le document se lit en ligne, s’il n’est pas déposé ici comme fichier." },
    publicPage: true,
    confidential: false,
  }),
  isPublic: {
    label: "Visible sur la page publique",
    rule: checkbox,
    scalar: true,
    history: { key: "isPublic", value: (document: DocumentRecord) => (document.isPublic ? "Oui" : "Non") },
    api: "is_public",
    ...workspaceOnly,
  },
  // Its choices are the contract's amendments, which the page gives; the action checks the contract.
  amendmentId: {
    label: "Avenant",
    rule: optionalUuid,
    scalar: true,
    input: {
      kind: "select",
      label: "Avenant concerné",
      placeholder: "Aucun",
      hint: "Le texte signé d’un avenant, ou une délibération qui l’approuve, se lit aussi sur la page de l’avenant.",
    },
    history: {
      key: "amendment",
      value: (document: DocumentRecord) => (document.amendment ? amendmentLabel(document.amendment.number) : null),
    },
    api: "amendment_number",
    ...workspaceOnly,
  },
});

const documentFieldsSchema = z.object({
  kind: DOCUMENT_FIELDS.kind.rule,
  title: DOCUMENT_FIELDS.title.rule,
  issuedOn: DOCUMENT_FIELDS.issuedOn.rule,
  url: DOCUMENT_FIELDS.url.rule,
  isPublic: DOCUMENT_FIELDS.isPublic.rule,
  amendmentId: DOCUMENT_FIELDS.amendmentId.rule,
  /**
   * The file input: a File. When none was chosen the browser sends an empty one named "", which
   * reaches a server action named "undefined" (React rebuilds it from a part without a file
   * name): that is no file. Its size and type are checked on the server, where the limit is
   * configured.
   */
  file: z
    .instanceof(File, { error: "Choisissez un fichier." })
    .optional()
    .transform((file) => (file && !(file.size === 0 && NO_FILE_NAMES.has(file.name)) ? file : null)),
});

export type DocumentFields = z.infer<typeof documentFieldsSchema>;

export const createDocumentSchema = documentFieldsSchema.extend({ contractId: uuidField("Contrat introuvable.") });
export const updateDocumentSchema = documentFieldsSchema.extend({
  documentId: uuidField("Document introuvable."),
  version: versionField,
});
export const documentVersionSchema = z.object({ documentId: uuidField("Document introuvable."), version: versionField });

export const OTHER_CONTRACT_AMENDMENT_MESSAGE = "Choisissez un avenant de ce contrat.";

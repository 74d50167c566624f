"use client";

// Records a document of the contract, or edits one: its kind, title and date, where it is read
// (a web address, or a file uploaded here, which replaces the one it had), and whether the public
// page shows it. A file over the limit is refused before it leaves the browser; its type is
// checked by the server, by its content.
import { useId, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/actions/result";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { ACCEPTED_FILES, ACCEPTED_FILES_TEXT } from "@/lib/documents/file-types";
import {
  createDocumentSchema,
  DOCUMENT_FIELDS,
  documentFormSchema,
  fileTooLargeMessage,
  updateDocumentSchema,
} from "@/lib/documents/schema";
import { formatFileSize } from "@/lib/format";

export type DocumentFormValues = FormValuesOf<typeof DOCUMENT_FIELDS> & { isPublic: boolean };

type Props = {
  action: ServerAction<null>;
  values: DocumentFormValues;
  /** contractId for a new document; documentId and version for an edit. */
  hidden: Record<string, string>;
  /** The largest file the server takes, in bytes. */
  maxBytes: number;
  /** The file the document has, as the page describes it (« contrat.pdf (PDF, 1,2 Mo) »). */
  currentFile?: string;
  /** The contract's amendments, which a document may belong to; none, no choice. */
  amendments?: readonly SelectOption[];
  onSaved?: () => void;
};

export function DocumentForm({ action, values, hidden, maxBytes, currentFile, amendments = [], onSaved }: Props) {
  const creating = !("documentId" in hidden);
  const publicId = useId();
  const limit = formatFileSize(maxBytes);
  const form = useActionForm(action, {
    schema: documentFormSchema(creating ? createDocumentSchema : updateDocumentSchema, maxBytes),
    // The server (or the proxy before it) refused the request itself: its size, most likely.
    rejectedFieldErrors: (formData): FieldErrors => {
      const file = formData.get("file");
      return file instanceof File && file.size > 0
        ? {
            file:
              file.size > maxBytes
                ? fileTooLargeMessage(maxBytes)
                : `Le serveur a refusé ce fichier, sans doute trop volumineux\u00a0: ${limit} au plus.`,
          }
        : {};
    },
    onSuccess: (saved) => {
      markSaved();
      if (!creating) return;
      announce({ message: saved.message ?? "Le document est enregistré." });
      onSaved?.();
    },
  });
  const { fieldErrors } = form;
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(DOCUMENT_FIELDS, values, fieldErrors);
  const fileHint = `${ACCEPTED_FILES_TEXT}, ${limit} au plus.${currentFile ? ` Fichier actuel\u00a0: ${currentFile}\u00a0; un nouveau fichier le remplace.` : ""}`;
  return (
    <ActionForm form={form} hidden={hidden} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">{fields("kind", "issuedOn")}</div>
      {field("title")}
      <TextField
        label={currentFile ? "Remplacer le fichier" : "Fichier"}
        name="file"
        type="file"
        accept={ACCEPTED_FILES}
        hint={fileHint}
        error={fieldErrors.file}
      />
      {field("url")}
      {amendments.length ? field("amendmentId", { options: [...amendments] }) : null}
      <Checkbox
        id={publicId}
        name="isPublic"
        value="on"
        label={DOCUMENT_FIELDS.isPublic.label}
        hint="Le document, et son fichier, paraissent sur la page publique du territoire une fois le contrat publié."
        defaultChecked={values.isPublic}
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : creating ? "Ajouter le document" : "Enregistrer les modifications"}
      </Button>
    </ActionForm>
  );
}

/** The form of a new document, blank again once one is saved. */
export function NewDocumentForm(props: Omit<Props, "onSaved" | "currentFile">) {
  const [round, setRound] = useState(0);
  return <DocumentForm key={round} {...props} onSaved={() => setRound((value) => value + 1)} />;
}

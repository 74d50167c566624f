"use client";

// Upload a spreadsheet of fiches, see every row checked and, for each existing fiche the file
// updates, every field before and after; then confirm those changes and import.
import { FieldChangesTable } from "@/components/ui/field-changes-table";
import { useId, useState, type FormEvent } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { ImportOutcome, ImportReport, ImportRow } from "@/lib/fiches/import";
import { FILE_TOO_LARGE_MESSAGE, importFichesSchema, MAX_IMPORT_BYTES } from "@/lib/fiches/import-schema";
import { formatCount, selectPlural } from "@/lib/format";

const CONFIRM_MESSAGE = "Cochez cette case après avoir vérifié les modifications, pour remplacer ces valeurs.";

/** When the server refuses the upload itself (over its body limit), say so at the file field. */
function rejectedFile(formData: FormData) {
  const file = formData.get("file");
  return {
    file:
      file instanceof File && file.size > MAX_IMPORT_BYTES
        ? FILE_TOO_LARGE_MESSAGE
        : "Le serveur a refusé ce fichier, sans doute trop volumineux\u00a0: 5\u00a0Mo au plus. Découpez-le, ou réessayez.",
  };
}

export function ImportForm({ action, contractId }: { action: ServerAction<ImportOutcome>; contractId: string }) {
  const confirmId = useId();
  const [unconfirmed, setUnconfirmed] = useState(false);
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, {
    schema: importFichesSchema,
    rejectedFieldErrors: rejectedFile,
  });
  const report = result?.ok ? result.data.report : null;
  const imported = result?.ok ? result.data.imported : false;
  const confirmationRequired = result?.ok ? Boolean(result.data.confirmationRequired) : false;
  const confirmError = unconfirmed || confirmationRequired ? CONFIRM_MESSAGE : fieldErrors.confirmedChanges;
  const updated = report?.rows.filter((row) => row.outcome === "update") ?? [];

  // The browser asks for the confirmation first; the server checks it against the changes it recomputes.
  function submit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const confirmation = event.currentTarget.elements.namedItem("confirmedChanges");
    if (
      submitter instanceof HTMLButtonElement &&
      submitter.value === "import" &&
      report?.digest &&
      !(confirmation instanceof HTMLInputElement && confirmation.checked)
    ) {
      event.preventDefault();
      setUnconfirmed(true);
      if (confirmation instanceof HTMLInputElement) confirmation.focus();
      return;
    }
    setUnconfirmed(false);
    onSubmit(event);
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-6">
      <input type="hidden" name="contractId" value={contractId} />
      <FormMessages
        fieldErrors={fieldErrors}
        error={confirmationRequired ? success : error}
        success={confirmationRequired ? undefined : success}
      />
      <TextField
        label="Fichier .xlsx ou .csv"
        name="file"
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        error={fieldErrors.file}
        hint="5 Mo au plus. Le CSV peut être séparé par des points-virgules, comme l’enregistre Excel."
      />
      <Button type="submit" name="mode" value="preview" variant="secondary" disabled={pending}>
        {report ? "Vérifier le fichier à nouveau" : "Vérifier le fichier"}
      </Button>

      {report ? <RowTable report={report} imported={imported} /> : null}

      {updated.length && !imported ? (
        <section aria-labelledby="modifications-titre" className="space-y-4">
          <h3 id="modifications-titre" className="text-lg font-semibold text-slate-900">
            Modifications des fiches existantes
          </h3>
          <p className="text-slate-700">
            {selectPlural(updated.length, {
              one: "Cette fiche existe déjà\u00a0: l’import remplacera les valeurs suivantes.",
              other: `Ces ${formatCount(updated.length, "fiche existe", "fiches existent")} déjà\u00a0: l’import remplacera les valeurs suivantes.`,
            })}{" "}
            Les colonnes absentes du fichier ne changent rien.
          </p>
          {updated.map((row) => (
            <ChangeTable key={row.line} row={row} />
          ))}
        </section>
      ) : null}

      {report && report.valid > 0 && !imported ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
          {report.digest ? (
            <div>
              <div className="flex items-start gap-2">
                <input
                  id={confirmId}
                  type="checkbox"
                  name="confirmedChanges"
                  value={report.digest}
                  // A new check means new changes to confirm.
                  key={report.digest}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? `${confirmId}-erreur` : undefined}
                  className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={confirmId} className="font-medium text-slate-900">
                  J’ai vérifié les modifications de {formatCount(report.updates, "fiche existante", "fiches existantes")} et je veux les
                  remplacer.
                </label>
              </div>
              {confirmError ? (
                <p id={`${confirmId}-erreur`} className="mt-1 text-sm font-medium text-red-800">
                  {confirmError}
                </p>
              ) : null}
            </div>
          ) : null}
          <Button type="submit" name="mode" value="import" disabled={pending}>
            {selectPlural(report.valid, {
              one: "Importer la ligne valide",
              other: `Importer les ${formatCount(report.valid, "ligne valide", "lignes valides")}`,
            })}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

const OUTCOME_BADGES: Record<ImportRow["outcome"], { tone: "success" | "warning" | "neutral"; before: string; after: string }> = {
  create: { tone: "success", before: "Nouvelle fiche", after: "Fiche créée" },
  update: { tone: "warning", before: "Mise à jour de la fiche", after: "Fiche mise à jour" },
  unchanged: { tone: "neutral", before: "Déjà à jour", after: "Inchangée" },
  example: { tone: "neutral", before: "Ligne d’exemple du modèle, ignorée", after: "Ligne d’exemple du modèle, ignorée" },
  invalid: { tone: "neutral", before: "", after: "" },
};

function RowTable({ report, imported }: { report: ImportReport; imported: boolean }) {
  return (
    <section aria-labelledby="apercu-titre" className="space-y-3">
      <h3 id="apercu-titre" className="text-lg font-semibold text-slate-900">
        {imported ? "Lignes importées" : "Aperçu de l’import"}
      </h3>
      <p className="text-slate-700">
        {formatCount(report.valid, "ligne valide", "lignes valides")}, {formatCount(report.invalid, "ligne", "lignes")} en erreur
        {report.invalid ? " (elles ne seront pas importées)" : ""}
        {report.updates && !imported
          ? `, dont ${formatCount(report.updates, "fiche existante modifiée", "fiches existantes modifiées")}`
          : ""}
        .
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <Table
          caption="Chaque ligne du fichier et ses erreurs éventuelles"
          columns={[{ label: "Ligne" }, { label: "Numéro" }, { label: "Intitulé" }, { label: "Résultat" }]}
        >
          {report.rows.map((row) => {
            const errors = Object.entries(row.errors);
            const badge = OUTCOME_BADGES[row.outcome];
            return (
              <tr key={row.line} className={`border-b border-slate-100 align-top last:border-0 ${errors.length ? "bg-red-50" : ""}`}>
                <th scope="row">{row.line}</th>
                <td>{row.number}</td>
                <td>{row.title}</td>
                <td>
                  {errors.length ? (
                    <ul className="space-y-1 text-red-900">
                      {errors.map(([column, message]) => (
                        <li key={column}>
                          <span className="font-semibold">{column}</span>&#8239;: {message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <>
                      <Badge tone={badge.tone}>{imported ? badge.after : badge.before}</Badge>
                      {row.outcome === "update" && !imported ? (
                        <a href={`#modifications-ligne-${row.line}`} className="ml-2">
                          {formatCount(row.changes.length, "champ modifié", "champs modifiés")}
                        </a>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      </div>
    </section>
  );
}

/** One existing fiche: each field the import changes, before and after. */
function ChangeTable({ row }: { row: ImportRow }) {
  return (
    <div id={`modifications-ligne-${row.line}`} className="rounded-lg border border-amber-200 bg-white">
      <FieldChangesTable
        caption={
          <>
            Fiche n°&nbsp;{row.number} (ligne {row.line})
          </>
        }
        afterLabel="Après l’import"
        changes={row.changes.map((change) => ({ label: change.column, before: change.before, after: change.after }))}
      />
    </div>
  );
}

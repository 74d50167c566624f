"use client";

// Upload a spreadsheet of fiches, see every row checked, then import the valid ones.
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { ImportReport } from "@/lib/fiches/import";
import { importFichesSchema } from "@/lib/fiches/import-schema";

export function ImportForm({ action, contractId }: { action: ServerAction<{ imported: boolean; report: ImportReport }>; contractId: string }) {
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, { schema: importFichesSchema });
  const report = result?.ok ? result.data.report : null;
  const imported = result?.ok ? result.data.imported : false;
  return (
    <div className="space-y-6">
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="contractId" value={contractId} />
        <FormMessages error={error} success={success} />
        <TextField label="Fichier .xlsx ou .csv" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={fieldErrors.file} hint="5 Mo au plus. Le CSV peut être séparé par des points-virgules, comme l’enregistre Excel." />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="mode" value="preview" variant="secondary" disabled={pending}>
            Vérifier le fichier
          </Button>
          <Button type="submit" name="mode" value="import" disabled={pending || !report || report.valid === 0 || imported}>
            {report && !imported ? `Importer les ${report.valid} lignes valides` : "Importer les lignes valides"}
          </Button>
        </div>
      </form>

      {report ? (
        <section aria-labelledby="apercu-titre" className="space-y-3">
          <h2 id="apercu-titre" className="text-xl font-semibold text-slate-900">
            {imported ? "Lignes importées" : "Aperçu de l’import"}
          </h2>
          <p className="text-slate-700">
            {report.valid} ligne{report.valid > 1 ? "s" : ""} valide{report.valid > 1 ? "s" : ""}, {report.invalid} ligne{report.invalid > 1 ? "s" : ""} en erreur
            {report.invalid ? " (elles ne seront pas importées)" : ""}.
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Chaque ligne du fichier et ses erreurs éventuelles</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="px-3 py-2 font-medium">Ligne</th>
                  <th scope="col" className="px-3 py-2 font-medium">Numéro</th>
                  <th scope="col" className="px-3 py-2 font-medium">Intitulé</th>
                  <th scope="col" className="px-3 py-2 font-medium">Résultat</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => {
                  const errors = Object.entries(row.errors);
                  return (
                    <tr key={row.line} className={`border-b border-slate-100 align-top last:border-0 ${errors.length ? "bg-red-50" : ""}`}>
                      <th scope="row" className="px-3 py-2 font-medium">
                        {row.line}
                      </th>
                      <td className="px-3 py-2">{row.number}</td>
                      <td className="px-3 py-2">{row.title}</td>
                      <td className="px-3 py-2">
                        {errors.length ? (
                          <ul className="space-y-1 text-red-900">
                            {errors.map(([column, message]) => (
                              <li key={column}>
                                <span className="font-semibold">{column}</span>&#8239;: {message}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <Badge tone="success">{row.updates ? "Mise à jour de la fiche" : "Nouvelle fiche"}</Badge>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

"use client";

// Shown when someone else saved the record first: what they changed, and the two ways on.
import { Button } from "@/components/ui/button";
import type { ConflictDetails } from "@/lib/actions/result";

export function ConflictNotice({
  conflict,
  onReapply,
  onDiscard,
}: {
  conflict: ConflictDetails;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  return (
    <div role="alert" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
      <p className="font-semibold">
        Quelqu’un d’autre a enregistré cet élément pendant que vous le modifiiez. Vos saisies sont conservées ci-dessous.
      </p>
      {conflict.changes.length ? (
        <>
          <p className="mt-2">Ce qui a changé entre-temps&#8239;:</p>
          <ul className="mt-1 space-y-2">
            {conflict.changes.map((change, index) => (
              <li key={index}>
                <p className="text-sm">
                  Le {change.at}, par {change.by}&#8239;:
                </p>
                <ul className="ml-5 list-disc text-sm">
                  {change.fields.map((field) => (
                    <li key={field.label}>
                      <span className="font-medium">{field.label}</span>&#8239;: {field.before} →{" "}
                      <span className="whitespace-pre-line">{field.after}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={onReapply}>Enregistrer mes saisies par-dessus</Button>
        <Button variant="secondary" onClick={onDiscard}>
          Abandonner mes saisies et voir la version actuelle
        </Button>
      </div>
    </div>
  );
}

"use client";

// « Préparer le contrat suivant »: the next contract's title, and a checkbox list of the ending
// contract's axes (all checked) with their fiches (to choose) to carry over.
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { renewContractSchema } from "@/lib/renewal/schema";

export type RenewalAxis = {
  id: string;
  label: string;
  fiches: ReadonlyArray<{ id: string; label: string; status: string }>;
};

export function RenewalForm({
  action,
  contractId,
  title,
  axes,
  workspacePath,
}: {
  action: ServerAction<{ contractId: string }>;
  contractId: string;
  /** The title the form proposes. */
  title: string;
  axes: readonly RenewalAxis[];
  /** The contracts' path in the workspace: the new contract's page is under it. */
  workspacePath: string;
}) {
  const router = useRouter();
  const form = useActionForm(action, {
    schema: renewContractSchema,
    // As soon as the action answers: the refreshed page no longer holds this form (the contract now has its next one).
    onAnswer: (saved) => {
      if (!saved.ok) return;
      const path = `${workspacePath}/${saved.data.contractId}`;
      announce({ message: saved.message ?? "Le contrat suivant est créé.", path });
      router.push(path);
    },
  });
  const { fieldErrors } = form;
  return (
    <ActionForm form={form} hidden={{ contractId }} className="space-y-6">
      <TextField label="Intitulé du contrat suivant" name="title" defaultValue={title} required error={fieldErrors.title} />
      <fieldset className="min-w-0" aria-describedby="reprise-aide">
        <legend className="font-medium text-slate-900">Axes et fiches actions à reprendre</legend>
        <p id="reprise-aide" className="mt-0.5 text-sm text-slate-600">
          Tous les axes sont repris, sauf ceux que vous décochez. Cochez les fiches que le contrat suivant poursuit&#8239;: chacune est
          copiée dans son axe, avec ses objectifs, et renvoie à la fiche qu’elle poursuit.
        </p>
        {[fieldErrors.axisIds, fieldErrors.ficheIds].filter(Boolean).map((message) => (
          <p key={message} className="mt-1 text-sm font-medium text-red-800">
            {message}
          </p>
        ))}
        <ul className="mt-3 space-y-3">
          {axes.map((axis) => (
            <li key={axis.id} className="rounded-md border border-slate-200 p-3 sm:p-4">
              <Checkbox name="axisIds" value={axis.id} label={axis.label} defaultChecked />
              {axis.fiches.length ? (
                <fieldset className="mt-3 min-w-0 border-t border-slate-200 pt-3 sm:pl-7">
                  <legend className="sr-only">Fiches à reprendre de «&nbsp;{axis.label}&nbsp;»</legend>
                  <div className="space-y-2">
                    {axis.fiches.map((fiche) => (
                      <Checkbox
                        key={fiche.id}
                        name="ficheIds"
                        value={fiche.id}
                        label={fiche.label}
                        hint={fiche.status}
                        defaultChecked={false}
                      />
                    ))}
                  </div>
                </fieldset>
              ) : (
                <p className="mt-2 text-sm text-slate-600 sm:pl-7">Aucune fiche action dans cet axe.</p>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Préparation…" : "Préparer le contrat suivant"}
      </Button>
    </ActionForm>
  );
}

"use client";

// The platform admin's territory form, to create a territory or edit one: the admin finds the
// place in the State's reference (a commune, an EPCI, a département) by name or code, and
// choosing it fills the name, kind, region and départements; the server records the place's
// official codes itself.
import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { GeoSuggestion } from "@/lib/geo/queries";
import { createTerritorySchema, updateTerritorySchema } from "@/lib/territories/schema";

type Region = { id: string; name: string; inseeCode: string };
const EMPTY = { name: "", kind: "", regionId: "", department: "" };

/** An existing territory: its fields, its place in the reference if it has one, the version loaded. */
export type EditedTerritory = {
  territoryId: string;
  version: number;
  fields: typeof EMPTY;
  place: { value: string; label: string; codes: string } | null;
};

export function TerritoryForm<Output>({
  action,
  regions,
  kinds,
  edited,
}: {
  action: ServerAction<Output>;
  regions: readonly Region[];
  kinds: readonly SelectOption[];
  /** Absent: a creation form, emptied after each territory created. */
  edited?: EditedTerritory;
}) {
  const { formRef, onSubmit, pending, fieldErrors, error, success, conflict, reapply, reapplyVersion } = useActionForm(action, {
    schema: edited ? updateTerritorySchema : createTerritorySchema,
    resetOnSuccess: !edited,
  });
  const [fields, setFields] = useState(edited?.fields ?? EMPTY);
  const [codes, setCodes] = useState(edited?.place?.codes ?? "");
  // A new picker after each creation: the list box keeps its choice otherwise.
  const [pickerKey, setPickerKey] = useState(0);
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  function choose(option: SelectOption | undefined) {
    const place = option as GeoSuggestion | undefined;
    if (!place) return setCodes("");
    setFields((current) => ({
      name: place.name,
      kind: place.kind ?? current.kind,
      regionId: regions.find((region) => region.inseeCode === place.regionCode)?.id ?? current.regionId,
      department: place.department.slice(0, 80),
    }));
    setCodes(place.codes);
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      onReset={() => {
        setFields(EMPTY);
        setCodes("");
        setPickerKey((key) => key + 1);
      }}
      aria-labelledby="territory-form-title"
      className="mt-8 space-y-4"
    >
      <h3 id="territory-form-title" className="text-lg font-semibold text-slate-900">
        {edited ? "Modifier le territoire" : "Créer un territoire"}
      </h3>
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} conflict={conflict} onReapply={reapply} />
      {edited ? (
        <>
          <input type="hidden" name="territoryId" value={edited.territoryId} />
          <input type="hidden" name="version" value={reapplyVersion ?? edited.version} />
        </>
      ) : null}
      <Combobox
        key={pickerKey}
        label="Lieu dans le référentiel officiel"
        name="reference"
        hint={
          "Une commune, un EPCI ou un département, par son nom ou son code. Facultatif\u00a0: un territoire sans lieu n’a pas de code officiel."
        }
        options={{ known: edited?.place ? [edited.place] : [], suggestUrl: "/admin/suggestions/referentiel" }}
        defaultValue={edited?.place?.value}
        placeholder="Tapez un nom ou un code…"
        onChoose={choose}
        error={fieldErrors.reference}
      />
      <p aria-live="polite" className="text-sm text-slate-700">
        {codes ? `Codes officiels enregistrés\u00a0: ${codes}.` : ""}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Nom" name="name" required value={fields.name} onChange={set("name")} error={fieldErrors.name} />
        <SelectField
          label="Type"
          name="kind"
          options={kinds}
          placeholder="Choisir…"
          value={fields.kind}
          onChange={set("kind")}
          error={fieldErrors.kind}
        />
        <SelectField
          label="Région"
          name="regionId"
          options={regions.map((region) => ({ value: region.id, label: region.name }))}
          placeholder="Choisir…"
          value={fields.regionId}
          onChange={set("regionId")}
          error={fieldErrors.regionId}
        />
        <TextField
          label="Département(s)"
          name="department"
          hint="Tel qu’affiché, par exemple Drôme."
          value={fields.department}
          onChange={set("department")}
          error={fieldErrors.department}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : edited ? "Enregistrer le territoire" : "Créer le territoire"}
      </Button>
    </form>
  );
}

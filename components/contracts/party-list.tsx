import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import type { OrganisationKind } from "@/lib/db/generated/enums";
import type { ReactNode } from "react";

type Party = { id: string; organisation: { name: string; kind: OrganisationKind }; detail?: ReactNode };

/** Signatories or partners: organisation name, kind, and an optional detail (role, signature). */
export function PartyList({ parties, label }: { parties: Party[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {parties.map((party) => (
        <li key={party.id} className="rounded-md border border-slate-200 px-4 py-3">
          <p className="font-medium text-slate-900">{party.organisation.name}</p>
          <p className="text-sm text-slate-600">{ORGANISATION_KIND_LABELS[party.organisation.kind]}</p>
          {party.detail ? <p className="mt-1 text-sm text-slate-700">{party.detail}</p> : null}
        </li>
      ))}
    </ul>
  );
}

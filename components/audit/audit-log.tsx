import Link from "next/link";
import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/select-field";
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditValueLabel } from "@/lib/audit/labels";
import type { AuditFilter, AuditPage } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

type Change = { before: unknown; after: unknown };

/** The audit log, newest first, with its filters (a GET form: filters live in the URL). */
export function AuditLog({ page, filter, basePath }: { page: AuditPage; filter: AuditFilter; basePath: string }) {
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ personne: filter.personne, element: filter.element, ...extra }))
      if (value) params.set(key, value);
    const text = params.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  const filteredRecord = filter.element
    ? page.events.find((event) => `${event.entityType}:${event.entityId}` === filter.element)
    : undefined;

  return (
    <div className="space-y-6">
      <FilterForm action={basePath} submitLabel="Filtrer">
        <div className="sm:w-96">
          <SelectField
            label="Personne"
            name="personne"
            defaultValue={filter.personne ?? ""}
            placeholder="Toutes les personnes"
            options={page.people.map((person) => ({
              value: person.id,
              label: person.name ? `${person.name} (${person.email})` : person.email,
            }))}
          />
        </div>
        {filter.element ? <input type="hidden" name="element" value={filter.element} /> : null}
      </FilterForm>
      {filter.element ? (
        <p className="text-slate-700">
          Historique d’un seul élément
          {filteredRecord ? `\u00a0: ${auditEntityLabel(filteredRecord.entityType)} «\u00a0${filteredRecord.entityLabel}\u00a0»` : ""}.{" "}
          <Link href={query({ element: undefined })}>Voir tous les éléments</Link>
        </p>
      ) : null}

      {page.events.length ? (
        <ol aria-label="Modifications" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {page.events.map((event) => {
            const changes = Object.entries((event.changes ?? {}) as Record<string, Change>);
            return (
              <li key={event.id} className="grid gap-2 p-4 sm:grid-cols-[13rem_1fr] sm:gap-6">
                <div className="text-sm text-slate-600">
                  <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
                  {event.ip ? <p>IP {event.ip}</p> : null}
                </div>
                <div>
                  <p className="text-slate-900">
                    <span className="font-semibold">{auditActionLabel(event.action)}</span> par{" "}
                    {event.actor ? (event.actor.name ?? event.actor.email) : "un compte supprimé"}
                  </p>
                  <p className="text-sm text-slate-700">
                    {auditEntityLabel(event.entityType)}{" "}
                    <Link
                      href={query({ element: `${event.entityType}:${event.entityId}`, apres: undefined })}
                      aria-label={`Historique de ${auditEntityLabel(event.entityType).toLowerCase()} ${event.entityLabel}`}
                    >
                      {event.entityLabel || event.entityId}
                    </Link>
                  </p>
                  {changes.length ? (
                    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                      {changes.map(([field, change]) => (
                        <div key={field} className="contents">
                          <dt className="font-medium text-slate-700">{auditFieldLabel(field)}</dt>
                          <dd className="text-slate-900">
                            {change.before !== null ? (
                              <>
                                <del className="text-slate-600">{auditValueLabel(field, change.before)}</del> →{" "}
                              </>
                            ) : null}
                            <ins className="no-underline">{auditValueLabel(field, change.after)}</ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-slate-700">Aucune modification enregistrée{filter.personne || filter.element ? " pour ces filtres" : ""}.</p>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={query({ apres: page.nextCursor })}>Modifications plus anciennes</Link>
        </p>
      ) : null}
    </div>
  );
}

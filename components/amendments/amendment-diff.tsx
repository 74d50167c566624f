// An amendment's differences (lib/amendments/diff.ts): the contract's fields it changed, the fiches
// it added, changed (field by field when `detailed`, by field names otherwise) and closed. Shared
// by the workspace's contract and amendment pages and the public page, which passes a diff already
// cut to what the public may read.
import type { ReactNode } from "react";
import { FieldChangesTable } from "@/components/ui/field-changes-table";
import type { ContractDiff, FicheRef, FieldChange } from "@/lib/amendments/diff";
import { ficheLabel } from "@/lib/contracts/labels";
import { formatDate } from "@/lib/format";

const EMPTY = "(vide)";
const shown = (value: FieldChange["before"]) => (value === null || value === "" ? EMPTY : String(value));
const rows = (changes: readonly FieldChange[]) =>
  changes.map((change) => ({ label: change.label, before: shown(change.before), after: shown(change.after) }));

function FicheName({ fiche, href }: { fiche: FicheRef; href?: (fiche: FicheRef) => string | null }) {
  const link = href?.(fiche);
  const name = `${ficheLabel(fiche.number)} «\u00a0${fiche.title}\u00a0»`;
  return link ? <a href={link}>{name}</a> : <>{name}</>;
}

/** Fiches by name, each with what follows its name. */
function FicheList<F extends FicheRef>({
  fiches,
  href,
  after,
}: {
  fiches: readonly F[];
  href?: (fiche: FicheRef) => string | null;
  after?: (fiche: F) => string;
}) {
  return (
    <ul className="mt-1 list-disc space-y-1 pl-6">
      {fiches.map((fiche) => (
        <li key={fiche.id}>
          <FicheName fiche={fiche} href={href} />
          {after ? <span className="text-slate-600">{after(fiche)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Group({ title, count, level, children }: { title: string; count: number; level: 3 | 4; children: ReactNode }) {
  if (!count) return null;
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div>
      <Heading className="font-semibold text-slate-900">
        {title} ({count})
      </Heading>
      {children}
    </div>
  );
}

export function AmendmentDiff({
  diff,
  detailed,
  ficheHref,
  level,
  empty = "Aucune différence avec le contrat avant l’avenant.",
}: {
  diff: ContractDiff;
  detailed: boolean;
  /** The groups' heading level: under the section's heading (3) or under an amendment's own (4). */
  level: 3 | 4;
  ficheHref?: (fiche: FicheRef) => string | null;
  empty?: string;
}) {
  const nothing = !diff.contract.length && !diff.added.length && !diff.changed.length && !diff.closed.length && !diff.removed.length;
  if (nothing) return <p className="text-slate-700">{empty}</p>;
  return (
    <div className="space-y-4">
      <Group level={level} title="Le contrat" count={diff.contract.length}>
        {detailed ? (
          <div className="mt-2">
            <FieldChangesTable changes={rows(diff.contract)} caption={<span className="sr-only">Champs du contrat modifiés</span>} />
          </div>
        ) : (
          <p className="mt-1 text-slate-700">{diff.contract.map((change) => change.label).join(", ")}</p>
        )}
      </Group>
      <Group level={level} title="Fiches ajoutées" count={diff.added.length}>
        <FicheList fiches={diff.added} href={ficheHref} />
      </Group>
      <Group level={level} title="Fiches modifiées" count={diff.changed.length}>
        {detailed ? (
          <div className="mt-2 space-y-4">
            {diff.changed.map((fiche) => (
              <FieldChangesTable key={fiche.id} changes={rows(fiche.changes)} caption={<FicheName fiche={fiche} href={ficheHref} />} />
            ))}
          </div>
        ) : (
          <FicheList
            fiches={diff.changed}
            href={ficheHref}
            after={(fiche) => `\u00a0: ${fiche.changes.map((change) => change.label.toLowerCase()).join(", ")}`}
          />
        )}
      </Group>
      <Group level={level} title="Fiches closes" count={diff.closed.length}>
        <FicheList
          fiches={diff.closed}
          href={ficheHref}
          after={(fiche) => (fiche.closedOn ? `, close le ${formatDate(new Date(fiche.closedOn))}` : ", close à la signature de l’avenant")}
        />
      </Group>
      <Group level={level} title="Fiches mises à la corbeille" count={diff.removed.length}>
        <FicheList fiches={diff.removed} />
      </Group>
    </div>
  );
}

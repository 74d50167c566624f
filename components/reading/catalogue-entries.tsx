// A record's fields as its catalogue shows them on paper (lib/catalogue documentEntries): short
// ones as facts, long texts as titled paragraphs. The read-only pages of a contract and a fiche.
import { FactList } from "@/components/ui/fact-list";

type Entry = { label: string; value: string | null };

export function CatalogueEntries({ entries }: { entries: { facts: Entry[]; paragraphs: Entry[] } }) {
  return (
    <>
      <FactList facts={entries.facts.map((entry) => ({ label: entry.label, value: entry.value ?? "Non renseigné" }))} />
      {entries.paragraphs.map((entry) =>
        entry.value ? (
          <div key={entry.label} className="mt-5 max-w-3xl">
            <h3 className="font-semibold text-slate-900">{entry.label}</h3>
            <p className="mt-1 whitespace-pre-line text-slate-800">{entry.value}</p>
          </div>
        ) : null,
      )}
    </>
  );
}

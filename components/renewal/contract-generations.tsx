// The generations of a territory's contract, each linked to its public page: the first CLS, its
// renewal, and so on. The page's own contract is named as such, not linked.
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { generationLabel } from "@/lib/contracts/labels";

export type GenerationEntry = {
  id: string;
  generation: number;
  title: string;
  startsOn: Date | null;
  endsOn: Date | null;
  href: string;
};

const year = (day: Date | null) => (day ? String(day.getUTCFullYear()) : "…");

export function ContractGenerations({ generations, currentId }: { generations: readonly GenerationEntry[]; currentId: string }) {
  return (
    <Section
      id="generations"
      title="Générations du contrat"
      description={<p>Les contrats locaux de santé successifs du territoire&#8239;: chacun poursuit le précédent.</p>}
    >
      <ol className="space-y-2" aria-label="Contrats successifs du territoire">
        {generations.map((entry) => (
          <li key={entry.id} className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:gap-3">
            <span className="shrink-0 font-semibold text-slate-700">{generationLabel(entry.generation)}</span>
            <span>
              {entry.id === currentId ? (
                <span aria-current="page">{entry.title} (cette page)</span>
              ) : (
                <Link href={entry.href}>{entry.title}</Link>
              )}
              {entry.startsOn || entry.endsOn ? (
                <span className="text-sm text-slate-600">
                  {" "}
                  · {year(entry.startsOn)}–{year(entry.endsOn)}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

// The fiches a fiche continues from the territory's earlier contracts, the nearest first: where
// its history before this contract can be read (its indicators and their measurements included).
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { ficheLabel, generationLabel } from "@/lib/contracts/labels";

export type EarlierGeneration = { id: string; generation: number; number: number; title: string; href: string | null };

/** The workspace's links to earlier fiches: their form, or their reading page; none to a fiche in the trash. */
export function inWorkspace(
  fiches: ReadonlyArray<Omit<EarlierGeneration, "href"> & { contractId: string; inTrash: boolean }>,
  territorySlug: string,
  page: "fiches" | "lecture/fiches",
): EarlierGeneration[] {
  return fiches.map((fiche) => ({
    ...fiche,
    href: fiche.inTrash ? null : `/espace/${territorySlug}/contrats/${fiche.contractId}/${page}/${fiche.id}`,
  }));
}

const INTROS = {
  workspace:
    "Cette fiche poursuit une fiche d’un contrat précédent du territoire, où se lisent son déroulement, ses indicateurs et leurs mesures.",
  public: "Cette fiche poursuit une fiche d’un contrat précédent du territoire.",
} as const;

export function EarlierGenerations({ fiches, reader }: { fiches: readonly EarlierGeneration[]; reader: keyof typeof INTROS }) {
  if (!fiches.length) return null;
  return (
    <Section id="generations-precedentes" title="Générations précédentes" description={<p>{INTROS[reader]}</p>}>
      <ol className="space-y-2" aria-label="Fiches que celle-ci poursuit">
        {fiches.map((fiche) => (
          <li key={fiche.id} className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:gap-3">
            <span className="shrink-0 font-semibold text-slate-700">{generationLabel(fiche.generation)}</span>
            <span>
              {fiche.href ? (
                <Link href={fiche.href}>
                  {ficheLabel(fiche.number)} – {fiche.title}
                </Link>
              ) : (
                `${ficheLabel(fiche.number)} – ${fiche.title} (à la corbeille)`
              )}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

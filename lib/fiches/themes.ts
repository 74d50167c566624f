// Themes were free text before issue 15 made them a controlled list (./labels.ts). This turns
// the free values into codes, once (lib/db/data-migrations.ts): a value that names a theme, or
// begins its label ("accès aux soins"), or a usual synonym of one, becomes its code; a value
// that names none is dropped, and the fiche's history keeps what it was.
import { recordAudits, type AuditEntry } from "@/lib/audit/record";
import { ANONYMOUS } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { foldName } from "@/lib/geo/reference";
import { FICHE_THEME_LABELS, FICHE_THEMES, themeLabel, type FicheTheme } from "./labels";

/** Words people used for a theme, folded (lib/geo foldName). */
const SYNONYMS: Readonly<Record<string, FicheTheme>> = {
  "sante environnementale": "environmental_health",
  "sante environnement": "environmental_health",
  habitat: "environmental_health",
  "personnes agees": "ageing_carers",
  vieillissement: "ageing_carers",
  aidants: "ageing_carers",
  jeunesse: "childhood_youth",
  enfance: "childhood_youth",
  parentalite: "childhood_youth",
  perinatalite: "childhood_youth",
  nutrition: "nutrition_physical_activity",
  "activite physique": "nutrition_physical_activity",
  precarite: "access_to_rights",
  "acces aux droits": "access_to_rights",
  cancers: "chronic_diseases",
  "maladies chroniques": "chronic_diseases",
  "education therapeutique": "chronic_diseases",
  "violences conjugales": "violence",
  "violences intrafamiliales": "violence",
  coordination: "coordination",
  "demographie medicale": "access_to_care",
};

const LABELS = Object.entries(FICHE_THEME_LABELS).map(([code, label]) => [code as FicheTheme, foldName(label)] as const);

/** The code a free theme stands for, or null. */
export function themeCodeOf(value: string): FicheTheme | null {
  if ((FICHE_THEMES as readonly string[]).includes(value)) return value as FicheTheme;
  const folded = foldName(value);
  if (!folded) return null;
  const exact = LABELS.find(([, label]) => label === folded)?.[0] ?? (Object.hasOwn(SYNONYMS, folded) ? SYNONYMS[folded] : undefined);
  if (exact) return exact;
  // The beginning of one label only: "santé" begins three.
  const beginning = LABELS.filter(([, label]) => label.startsWith(`${folded} `));
  return beginning.length === 1 ? beginning[0][0] : null;
}

/** Every fiche's themes as codes, and their published versions too; returns how many fiches changed. */
export async function convertFreeThemes(db: Db): Promise<number> {
  const fiches = await db.ficheAction.findMany({
    where: { NOT: { themes: { isEmpty: true } } },
    select: { id: true, title: true, themes: true, contract: { select: { territoryId: true } } },
  });
  const changed = fiches.flatMap((fiche) => {
    const themes = [...new Set(fiche.themes.map(themeCodeOf).filter((code) => code !== null))];
    return themes.length === fiche.themes.length && themes.every((code, index) => code === fiche.themes[index])
      ? []
      : [{ ...fiche, codes: themes }];
  });
  for (const fiche of changed) {
    await db.$transaction(async (tx) => {
      await tx.ficheAction.update({ where: { id: fiche.id }, data: { themes: fiche.codes } });
      // The published version is the public's: its themes follow, the rest of it unchanged.
      await tx.$executeRaw`
        UPDATE "PublicFiche" SET content = jsonb_set(content, '{values,themes}', ${JSON.stringify(fiche.codes)}::jsonb)
        WHERE "ficheId" = ${fiche.id}::uuid AND content -> 'values' ? 'themes'`;
      const entry: AuditEntry = {
        action: "fiche.themes.convert",
        entityType: "FicheAction",
        entityId: fiche.id,
        entityLabel: fiche.title,
        territoryId: fiche.contract.territoryId,
        before: { themes: fiche.themes.join(" ; ") },
        after: { themes: fiche.codes.map(themeLabel).join(" ; ") },
      };
      await recordAudits(tx, { actor: ANONYMOUS, ip: null }, [entry]);
    });
  }
  return changed.length;
}

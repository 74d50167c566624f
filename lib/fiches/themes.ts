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

/** Fiches rewritten per statement. */
const CHUNK = 500;

/** The codes free themes stand for, each once, in their order. */
const codesOf = (themes: readonly string[]) => [...new Set(themes.map(themeCodeOf).filter((code) => code !== null))];

/** Every fiche's themes as codes, and their published versions too; returns how many fiches changed. */
export async function convertFreeThemes(db: Db): Promise<number> {
  await convertPublishedThemes(db);
  const fiches = await db.ficheAction.findMany({
    where: { NOT: { themes: { isEmpty: true } } },
    select: { id: true, title: true, themes: true, contract: { select: { territoryId: true } } },
  });
  // Fiches with the same free themes get the same codes: one statement per such group and chunk.
  const groups = new Map<string, { before: string[]; codes: FicheTheme[]; fiches: typeof fiches }>();
  for (const fiche of fiches) {
    const key = JSON.stringify(fiche.themes);
    if (!groups.has(key))
      groups.set(key, {
        before: fiche.themes,
        codes: codesOf(fiche.themes),
        fiches: [],
      });
    groups.get(key)!.fiches.push(fiche);
  }
  let changed = 0;
  for (const { before, codes, fiches: members } of groups.values()) {
    if (JSON.stringify(codes) === JSON.stringify(before)) continue;
    for (let start = 0; start < members.length; start += CHUNK) {
      const chunk = members.slice(start, start + CHUNK);
      const ids = chunk.map((fiche) => fiche.id);
      await db.$transaction(
        async (tx) => {
          await tx.ficheAction.updateMany({ where: { id: { in: ids } }, data: { themes: codes } });
          const entries = chunk.map((fiche): AuditEntry => ({
            action: "fiche.themes.convert",
            entityType: "FicheAction",
            entityId: fiche.id,
            entityLabel: fiche.title,
            territoryId: fiche.contract.territoryId,
            before: { themes: before.join(" ; ") },
            after: { themes: codes.map(themeLabel).join(" ; ") },
          }));
          await recordAudits(tx, { actor: ANONYMOUS, ip: null }, entries);
        },
        { timeout: 120_000 },
      );
    }
    changed += members.length;
  }
  return changed;
}

/**
 * Each published version's themes as codes, from the themes it froze (a fiche edited since keeps
 * its unpublished themes off the public's version), and as labels where its pages show them.
 */
async function convertPublishedThemes(db: Db): Promise<void> {
  const published = await db.$queryRaw<Array<{ ficheId: string; themes: string[] }>>`
    SELECT "ficheId", ARRAY(SELECT jsonb_array_elements_text(content -> 'values' -> 'themes')) AS themes
    FROM "PublicFiche" WHERE jsonb_typeof(content -> 'values' -> 'themes') = 'array' AND jsonb_array_length(content -> 'values' -> 'themes') > 0`;
  const groups = new Map<string, { codes: FicheTheme[]; ids: string[] }>();
  for (const { ficheId, themes } of published) {
    const codes = codesOf(themes);
    if (JSON.stringify(codes) === JSON.stringify(themes)) continue;
    const key = JSON.stringify(themes);
    if (!groups.has(key)) groups.set(key, { codes, ids: [] });
    groups.get(key)!.ids.push(ficheId);
  }
  for (const { codes, ids } of groups.values()) {
    const shown = codes.map(themeLabel).join("\u00a0; ") || null;
    for (let start = 0; start < ids.length; start += CHUNK)
      await db.$executeRaw`
        UPDATE "PublicFiche"
        SET content = jsonb_set(jsonb_set(content, '{values,themes}', ${JSON.stringify(codes)}::jsonb), '{shown,themes}', to_jsonb(${shown}::text)),
            themes = ${codes}::text[]
        WHERE "ficheId" = ANY(${ids.slice(start, start + CHUNK)}::uuid[])`;
  }
}

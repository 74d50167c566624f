// Searching records by name as people type: every word must appear, whatever its accents and
// case ("cpam drome" finds "CPAM de la Drôme"), a typed % or _ standing for itself.
import { Prisma } from "./generated/client";

const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy";

/** The words of a search, folded as names are compared: no accents, lower case. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

/** A SQL condition: the `name` column holds every word (see searchWords). */
export function nameHoldsWords(words: readonly string[]): Prisma.Sql {
  return Prisma.join(
    words.map(
      (word) =>
        Prisma.sql`lower(translate(name, ${ACCENTED}, ${PLAIN})) LIKE ${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`}`,
    ),
    " AND ",
  );
}

/** The same test in memory: `text` holds every word (see searchWords). */
export function holdsWords(text: string, words: readonly string[]): boolean {
  if (!words.length) return true;
  const folded = searchWords(text).join(" ");
  return words.every((word) => folded.includes(word));
}

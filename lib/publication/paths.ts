// The public URL of a published fiche: /territoires/<slug>/cls-<generation>/fiches/<number>. A
// territory holds several generations of contracts and fiche numbers are unique per contract
// only, so the contract is named by its generation ("cls-2"). Read by the page and by the public
// page cache (lib/public-pages/cache.ts), which keys only what the page could answer.

/** The public page of a territory and its current published contract. */
export const publicTerritoryPath = (territorySlug: string) => `/territoires/${territorySlug}`;

/** A contract in a public URL: "cls-2" for the territory's second contract. */
export const contractKey = (generation: number) => `cls-${generation}`;

/** The generation a contract key names ("cls-2" → 2), or null when it could name none. */
export function readContractKey(key: string): number | null {
  const generation = /^cls-([1-9]\d{0,2})$/.exec(key)?.[1];
  return generation ? Number(generation) : null;
}

/** The public page of one of a territory's published contracts, by its generation. */
export const publicContractPath = (territorySlug: string, generation: number) =>
  `${publicTerritoryPath(territorySlug)}/${contractKey(generation)}`;

/** The public URL of a published fiche. */
export const publicFichePath = (territorySlug: string, generation: number, number: number) =>
  `${publicContractPath(territorySlug, generation)}/fiches/${number}`;

/** The generation and number a public fiche URL's segments name, or null when they could name none. */
export function readPublicFicheSegments(key: string, numberText: string): { generation: number; number: number } | null {
  const generation = readContractKey(key);
  if (!generation || !/^[1-9]\d{0,3}$/.test(numberText)) return null;
  return { generation, number: Number(numberText) };
}

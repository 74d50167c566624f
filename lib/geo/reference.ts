// The State's administrative reference (@etalab/decoupage-administratif): regions, départements,
// communes and EPCI with their member communes, loaded once per process and kept in memory
// (about 35,000 communes). Territories take their official codes from here, never from a form.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { TerritoryKind } from "@/lib/db/generated/enums";
import type { GeoEntryType } from "./values";

export { geoValue, parseGeoValue, type GeoEntryType } from "./values";

export type GeoRegion = { code: string; name: string };
export type GeoDepartment = { code: string; name: string; regionCode: string };

/** One place a territory can be: a commune, an EPCI or a département, with what a territory records of it. */
export type GeoEntry = {
  type: GeoEntryType;
  code: string;
  name: string;
  /** The territory kind it makes; a département makes none of its own (a pays, a PETR… lie in it). */
  kind: TerritoryKind | null;
  regionCode: string;
  departmentCodes: string[];
  communeCodes: string[];
  /** A commune's INSEE code. */
  inseeCode: string | null;
  /** An EPCI's SIREN (a commune's is not a territory's: its INSEE code names it). */
  siren: string | null;
};

type Reference = {
  regions: Map<string, GeoRegion>;
  departments: Map<string, GeoDepartment>;
  entries: Map<string, GeoEntry>;
  /** Entries in search order (départements, EPCI, then communes by population), each with its folded name. */
  searchable: Array<{ entry: GeoEntry; folded: string; population: number }>;
  /** Each current commune's postcodes (La Poste's, as the reference gives them). */
  postcodes: Map<string, string[]>;
};

const EPCI_KINDS: Record<string, TerritoryKind> = {
  CC: "communaute_communes",
  CA: "communaute_agglomeration",
  CU: "communaute_urbaine",
  METRO: "metropole",
  MET69: "metropole",
};

const regionSchema = z.array(z.object({ code: z.string(), nom: z.string(), zone: z.string() }));
const departmentSchema = z.array(z.object({ code: z.string(), nom: z.string(), region: z.string() }));
const communeSchema = z.array(
  z.object({
    code: z.string(),
    nom: z.string(),
    type: z.string(),
    departement: z.string().optional(),
    region: z.string().optional(),
    population: z.number().optional(),
    codesPostaux: z.array(z.string()).optional(),
  }),
);
const epciSchema = z.array(
  z.object({
    code: z.string(),
    nom: z.string(),
    type: z.string(),
    populationTotale: z.number().optional(),
    membres: z.array(z.object({ code: z.string() })),
  }),
);

/** Names and queries compared without accents, case or punctuation: "lens lievin" finds "CA de Lens - Liévin". */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const entryKey = (type: GeoEntryType, code: string) => `${type}:${code}`;

type Divisions = Pick<Reference, "regions" | "departments">;

let divisions: Divisions | null = null;
let cached: Reference | null = null;

/**
 * The package's data files, read directly: its index.js reads them relative to the working folder,
 * and a bundler turns `require.resolve` into a module id. The app, its scripts and tests run from
 * the project's folder, whose node_modules holds the package.
 */
function readData(file: string): unknown {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), "node_modules", "@etalab", "decoupage-administratif", "data", `${file}.json`), "utf8"),
  );
}

/** Regions and départements alone: small, read without the communes. */
function readDivisions(): Divisions {
  // The 18 regions (13 in mainland France, 5 overseas); the collectivités d'outre-mer have no ARS.
  const regions = new Map(
    regionSchema
      .parse(readData("regions"))
      .filter((region) => region.zone === "metro" || region.zone === "drom")
      .map((region) => [region.code, { code: region.code, name: region.nom }]),
  );
  const departments = new Map(
    departmentSchema
      .parse(readData("departements"))
      .filter((department) => regions.has(department.region))
      .map((department) => [department.code, { code: department.code, name: department.nom, regionCode: department.region }]),
  );
  return { regions, departments };
}

function geoDivisions(): Divisions {
  divisions ??= readDivisions();
  return divisions;
}

function readReference(): Reference {
  const { regions, departments } = geoDivisions();
  const read = readData;

  const entries = new Map<string, GeoEntry>();
  const searchable: Reference["searchable"] = [];
  const add = (entry: GeoEntry, population: number) => {
    entries.set(entryKey(entry.type, entry.code), entry);
    searchable.push({ entry, folded: foldName(entry.name), population });
  };

  for (const department of departments.values()) {
    add(
      {
        type: "departement",
        code: department.code,
        name: department.name,
        kind: null,
        regionCode: department.regionCode,
        departmentCodes: [department.code],
        communeCodes: [],
        inseeCode: null,
        siren: null,
      },
      Number.MAX_SAFE_INTEGER,
    );
  }

  const communes = new Map<string, { departmentCode: string; regionCode: string }>();
  const postcodes = new Map<string, string[]>();
  const communeEntries: Array<[GeoEntry, number]> = [];
  for (const commune of communeSchema.parse(read("communes"))) {
    // Current communes only (not former associated or delegated ones), in a region with an ARS.
    if (commune.type !== "commune-actuelle" || !commune.departement || !commune.region || !regions.has(commune.region)) continue;
    communes.set(commune.code, { departmentCode: commune.departement, regionCode: commune.region });
    postcodes.set(commune.code, commune.codesPostaux ?? []);
    communeEntries.push([
      {
        type: "commune",
        code: commune.code,
        name: commune.nom,
        kind: "commune",
        regionCode: commune.region,
        departmentCodes: [commune.departement],
        communeCodes: [commune.code],
        inseeCode: commune.code,
        siren: null,
      },
      commune.population ?? 0,
    ]);
  }

  const epciEntries: Array<[GeoEntry, number]> = [];
  for (const epci of epciSchema.parse(read("epci"))) {
    const members = epci.membres.map((member) => member.code).filter((code) => communes.has(code));
    const kind = EPCI_KINDS[epci.type];
    if (!members.length || !kind) continue;
    // Most EPCI lie in one département; those across several belong to the region of most of their communes.
    const byRegion = new Map<string, number>();
    for (const code of members) {
      const { regionCode } = communes.get(code)!;
      byRegion.set(regionCode, (byRegion.get(regionCode) ?? 0) + 1);
    }
    const regionCode = [...byRegion].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    epciEntries.push([
      {
        type: "epci",
        code: epci.code,
        name: epci.nom,
        kind,
        regionCode,
        departmentCodes: [...new Set(members.map((code) => communes.get(code)!.departmentCode))].sort(),
        communeCodes: [...members].sort(),
        inseeCode: null,
        siren: epci.code,
      },
      epci.populationTotale ?? 0,
    ]);
  }

  for (const list of [epciEntries, communeEntries]) {
    list.sort((a, b) => b[1] - a[1]);
    for (const [entry, population] of list) add(entry, population);
  }
  return { regions, departments, entries, searchable, postcodes };
}

function reference(): Reference {
  cached ??= readReference();
  return cached;
}

/** A region of the reference by its INSEE code ("84"), or null. */
export function findGeoRegion(code: string): GeoRegion | null {
  return geoDivisions().regions.get(code) ?? null;
}

/** The 18 regions with an ARS (13 in mainland France, 5 overseas), by code. */
export function listGeoRegions(): GeoRegion[] {
  return [...geoDivisions().regions.values()];
}

/** A département by its code ("26", "2A", "971"), or null. */
export function findGeoDepartment(code: string): GeoDepartment | null {
  return geoDivisions().departments.get(code) ?? null;
}

/** The départements of a region, by code. */
export function listRegionDepartments(regionCode: string): GeoDepartment[] {
  return [...geoDivisions().departments.values()].filter((department) => department.regionCode === regionCode);
}

/** Every département with an ARS region, by code. */
export function listGeoDepartments(): GeoDepartment[] {
  return [...geoDivisions().departments.values()];
}

/** A commune, EPCI or département by its code (INSEE code, SIREN, département code), or null. */
export function findGeoEntry(type: GeoEntryType, code: string): GeoEntry | null {
  return reference().entries.get(entryKey(type, code)) ?? null;
}

/** How a picker names an entry: its type and codes, so that two communes of one name are told apart. */
export function geoEntryLabel(entry: GeoEntry): string {
  switch (entry.type) {
    case "departement":
      return `${entry.name} (département ${entry.code})`;
    case "epci":
      return `${entry.name} (EPCI, SIREN ${entry.code}, ${entry.departmentCodes.join(", ")})`;
    case "commune":
      return `${entry.name} (commune, INSEE ${entry.code}, ${entry.departmentCodes[0]})`;
  }
}

/** What a search returns at most. */
export const GEO_SEARCH_LIMIT = 20;

/**
 * Entries whose code starts with what was typed, or whose name holds every word typed: exact
 * codes first, then names whose words start with the typed ones, then the other matches; each
 * group lists départements, then EPCI and communes by population. Bounded by `limit`.
 */
export function searchGeo(query: string, limit = GEO_SEARCH_LIMIT): GeoEntry[] {
  const folded = foldName(query);
  if (!folded) return [];
  const words = folded.split(" ");
  const code = query.trim().toUpperCase();
  const isCode = /^(\d|2[AB])[0-9]*$/.test(code);
  const groups: [GeoEntry[], GeoEntry[], GeoEntry[]] = [[], [], []];
  for (const { entry, folded: name } of reference().searchable) {
    if (isCode) {
      if (entry.code === code) groups[0].push(entry);
      else if (entry.code.startsWith(code) && groups[1].length < limit) groups[1].push(entry);
    } else if (words.every((word) => name.includes(word))) {
      const padded = ` ${name}`;
      const group = words.every((word) => padded.includes(` ${word}`)) ? groups[1] : groups[2];
      if (group.length < limit) group.push(entry);
    }
  }
  return groups.flat().slice(0, limit);
}

export type GeoCommune = { code: string; name: string; departmentCode: string; postcodes: string[] };

/** What a commune search returns at most. */
export const COMMUNE_SEARCH_LIMIT = 10;

/**
 * Current communes by postcode (five digits: every commune it serves) or by name (every word
 * typed, the name's words starting with them first), the most populated first. Bounded.
 */
export function searchCommunes(query: string, limit = COMMUNE_SEARCH_LIMIT): GeoCommune[] {
  const { searchable, postcodes } = reference();
  const postcode = query.trim();
  const byPostcode = /^\d{5}$/.test(postcode);
  const words = foldName(query).split(" ").filter(Boolean);
  if (!byPostcode && !words.length) return [];
  const [starting, containing]: [GeoEntry[], GeoEntry[]] = [[], []];
  for (const { entry, folded } of searchable) {
    if (entry.type !== "commune") continue;
    if (byPostcode) {
      if (postcodes.get(entry.code)?.includes(postcode)) starting.push(entry);
    } else if (words.every((word) => folded.includes(word))) {
      const padded = ` ${folded}`;
      (words.every((word) => padded.includes(` ${word}`)) ? starting : containing).push(entry);
    }
    if (starting.length >= limit) break;
  }
  return [...starting, ...containing].slice(0, limit).map((entry) => ({
    code: entry.code,
    name: entry.name,
    departmentCode: entry.departmentCodes[0],
    postcodes: postcodes.get(entry.code) ?? [],
  }));
}

/** What a territory records of its place in the reference. */
export function territoryCodes(entry: GeoEntry) {
  return {
    departmentCodes: entry.departmentCodes,
    communeCodes: entry.communeCodes,
    inseeCode: entry.inseeCode,
    siren: entry.siren,
  };
}

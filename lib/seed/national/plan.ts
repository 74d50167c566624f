// The shape of the synthetic national dataset (`npm run db:seed:national`): France's 18 regions
// and 101 départements, as the State's reference lists them, and how many territories,
// contracts, fiches… a platform for all of France plans for (issue 11). The words come from
// prisma/seed/national/vocabulary.json; lib/seed/national/load.ts turns the plan into rows.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { IndicatorDirection, IndicatorLevel, OrganisationKind } from "@/lib/db/generated/enums";
import { slugify } from "@/lib/text/slug";

export const NATIONAL_SIZES = {
  territories: 1500,
  /** Every sixth territory is on its second contract: 1,750 contracts in all. */
  renewalEvery: 6,
  /** Partner organisations per département (besides the 18 ARS): about 3,000 in all. */
  organisationsPerDepartment: 30,
  axesPerContract: 4,
  findingsPerContract: 6,
  /** PRS objectives of each region's list, numbered 1.1 to 4.6; a fiche names one. */
  prsObjectivesPerRegion: 24,
  /** Fiches of an ordinary contract: between 15 and 54 (about 34 on average, 60,000 in all). */
  fichesPerContract: { min: 15, spread: 40 },
  /** The contract measured at its worst: territory n° 1's current contract. */
  largestContractFiches: 120,
  objectivesPerFiche: 2,
  measurementsPerIndicator: 10,
  /** Notifications of every account, half of them read: the centre's page at its usual size. */
  notificationsPerUser: 40,
};

export type NationalSizes = typeof NATIONAL_SIZES;

/** Every synthetic account uses this address domain; the loader refuses a database with any other. */
export const NATIONAL_EMAIL_DOMAIN = "national.opencls.test";
/** Every synthetic account's password (the demo accounts' one: never use it outside a demonstration). */
export const NATIONAL_PASSWORD = "opencls-demo";
/** Every synthetic territory's slug starts so. */
export const NATIONAL_TERRITORY_PREFIX = "fictif-";

const vocabularySchema = z.object({
  note: z.string(),
  axes: z.array(z.string()).min(4),
  fiches: z.array(z.string()).min(1),
  objectives: z.array(z.string()).min(2),
  commitments: z.array(z.string()).min(1),
  indicators: z
    .array(
      z.object({
        name: z.string(),
        unit: z.string(),
        level: z.enum(IndicatorLevel),
        direction: z.enum(IndicatorDirection),
        baseline: z.number(),
        target: z.number(),
      }),
    )
    .min(1),
  findings: z.array(z.string()).min(NATIONAL_SIZES.findingsPerContract),
  organisationKinds: z.partialRecord(z.enum(OrganisationKind), z.string()),
});

export type NationalVocabulary = z.infer<typeof vocabularySchema>;

export type Department = { code: string; name: string; regionCode: string };
export type Region = { code: string; name: string; slug: string };

export type NationalPlan = {
  vocabulary: NationalVocabulary;
  regions: Region[];
  departments: Department[];
};

const referenceRegion = z.object({ code: z.string(), nom: z.string(), zone: z.string() });
const referenceDepartment = z.object({ code: z.string(), nom: z.string(), region: z.string() });

export async function readNationalPlan(seedDir = path.join(process.cwd(), "prisma", "seed", "national")): Promise<NationalPlan> {
  const vocabulary = vocabularySchema.parse(JSON.parse(await readFile(path.join(seedDir, "vocabulary.json"), "utf8")));
  // The package's index.js reads its files relative to the working folder: read them directly.
  const require = createRequire(import.meta.url);
  const reference = (file: string) => readFile(require.resolve(`@etalab/decoupage-administratif/data/${file}.json`), "utf8");
  // The 18 regions (13 in mainland France, 5 overseas); the collectivités d'outre-mer have no ARS.
  const regions = z
    .array(referenceRegion)
    .parse(JSON.parse(await reference("regions")))
    .filter((region) => region.zone === "metro" || region.zone === "drom")
    .map((region) => ({ code: region.code, name: region.nom, slug: slugify(region.nom) }));
  const regionCodes = new Set(regions.map((region) => region.code));
  const departments = z
    .array(referenceDepartment)
    .parse(JSON.parse(await reference("departements")))
    .filter((department) => regionCodes.has(department.region))
    .map((department) => ({ code: department.code, name: department.nom, regionCode: department.region }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { vocabulary, regions, departments };
}

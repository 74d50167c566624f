// Shape of the demo data files in prisma/seed/*.json (transcriptions of ../shared/seeds/).
import { z } from "zod";
import { ContractStatus, DatePrecision, DocumentKind, OrganisationKind, TerritoryKind, Visibility } from "@/lib/db/generated/enums";

const isoDate = z.iso.date();

const organisationRef = z.union([
  z.object({ ars: z.literal(true), role: z.string().optional() }),
  z.object({
    name: z.string().min(2),
    kind: z.enum(OrganisationKind),
    role: z.string().optional(),
  }),
]);

export const regionsFileSchema = z.object({
  regions: z.array(z.object({ slug: z.string(), inseeCode: z.string().regex(/^\d{2,3}$/), name: z.string(), ars: z.string() })),
});

export const contractFileSchema = z.object({
  source: z.string(),
  /** What the transcription took from outside the source text, or interpreted, and why. */
  notes: z.array(z.string()).min(1),
  territory: z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    kind: z.enum(TerritoryKind),
    region: z.string(),
    department: z.string().optional(),
    inseeCode: z
      .string()
      .regex(/^\d[\dAB]\d{3}$/)
      .optional(),
    siren: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
  }),
  contract: z.object({
    title: z.string(),
    generation: z.number().int().min(1),
    status: z.enum(ContractStatus),
    visibility: z.enum(Visibility),
    summary: z.string().optional(),
    councilAdoptedOn: isoDate.optional(),
    signedOn: isoDate.optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    durationMonths: z.number().int().positive().optional(),
    timeframeNote: z.string().optional(),
    diagnosisSource: z.string().optional(),
    diagnosisYear: z.number().int().optional(),
    diagnosisSummary: z.string().optional(),
    concertationSummary: z.string().optional(),
    declaredFicheCount: z.number().int().nonnegative().optional(),
    findings: z.array(z.string()),
    signatories: z.array(organisationRef),
    partners: z.array(organisationRef),
    axes: z.array(
      z.object({
        number: z.number().int().positive().nullable(),
        title: z.string(),
        description: z.string().optional(),
        isTransversal: z.boolean().optional(),
        fiches: z.array(z.object({ number: z.number().int().positive(), title: z.string() })),
      }),
    ),
    workingGroups: z.array(
      z.object({
        name: z.string(),
        meetings: z.array(z.object({ heldOn: isoDate, topic: z.string().optional(), minutes: z.boolean().optional() })),
      }),
    ),
    documents: z.array(
      z.object({
        kind: z.enum(DocumentKind),
        title: z.string(),
        issuedOn: isoDate.optional(),
        issuedPrecision: z.enum(DatePrecision).optional(),
      }),
    ),
  }),
});

export type RegionsFile = z.infer<typeof regionsFileSchema>;
export type ContractFile = z.infer<typeof contractFileSchema>;
export type OrganisationRef = z.infer<typeof organisationRef>;

// Shape of the demo data files in prisma/seed/*.json: the real contracts (transcriptions of
// ../shared/seeds/, citing their source) and the one fictional territory ("fictional": true),
// whose dates are offsets from the day the data is loaded so that it always has things due.
import { z } from "zod";
import {
  CollectionFrequency,
  ContractStatus,
  ContributionOutcome,
  DatePrecision,
  DocumentKind,
  EvaluationKind,
  IndicatorDirection,
  IndicatorLevel,
  MeetingKind,
  OrganisationKind,
  ProgressStatus,
  RealisationStatus,
  TerritoryKind,
  Visibility,
} from "@/lib/db/generated/enums";
import { CRITERIA } from "@/lib/assessments/labels";
import { GEO_VALUE_PATTERN } from "@/lib/geo/values";

const isoDate = z.iso.date();

/** A day counted from the load day: "today", "today-14m" (months), "today+10d" (days). */
export type DayOffset = { months: number; days: number };

const relativeDate = z
  .string()
  .regex(/^today(?:[+-]\d+[md])?$/, 'a date "YYYY-MM-DD" or "today", "today-14m", "today+10d"')
  .transform((text): DayOffset => {
    const [, sign, count, unit] = /^today(?:([+-])(\d+)([md]))?$/.exec(text)!;
    const offset = sign ? (sign === "-" ? -1 : 1) * Number(count) : 0;
    return { months: unit === "m" ? offset : 0, days: unit === "d" ? offset : 0 };
  });

/** A fictional file's day: a date, or an offset from the load day. */
const fictionalDate = z.union([isoDate, relativeDate]);

const organisationRef = z.union([
  z.object({ ars: z.literal(true), role: z.string().optional() }),
  z.object({
    name: z.string().min(2),
    kind: z.enum(OrganisationKind),
    role: z.string().optional(),
  }),
]);

const percent = z.number().int().min(0).max(100);
const text = z.string().min(1);
/** A web address (http, https): what public pages link to. */
const webAddress = z.url({ protocol: /^https?$/ }).max(500);
/** Euros, at most two decimals. */
const euros = z.number().nonnegative().multipleOf(0.01);

/** One of the contract's parties: the region's ARS, or an organisation among its signatories and partners, by name. */
const party = z.union([z.object({ ars: z.literal(true) }), z.string()]);
export type PartyRef = z.infer<typeof party>;
const partyKey = (ref: PartyRef) => (typeof ref === "string" ? ref : "ARS");

export const regionsFileSchema = z.object({
  regions: z.array(z.object({ slug: z.string(), inseeCode: z.string().regex(/^\d{2,3}$/), name: z.string(), ars: z.string() })),
});

/** A contract file whose days are read by `day` (dates only for real contracts). */
function contractFileOf<Day extends z.ZodType>(day: Day) {
  // A partner's commitment to an objective, with its report when the partner has made one.
  const commitment = z.object({
    /** Name of an organisation among the contract's signatories and partners. */
    organisation: z.string(),
    description: text,
    report: z
      .object({
        on: day,
        /** The demo account that reported, when one exists for the organisation. */
        by: z.email().optional(),
        status: z.enum(ProgressStatus),
        progress: percent,
        humanResources: text.optional(),
        financialAmount: z.number().nonnegative().optional(),
        financialDetails: text.optional(),
        inKindResources: text.optional(),
        comment: z.object({ text, on: day }).optional(),
      })
      .optional(),
  });

  const indicator = z.object({
    name: text,
    level: z.enum(IndicatorLevel),
    unit: text.optional(),
    direction: z.enum(IndicatorDirection).optional(),
    frequency: z.enum(CollectionFrequency),
    dataSource: text.optional(),
    baseline: z.object({ value: z.number(), on: day }).optional(),
    target: z.object({ value: z.number(), on: day }).optional(),
    measurements: z.array(z.object({ on: day, value: z.number() })).default([]),
  });

  // A fiche's number and title; what a source (or the fiction) says of its conduct is optional.
  const fiche = z.object({
    number: z.number().int().positive(),
    title: z.string(),
    generalObjective: text.optional(),
    description: text.optional(),
    targetPublic: text.optional(),
    pilot: z
      .object({
        /** Name of an organisation among the contract's signatories and partners. */
        organisation: z.string(),
        contactName: text.optional(),
        /** A demo account that pilots the fiche (its e-mail is the contact's). */
        account: z.email().optional(),
      })
      .optional(),
    startsOn: day.optional(),
    endsOn: day.optional(),
    status: z.enum(ProgressStatus).optional(),
    progress: percent.optional(),
    /** The contract's findings this fiche answers, by their place in its list (1 for the first). */
    findings: z.array(z.number().int().positive()).default([]),
    milestones: z.array(z.object({ title: text, dueOn: day, doneOn: day.optional() })).default([]),
    objectives: z
      .array(
        z.object({
          title: text,
          description: text.optional(),
          dueOn: day.optional(),
          status: z.enum(ProgressStatus).optional(),
          progress: percent.optional(),
          commitments: z.array(commitment).default([]),
        }),
      )
      .default([]),
    indicators: z.array(indicator).default([]),
    /** What the fiche's funders plan to give it over the contract. */
    budgetLines: z
      .array(z.object({ funder: party, fundingInstrument: text.optional(), amount: euros }))
      .default([])
      .refine((lines) => new Set(lines.map((line) => partyKey(line.funder))).size === lines.length, "one budget line per funder"),
  });

  return z.object({
    /** What the transcription took from outside the source text, or interpreted, and why; or what the fiction is. */
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
      /**
       * Its place in the State's administrative reference ("epci:246200364", "commune:26281",
       * "departement:16"): the loader records the official codes it reads there.
       */
      place: z.string().regex(GEO_VALUE_PATTERN).optional(),
    }),
    contract: z
      .object({
        title: z.string(),
        generation: z.number().int().min(1),
        status: z.enum(ContractStatus),
        visibility: z.enum(Visibility),
        summary: z.string().optional(),
        councilAdoptedOn: day.optional(),
        signedOn: day.optional(),
        startsOn: day.optional(),
        endsOn: day.optional(),
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
            fiches: z.array(fiche),
          }),
        ),
        workingGroups: z.array(
          z.object({
            name: z.string(),
            // A date, never an offset: the loader knows a meeting by its day.
            meetings: z.array(z.object({ heldOn: isoDate, topic: z.string().optional(), minutes: z.boolean().optional() })),
          }),
        ),
        documents: z.array(
          z.object({
            kind: z.enum(DocumentKind),
            title: z.string(),
            issuedOn: day.optional(),
            issuedPrecision: z.enum(DatePrecision).optional(),
            /** Where the document can be read, as its source gives it. */
            url: webAddress.optional(),
          }),
        ),
      })
      .superRefine((contract, context) => {
        // Fiches answer findings of the contract's own diagnosis.
        contract.axes.forEach((axis, a) =>
          axis.fiches.forEach((fiche, f) =>
            fiche.findings.forEach((position, p) => {
              if (position > contract.findings.length)
                context.addIssue({
                  code: "custom",
                  path: ["axes", a, "fiches", f, "findings", p],
                  message: `the contract has no finding ${position}`,
                });
            }),
          ),
        );
        // Fiches name their pilot and committed organisations among the contract's parties.
        const parties = new Set([...contract.signatories, ...contract.partners].flatMap((ref) => ("name" in ref ? [ref.name] : [])));
        contract.axes.forEach((axis, a) =>
          axis.fiches.forEach((fiche, f) => {
            const named = [
              ...(fiche.pilot ? [{ name: fiche.pilot.organisation, path: ["pilot", "organisation"] }] : []),
              ...fiche.budgetLines.flatMap((line, l) =>
                typeof line.funder === "string" ? [{ name: line.funder, path: ["budgetLines", l, "funder"] }] : [],
              ),
              ...fiche.objectives.flatMap((objective, o) =>
                objective.commitments.map((commitment, c) => ({
                  name: commitment.organisation,
                  path: ["objectives", o, "commitments", c, "organisation"],
                })),
              ),
            ];
            for (const { name, path } of named)
              if (!parties.has(name))
                context.addIssue({
                  code: "custom",
                  path: ["axes", a, "fiches", f, ...path],
                  message: `"${name}" is not among the contract's signatories and partners`,
                });
          }),
        );
      }),
  });
}

// ——— The fictional contract's evaluation life: its campaigns and its governance meetings ———
// Only the fictional file may hold them: the real contracts' sources state no evaluation.

const criterion = z.object({ rating: z.number().int().min(1).max(4).optional(), comment: text.optional() });

const assessment = z.object({
  fiche: z.number().int().positive(),
  /** When it was last written; the campaign's opening day when not given. */
  on: fictionalDate.optional(),
  realisationStatus: z.enum(RealisationStatus),
  achievementRate: percent,
  criteria: z.object(
    Object.fromEntries(CRITERIA.map((name) => [name, criterion.optional()])) as {
      [Name in (typeof CRITERIA)[number]]: z.ZodOptional<typeof criterion>;
    },
  ),
  difficulties: text.optional(),
  synthesis: text.optional(),
  recommendations: text.optional(),
  /** What was spent of the fiche's budget lines, named by funder, over the campaign's period. */
  spending: z.array(z.object({ funder: party, spent: euros })).default([]),
});

const contribution = z.object({
  /** The commitment: its fiche's number, its objective's position in the fiche (from 1), its organisation. */
  fiche: z.number().int().positive(),
  objective: z.number().int().positive(),
  organisation: z.string(),
  outcome: z.enum(ContributionOutcome),
  contribution: text,
  amountSpent: euros.optional(),
  reportedOn: fictionalDate,
  /** The demo account that reported, when one exists for the organisation. */
  by: z.email().optional(),
});

const campaign = z.object({
  kind: z.enum(EvaluationKind),
  periodStart: fictionalDate,
  periodEnd: fictionalDate,
  opensOn: fictionalDate,
  closesOn: fictionalDate,
  /** A closed campaign: the day and the demo account that closed it (its snapshot is taken when the data is loaded). */
  closed: z.object({ on: fictionalDate, by: z.email() }).optional(),
  synthesis: text.optional(),
  recommendations: text.optional(),
  assessments: z.array(assessment).default([]),
  contributions: z.array(contribution).default([]),
});

const governanceMeeting = z.object({
  kind: z.enum(MeetingKind).exclude(["working_group"]),
  heldOn: fictionalDate,
  /** Its key within the contract, with its kind: unique, so that loading again finds it whatever the day. */
  topic: z.string().min(1).max(200),
  residentCount: z.number().int().nonnegative().optional(),
  minutes: text,
  /** Where the public reads the minutes: they become a document of the contract, linked to the meeting. */
  minutesUrl: webAddress.optional(),
  decisions: text.optional(),
  attendances: z.array(z.object({ organisation: party, attendeeCount: z.number().int().positive() })).min(1),
});

/**
 * A signed amendment of the fictional contract (lib/amendments): the fiches it adds (absent from
 * the contract as signed) and closes, by number; its snapshots are taken when the data is loaded.
 */
const amendment = z.object({
  purpose: text,
  councilAdoptedOn: fictionalDate.optional(),
  deliberationReference: z.string().max(120).optional(),
  signedOn: fictionalDate,
  /** The demo account that recorded its signature. */
  by: z.email(),
  adds: z.array(z.number().int().positive()).default([]),
  changes: z.array(z.number().int().positive()).default([]),
  closes: z.array(z.number().int().positive()).default([]),
  /** Each signatory's signature (one per signatory of the contract), on the amendment's day unless said otherwise. */
  signatures: z
    .array(
      z.object({
        organisation: party,
        signerName: z.string().max(160).optional(),
        signerTitle: z.string().max(160).optional(),
        signedOn: fictionalDate.optional(),
        deliberationReference: z.string().max(120).optional(),
        deliberationDate: fictionalDate.optional(),
      }),
    )
    .default([]),
});

const fictionalContractFile = contractFileOf(fictionalDate).extend({
  fictional: z.literal(true),
  campaigns: z.array(campaign).default([]),
  meetings: z.array(governanceMeeting).default([]),
  amendments: z.array(amendment).default([]),
});

/** Campaigns, meetings and amendments name fiches, commitments, budget lines and parties that the file holds. */
function checkEvaluationReferences(file: z.infer<typeof fictionalContractFile>, context: z.RefinementCtx) {
  const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: "custom", path, message });
  const fiches = new Map(file.contract.axes.flatMap((axis) => axis.fiches.map((fiche) => [fiche.number, fiche] as const)));
  const parties = new Set(
    [...file.contract.signatories, ...file.contract.partners].map((ref) => ("name" in ref ? ref.name : partyKey({ ars: true }))),
  );
  const kinds = file.campaigns.map((held) => held.kind);
  if (new Set(kinds).size !== kinds.length) issue(["campaigns"], "one campaign per kind");
  if (file.campaigns.filter((held) => !held.closed).length > 1) issue(["campaigns"], "at most one open campaign");
  file.campaigns.forEach((held, c) => {
    held.assessments.forEach((assessed, a) => {
      const fiche = fiches.get(assessed.fiche);
      if (!fiche) return issue(["campaigns", c, "assessments", a, "fiche"], `no fiche n°${assessed.fiche}`);
      const funders = new Set(fiche.budgetLines.map((line) => partyKey(line.funder)));
      assessed.spending.forEach((spent, s) => {
        if (!funders.has(partyKey(spent.funder)))
          issue(["campaigns", c, "assessments", a, "spending", s, "funder"], "no budget line of the fiche has this funder");
      });
    });
    if (new Set(held.assessments.map((assessed) => assessed.fiche)).size !== held.assessments.length)
      issue(["campaigns", c, "assessments"], "one assessment per fiche");
    held.contributions.forEach((given, g) => {
      const objective = fiches.get(given.fiche)?.objectives[given.objective - 1];
      if (!objective?.commitments.some((commitment) => commitment.organisation === given.organisation))
        issue(["campaigns", c, "contributions", g], "no such commitment (fiche, objective, organisation)");
    });
  });
  const signatories = new Set(file.contract.signatories.map((ref) => ("name" in ref ? ref.name : partyKey({ ars: true }))));
  file.amendments.forEach((signed, n) => {
    [...signed.adds, ...signed.changes, ...signed.closes].forEach((number) => {
      if (!fiches.has(number)) issue(["amendments", n], `no fiche n°${number}`);
    });
    const signers = signed.signatures.map((signature) => partyKey(signature.organisation));
    if (new Set(signers).size !== signers.length) issue(["amendments", n, "signatures"], "one signature per signatory");
    signers.forEach((signer, g) => {
      if (!signatories.has(signer)) issue(["amendments", n, "signatures", g, "organisation"], "not among the contract's signatories");
    });
  });
  const topics = file.meetings.map((meeting) => `${meeting.kind}|${meeting.topic}`);
  if (new Set(topics).size !== topics.length) issue(["meetings"], "a meeting's kind and topic are unique");
  file.meetings.forEach((meeting, m) =>
    meeting.attendances.forEach((attendance, a) => {
      if (!parties.has(partyKey(attendance.organisation)))
        issue(["meetings", m, "attendances", a, "organisation"], "not among the contract's signatories and partners");
    }),
  );
}

export const contractFileSchema = z.discriminatedUnion("fictional", [
  contractFileOf(isoDate).extend({
    fictional: z.literal(false).optional(),
    /** The public text transcribed. */
    source: z.string().regex(/^shared\/seeds\/\d{3}_[0-9a-f]{16}\.txt$/),
    // A source states no evaluation: nothing is invented on a real contract.
    campaigns: z.never().optional(),
    meetings: z.never().optional(),
    amendments: z.never().optional(),
  }),
  fictionalContractFile.superRefine(checkEvaluationReferences),
]);

export type RegionsFile = z.infer<typeof regionsFileSchema>;
export type ContractFile = z.infer<typeof contractFileSchema>;
export type OrganisationRef = z.infer<typeof organisationRef>;
export type FictionalContractFile = Extract<ContractFile, { fictional: true }>;
/** A day as a contract file gives it: a date, or (fictional files) an offset from the load day. */
export type SeedDay = string | DayOffset;

// A partner's contribution to an evaluation campaign, for one of its organisation's commitments:
// whether the commitment was kept over the period, what the organisation brought, what it spent.
// Declared once for the form, the server and history.
import { z } from "zod";
import { defineCatalogue, entriesOf, rulesOf } from "@/lib/catalogue";
import { ContributionOutcome } from "@/lib/db/generated/enums";
import { formatEuros } from "@/lib/format";
import { optionalDecimalField, optionalText, uuidField, versionField } from "@/lib/validation/fields";
import { CONTRIBUTION_OUTCOME_LABELS } from "./labels";

export type ContributionRecord = {
  outcome: ContributionOutcome | null;
  contribution: string | null;
  amountSpent: { toString(): string } | null;
};

const entry = entriesOf<ContributionRecord>();
const reported = { publicPage: false, confidential: false } as const;

export const CONTRIBUTION_FIELDS = defineCatalogue<ContributionRecord>()({
  // Written out: the column may hold none (a contribution not yet judged), which history shows as nothing.
  outcome: {
    label: "Engagement tenu\u00a0?",
    rule: z.enum(ContributionOutcome, { error: "Indiquez si l’engagement a été tenu." }),
    scalar: true,
    input: { kind: "select", options: CONTRIBUTION_OUTCOME_LABELS, placeholder: "Choisissez…" },
    history: { key: "outcome", value: (row) => (row.outcome ? CONTRIBUTION_OUTCOME_LABELS[row.outcome] : null) },
    xlsx: [{ header: "Engagement tenu", value: (row) => (row.outcome ? CONTRIBUTION_OUTCOME_LABELS[row.outcome] : null) }],
    api: "outcome",
    ...reported,
  },
  contribution: entry.text("contribution", optionalText(5000, { multiline: true }), {
    label: "Ce que votre organisation a apporté sur la période",
    header: "Contribution",
    api: "contribution",
    input: { kind: "textarea", rows: 5, hint: "Actions menées, publics touchés, moyens mis à disposition, difficultés rencontrées." },
    ...reported,
  }),
  amountSpent: {
    label: "Montant dépensé (€)",
    rule: optionalDecimalField("CommitmentContribution.amountSpent", { kind: "amount" }),
    scalar: true,
    input: { kind: "decimal", hint: "Sur la période évaluée, en euros, par exemple 12\u00a0500,50." },
    history: { key: "amountSpent", value: (row) => (row.amountSpent === null ? null : formatEuros(row.amountSpent)) },
    xlsx: [{ header: "Montant dépensé (€)", value: (row) => (row.amountSpent === null ? null : Number(row.amountSpent)) }],
    api: "amount_spent",
    ...reported,
  },
});

/** The contribution as the form sends it; version 0 while the partner has not contributed yet (no row). */
export const saveContributionSchema = z.object({
  campaignId: uuidField("Campagne introuvable."),
  commitmentId: uuidField("Engagement introuvable."),
  version: z.union([z.literal(["0", 0]).transform(() => 0), versionField]),
  ...rulesOf(CONTRIBUTION_FIELDS),
});

export type SaveContributionInput = z.infer<typeof saveContributionSchema>;

// The contract as of a signed amendment, as a document the report renderers lay out (lib/reports:
// PDF, Excel): read from the amendment's snapshot alone, by walking the field catalogues' history
// values, so that it says what the contract was that day whatever changed since. With it, the
// amendments signed up to that one, each one's differences, and who signed it.
import { historyLabels } from "@/lib/catalogue";
import { axisLabel, ficheLabel, generationLabel } from "@/lib/contracts/labels";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { formatCount, formatDate } from "@/lib/format";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import type { Block, Cell, Column, EvaluationReport, Fact, ReportSection, Table } from "@/lib/reports/model";
import type { ContractDiff } from "./diff";
import { amendmentLabel, signatureSigner } from "./labels";
import type { AmendedContract } from "./queries";
import type { AmendmentSignatureView } from "./selects";

const col = (header: string, width: number, { long = false, inHeading = false, kind = "text" as Column["kind"] } = {}): Column => ({
  header,
  kind,
  width,
  long,
  inHeading,
});
const cell = (value: unknown): Cell => (value === null || value === undefined || value === "" ? null : (value as string | number));
const ficheName = (fiche: { number: number; title: string }) => `${ficheLabel(fiche.number)} «\u00a0${fiche.title}\u00a0»`;
const names = (fiches: ReadonlyArray<{ number: number; title: string }>) => fiches.map(ficheName).join("\n") || null;

/** « CPAM de la Drôme — Camille Martin, directrice, le 3 mars 2026 », one line per signature. */
const signers = (signatures: readonly AmendmentSignatureView[]) =>
  signatures.map((signature) => `${signatureSigner(signature)}, le ${formatDate(signature.signedOn)}`).join("\n") ||
  "Signataires non enregistrés";

/** Fields whose value prints as a paragraph rather than a fact. */
const paragraphs = (catalogue: typeof CONTRACT_FIELDS | typeof FICHE_FIELDS) =>
  new Set(Object.values(catalogue).flatMap((field) => (field.pdf?.kind === "paragraph" && field.history ? [field.history.key] : [])));

/** A diff's changes as table rows: the contract's, then each fiche's. */
export function diffRows(diff: ContractDiff): Cell[][] {
  return [
    ...diff.contract.map((change) => ["Le contrat", change.label, cell(change.before), cell(change.after)]),
    ...diff.added.map((fiche) => [ficheName(fiche), "Fiche ajoutée", null, fiche.title]),
    ...diff.changed.flatMap((fiche) =>
      fiche.changes.map((change) => [ficheName(fiche), change.label, cell(change.before), cell(change.after)]),
    ),
    ...diff.closed.map((fiche) => [
      ficheName(fiche),
      "Fiche close",
      null,
      fiche.closedOn ? `Close le ${formatDate(new Date(fiche.closedOn))}` : "Close",
    ]),
    ...diff.removed.map((fiche) => [ficheName(fiche), "Fiche retirée (corbeille)", fiche.title, null]),
  ];
}

export function buildAmendedContractDocument({ contract, amendment, amendments, content }: AmendedContract): EvaluationReport {
  const title = String(content.contract.values.title ?? contract.title);
  const status = `Tel que modifié par l’${amendmentLabel(amendment.number).toLowerCase()}, signé le ${formatDate(amendment.signedOn!)} — instantané n°\u00a0${amendment.snapshot!.version}`;
  const contractLabels = historyLabels(CONTRACT_FIELDS);
  const contractParagraphs = paragraphs(CONTRACT_FIELDS);
  const contractFacts: Fact[] = [];
  const contractTexts: Block[] = [];
  for (const [key, label] of Object.entries(contractLabels)) {
    const value = content.contract.shown[key];
    if (value === null || value === undefined || value === "") continue;
    if (contractParagraphs.has(key)) contractTexts.push({ kind: "paragraph", label, text: String(value) });
    else contractFacts.push({ label, kind: "text", value: String(value) });
  }

  const axes = new Map(content.axes.map((axis) => [axis.id, axis]));
  const ficheLabels = Object.entries(historyLabels(FICHE_FIELDS));
  const ficheParagraphs = paragraphs(FICHE_FIELDS);
  const fiches = {
    name: "Fiches actions",
    key: col("Fiche n°", 8, { kind: "integer" }),
    columns: [
      col("Fiche n°", 8, { kind: "integer", inHeading: true }),
      col("Axe", 24),
      col("Close le", 12, { kind: "date" }),
      ...ficheLabels.map(([key, label]) => col(label, ficheParagraphs.has(key) ? 50 : 20, { long: ficheParagraphs.has(key) })),
    ],
    items: content.fiches.map((fiche) => {
      const axis = axes.get(fiche.axisId);
      const number = Number(fiche.values.number);
      return {
        key: number,
        heading: `${ficheLabel(number)} – ${String(fiche.values.title ?? "")}${fiche.closedOn ? " (close)" : ""}`,
        values: [
          number,
          axis ? `${axisLabel(axis)} – ${axis.title}` : null,
          fiche.closedOn ? new Date(`${fiche.closedOn}T00:00:00Z`) : null,
          ...ficheLabels.map(([key]) => cell(fiche.shown[key])),
        ],
        tables: [] as Table[],
      };
    }),
  };

  const indicatorLabels = Object.entries(historyLabels(INDICATOR_FIELDS));
  const indicators: Table = {
    caption: "Indicateurs",
    columns: [col("Fiche n°", 8, { kind: "integer" }), ...indicatorLabels.map(([, label]) => col(label, 18))],
    rows: content.fiches.flatMap((fiche) =>
      fiche.indicators.map((indicator) => [Number(fiche.values.number), ...indicatorLabels.map(([key]) => cell(indicator.shown[key]))]),
    ),
  };

  const history: Table = {
    caption: "Avenants signés",
    columns: [
      col("Avenant n°", 10, { kind: "integer" }),
      col("Signé le", 12, { kind: "date" }),
      col("Objet", 50, { long: true }),
      col("Fiches ajoutées", 30),
      col("Fiches modifiées", 30),
      col("Fiches closes", 30),
      col("Signataires", 40, { long: true }),
    ],
    rows: amendments.map((signed) => [
      signed.number,
      signed.signedOn,
      signed.purpose,
      names(signed.diff.added),
      names(signed.diff.changed),
      names(signed.diff.closed),
      signers(signed.signatures),
    ]),
  };
  const signatures: Table = {
    caption: `Signatures de l’${amendmentLabel(amendment.number).toLowerCase()}`,
    columns: [
      col("Signataire", 30),
      col("Personne signataire", 24),
      col("Qualité", 24),
      col("Signé le", 12, { kind: "date" }),
      col("Délibération", 20),
      col("Date de la délibération", 12, { kind: "date" }),
    ],
    rows: amendment.signatures.map((signature) => [
      signature.organisation.name,
      cell(signature.signerName),
      cell(signature.signerTitle),
      signature.signedOn,
      cell(signature.deliberationReference),
      signature.deliberationDate,
    ]),
  };
  const changes: Table = {
    caption: `Différences de l’${amendmentLabel(amendment.number).toLowerCase()}`,
    columns: [col("Élément", 30), col("Champ", 24), col("Avant", 40, { long: true }), col("Après", 40, { long: true })],
    rows: diffRows(amendment.diff),
  };

  const section = (key: string, sectionTitle: string, blocks: Block[]): ReportSection => ({ key, title: sectionTitle, blocks });
  return {
    fileName: `cls-${contract.territory.slug}-${contract.generation}-avenant-${amendment.number}`,
    title: `${title} – ${amendmentLabel(amendment.number)}`,
    cover: {
      kicker: "Contrat local de santé",
      title,
      subtitle: contract.territory.name,
      status,
      facts: [
        { label: "Territoire", kind: "text", value: contract.territory.name },
        { label: "Contrat", kind: "text", value: generationLabel(contract.generation) },
        { label: "État", kind: "text", value: status },
        { label: "Avenants signés", kind: "integer", value: amendments.length },
        {
          label: "Fiches actions",
          kind: "text",
          value: `${formatCount(content.fiches.length, "fiche action", "fiches actions")}, dont ${formatCount(
            content.fiches.filter((fiche) => fiche.closedOn).length,
            "close",
            "closes",
          )}`,
        },
      ],
    },
    sections: [
      section("contract", "Le contrat", [{ kind: "facts", facts: contractFacts }, ...contractTexts]),
      section("amendments", "Avenants", [
        { kind: "table", table: history },
        { kind: "paragraph", label: "Objet de l’avenant", text: amendment.purpose },
        // An amendment signed before signatures were recorded one by one has none to list.
        ...(amendment.signatures.length ? [{ kind: "table" as const, table: signatures }] : []),
        { kind: "table", table: changes },
      ]),
      section("fiches", "Fiches actions", [{ kind: "records", records: fiches }]),
      section("indicators", "Indicateurs", [{ kind: "table", table: indicators }]),
    ],
    footer: `${title} · ${amendmentLabel(amendment.number)}`,
  };
}

// The contract as a printable PDF document (pdfkit): its facts, diagnosis findings and
// signatories, then each axis with its fiches, objectives, commitments and indicators.
// The standard Helvetica fonts encode WinAnsi: French letters, guillemets, typographic
// apostrophe and the euro sign are in it; the narrow no-break space is not and becomes a
// no-break space.
import PDFDocument from "pdfkit";
import { documentEntries } from "@/lib/catalogue";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { formatDate, formatNumber } from "@/lib/format";
import { judgementLabel } from "@/lib/indicators/labels";
import { judgementOf } from "@/lib/indicators/trajectory";
import type { ContractExport } from "./export-query";
import { axisLabel, ficheLabel } from "./labels";
import { axisProgress, contractProgress } from "./progress";
import { CONTRACT_FIELDS } from "./schema";

const MARGIN = 56;
const BRAND = "#145866";
const MUTED = "#475569";

const winAnsi = (text: string) => text.replace(/\u202f/g, "\u00a0");

export async function contractPdf(contract: ContractExport, { compress = true } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress,
    info: { Title: contract.title, Author: contract.territory.name, Creator: "OpenCLS" },
    lang: "fr-FR",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(value), options);
  const heading = (value: string, size: number) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor(BRAND);
    text(value);
    doc.font("Helvetica").fontSize(10).fillColor("black").moveDown(0.3);
  };
  const fact = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED);
    text(`${label}\u00a0: `, { continued: true });
    doc.font("Helvetica").fillColor("black");
    text(value);
  };
  const paragraph = (label: string, value: string | null) => {
    if (!value) return;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED);
    text(label);
    doc.font("Helvetica").fillColor("black");
    text(value, { align: "left" });
    doc.moveDown(0.3);
  };
  const percent = (value: number | null) => (value === null ? "—" : `${formatNumber(value)}\u00a0%`);

  // Title block.
  doc.font("Helvetica").fontSize(10).fillColor(MUTED);
  text(`${contract.territory.name} · Région ${contract.territory.region.name}`);
  doc.moveDown(0.3).font("Helvetica-Bold").fontSize(20).fillColor("black");
  text(contract.title);
  doc.moveDown(0.5).font("Helvetica").fontSize(10);
  const contractEntries = documentEntries(CONTRACT_FIELDS, contract);
  for (const entry of contractEntries.facts) fact(entry.label, entry.value);
  fact("Avancement", percent(contractProgress(contract.axes)));
  for (const entry of contractEntries.paragraphs) paragraph(entry.label, entry.value);

  if (contract.findings.length || contract.diagnosisSource) {
    heading("Diagnostic local de santé", 14);
    fact("Source", [contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ") || null);
    contract.findings.forEach((finding, index) => text(`${index + 1}. ${finding.text}`, { indent: 10 }));
  }

  if (contract.signatories.length || contract.partners.length) {
    heading("Signataires et partenaires", 14);
    for (const signatory of contract.signatories) {
      text(
        `• ${signatory.organisation.name}${signatory.signedOn ? `, signé le ${formatDate(signatory.signedOn)}` : ""}${signatory.deliberationReference ? ` (délibération ${signatory.deliberationReference})` : ""}`,
        { indent: 10 },
      );
    }
    for (const partner of contract.partners)
      text(`• ${partner.organisation.name}${partner.role ? `\u00a0: ${partner.role}` : ""} (partenaire)`, { indent: 10 });
  }

  for (const axis of contract.axes) {
    heading(`${axisLabel(axis)} – ${axis.title}`, 15);
    fact("Avancement de l’axe", percent(axisProgress(axis)));
    if (axis.description) text(axis.description);
    for (const fiche of axis.fiches) {
      heading(`${ficheLabel(fiche.number)} – ${fiche.title}`, 12);
      // Every field of the catalogue, in the form's order: short ones as facts, then texts as paragraphs.
      const ficheEntries = documentEntries(FICHE_FIELDS, fiche);
      for (const entry of ficheEntries.facts) fact(entry.label, entry.value);
      doc.moveDown(0.3);
      for (const entry of ficheEntries.paragraphs) paragraph(entry.label, entry.value);
      if (fiche.objectives.length) {
        doc.font("Helvetica-Bold").fillColor(MUTED);
        text("Objectifs opérationnels");
        doc.font("Helvetica").fillColor("black");
        fiche.objectives.forEach((objective, index) => {
          text(
            `${index + 1}. ${objective.title} – ${PROGRESS_STATUS_LABELS[objective.status]}, ${percent(objective.progress)}${objective.dueOn ? `, échéance ${formatDate(objective.dueOn)}` : ""}`,
            { indent: 10 },
          );
          for (const commitment of objective.commitments)
            text(`${commitment.organisation.name}\u00a0: ${commitment.description}`, { indent: 24 });
        });
        doc.moveDown(0.3);
      }
      if (fiche.indicators.length) {
        doc.font("Helvetica-Bold").fillColor(MUTED);
        text("Indicateurs");
        doc.font("Helvetica").fillColor("black");
        for (const indicator of fiche.indicators) {
          const latest = indicator.measurements[0];
          const value = (decimal: { toString(): string } | null | undefined) =>
            decimal === null || decimal === undefined ? null : Number(decimal.toString());
          const [baseline, target] = [value(indicator.baselineValue), value(indicator.targetValue)];
          const shown = (number: number | null) =>
            number === null ? "—" : `${formatNumber(number)}${indicator.unit ? `\u00a0${indicator.unit}` : ""}`;
          text(
            `• ${indicator.name}\u00a0: départ ${shown(baseline)}, dernière valeur ${shown(value(latest?.value))}${latest ? ` (${formatDate(latest.measuredOn)})` : ""}, cible ${shown(target)} – ${judgementLabel(judgementOf(indicator, new Date()))}`,
            { indent: 10 },
          );
        }
      }
    }
  }

  // Footer on every page: the contract and the page number.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(winAnsi(`${contract.title} · page ${index + 1} sur ${range.count}`), MARGIN, doc.page.height - 36, {
      width: doc.page.width - 2 * MARGIN,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

// French labels of an evaluation report's own: its sections. What it shows of assessments,
// meetings and contributions takes its labels from their concepts.
/** The report's sections, in order: headings of the documents and names of the workbook's sheets (31 characters at most). */
export const REPORT_SECTION_TITLES = {
  synthesis: "Synthèse",
  axes: "Avancement par axe",
  fiches: "Fiche par fiche",
  indicators: "Indicateurs",
  budget: "Budget par financeur",
  governance: "Gouvernance",
  recommendations: "Recommandations",
} as const;

export type ReportSectionKey = keyof typeof REPORT_SECTION_TITLES;

// Where a campaign's pages are, for links built outside them (the contract page, "Mes fiches", e-mails).
export const campaignPath = (campaign: { territorySlug: string; contractId: string; campaignId: string }) =>
  `/espace/${campaign.territorySlug}/contrats/${campaign.contractId}/evaluations/${campaign.campaignId}`;

/** A fiche's assessment in a campaign: its form while the campaign is open and the reader may edit the fiche, its read-only view otherwise. */
export const assessmentPath = (assessment: Parameters<typeof campaignPath>[0] & { ficheId: string }) =>
  `${campaignPath(assessment)}/fiches/${assessment.ficheId}`;

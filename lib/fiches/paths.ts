// Where a fiche's pages are, for links built outside the workspace's pages (e-mails, notifications, "Mes fiches").
export const fichePath = (fiche: { territorySlug: string; contractId: string; ficheId: string }) =>
  `/espace/${fiche.territorySlug}/contrats/${fiche.contractId}/fiches/${fiche.ficheId}`;

export const ficheIndicatorsPath = (fiche: Parameters<typeof fichePath>[0]) => `${fichePath(fiche)}/indicateurs`;

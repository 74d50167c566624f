// What a notification can be about: one entry per kind, with the French words the centre and the
// e-mails use. A feature that posts notifications (reviews, evaluations) adds its kind here.
export const NOTIFICATION_KINDS = {
  measurement_due: { label: "Mesure à saisir", section: "Mesures d’indicateurs à saisir", dateLabel: "échéance le" },
  milestone_due: { label: "Jalon arrivé à échéance", section: "Jalons arrivés à échéance", dateLabel: "échéance le" },
  assessment_due: {
    label: "Bilan à renseigner",
    section: "Bilans de fiches à renseigner pour l’évaluation",
    dateLabel: "campagne ouverte le",
  },
  campaign_opened: {
    label: "Campagne d’évaluation ouverte",
    section: "Campagnes d’évaluation ouvertes",
    dateLabel: "clôture prévue le",
  },
  access_requested: {
    label: "Demande d’accès partenaire à confirmer",
    section: "Demandes d’accès partenaire à confirmer",
    dateLabel: "le",
  },
  commitment_overdue: {
    label: "Engagement à faire le point",
    section: "Engagements dont la fiche est terminée",
    dateLabel: "fiche terminée le",
  },
  review_comment: { label: "Commentaire de l’ARS", section: "Commentaires de l’ARS à traiter", dateLabel: "le" },
  review_answer: { label: "Réponse du territoire", section: "Réponses des territoires à vos commentaires", dateLabel: "le" },
  review_resolved: { label: "Discussion résolue", section: "Discussions de revue résolues", dateLabel: "le" },
  review_reopened: { label: "Discussion rouverte par l’ARS", section: "Discussions de revue rouvertes", dateLabel: "le" },
  review_submitted: { label: "Document soumis à l’avis de l’ARS", section: "Documents soumis à votre avis", dateLabel: "le" },
  review_changes_requested: {
    label: "Modifications demandées par l’ARS",
    section: "Modifications demandées par l’ARS",
    dateLabel: "le",
  },
  review_favourable: { label: "Avis favorable de l’ARS", section: "Avis favorables de l’ARS", dateLabel: "le" },
} as const satisfies Record<string, NotificationKindWords>;

type NotificationKindWords = { label: string; section: string; dateLabel: string };

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** A stored kind this version does not know (a newer instance wrote it) still reads as something. */
export function notificationKindOf(kind: string): NotificationKindWords {
  return Object.hasOwn(NOTIFICATION_KINDS, kind)
    ? NOTIFICATION_KINDS[kind as NotificationKind]
    : { label: "Notification", section: "Autres notifications", dateLabel: "le" };
}

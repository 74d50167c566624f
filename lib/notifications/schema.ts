// Inputs of the notification centre and of the e-mail preferences, shared by forms and actions.
import { z } from "zod";
import { checkbox, uuidField, versionField } from "@/lib/validation/fields";

export const markNotificationReadSchema = z.object({ notificationId: uuidField("Notification introuvable.") });

/** Everything unread of the user named, who must be the signed-in one (authorization checks it). */
export const markAllNotificationsReadSchema = z.object({ userId: uuidField("Compte introuvable.") });

export const MAIL_PREFERENCE_LABELS = {
  dailyReminders: {
    label: "Le récapitulatif quotidien des notifications",
    hint: "Un e-mail le matin, seulement les jours où vous avez de nouvelles notifications\u00a0: une mesure, un jalon, un bilan ou un engagement arrivé à échéance, une demande d’accès à confirmer.",
  },
  weeklyDigest: {
    label: "La synthèse hebdomadaire",
    hint: "Un e-mail le lundi\u00a0: vos fiches, vos engagements et vos notifications non lues.",
  },
} as const;

export const updateMailPreferencesSchema = z.object({
  userId: uuidField("Compte introuvable."),
  /** 0 while the user has never saved preferences (no row yet). */
  version: z.union([z.literal(["0", 0]).transform(() => 0), versionField]),
  dailyReminders: checkbox,
  weeklyDigest: checkbox,
});

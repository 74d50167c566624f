"use server";

import { serverAction } from "@/lib/actions/server";
import { markAllNotificationsRead, markNotificationRead, updateMailPreferences } from "@/lib/notifications/mutations";

export const markNotificationReadAction = serverAction(markNotificationRead);
export const markAllNotificationsReadAction = serverAction(markAllNotificationsRead);
export const updateMailPreferencesAction = serverAction(updateMailPreferences);

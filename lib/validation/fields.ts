// zod building blocks for form inputs, with French messages. Forms send strings: empty
// optional fields become null, dates arrive as "YYYY-MM-DD" and are kept as UTC midnight,
// like PostgreSQL DATE columns.
import { z } from "zod";

export const uuidField = (message: string) => z.uuid({ error: message });

export const versionField = z.coerce.number({ error: "Version manquante\u00a0: rechargez la page." }).int().min(1);

/** An optional id from a <select>: "" means none. */
export const optionalId = z
  .string()
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.uuid({ error: "Choix invalide." }).optional());

export const requiredText = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `${max} caractères au plus.`);

export const optionalText = (max = 20_000) =>
  z
    .string()
    .trim()
    .max(max, `${max.toLocaleString("fr-FR")} caractères au plus.`)
    .optional()
    .transform((value) => value || null);

export const optionalDate = z
  .string()
  .optional()
  .transform((value) => value?.trim() || null)
  .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), "Saisissez une date valide, par exemple 15/03/2026.")
  .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null));

/** An optional whole number between min and max, typed as text. */
export const optionalInteger = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || (/^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max), message)
    .transform((value) => (value === null ? null : Number(value)));

/** A checkbox: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A value for an <input type="date">: "YYYY-MM-DD", or "" for none. */
export const dateInputValue = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");

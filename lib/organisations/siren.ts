// SIREN (9 digits) and SIRET (14 digits) carry a Luhn check digit; La Poste's SIRETs are the
// documented exception (SIREN 356000000, digit sum divisible by 5).
const LA_POSTE_SIREN = "356000000";

export function isValidLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && isValidLuhn(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  return isValidLuhn(value);
}

/** Spaces are how people write them: "263 800 013" is accepted and stored as "263800013". */
export const compactDigits = (value: string) => value.replace(/[\s\u00a0.]/g, "");

/** As people read them: "130 025 265", "130 025 265 00013" (no-break spaces, never split). */
export function formatSiren(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1\u00a0$2\u00a0$3");
}

export function formatSiret(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");
}

// French messages of the sign-in page, by next-auth error code.
import { SIGN_IN_LIMIT } from "./rate-limit";

/** Thrown by the credentials provider; next-auth passes it on as /connexion?error=rate_limited. */
export const RATE_LIMITED_ERROR = "rate_limited";

export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Adresse e-mail ou mot de passe incorrect.",
  [RATE_LIMITED_ERROR]: `Trop de tentatives de connexion. Pour votre sécurité, réessayez dans ${SIGN_IN_LIMIT.windowMinutes} minutes.`,
  SessionRequired: "Connectez-vous pour accéder à cette page.",
};

export const GENERIC_SIGN_IN_ERROR = "La connexion n’a pas abouti. Réessayez.";

export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return SIGN_IN_ERROR_MESSAGES[code] ?? GENERIC_SIGN_IN_ERROR;
}

/** Only same-site paths: never send a user to another site after sign-in. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/espace"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://opencls.invalid");
    if (url.origin !== "http://opencls.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

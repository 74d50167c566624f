// French messages of the sign-in page, by next-auth error code.
import { SIGN_IN_LIMIT } from "./rate-limit";

/** Thrown by the credentials provider; next-auth passes it on as /connexion?error=rate_limited. */
export const RATE_LIMITED_ERROR = "rate_limited";

export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Adresse e-mail ou mot de passe incorrect.",
  [RATE_LIMITED_ERROR]: `Trop de tentatives de connexion. Pour votre sécurité, réessayez dans ${SIGN_IN_LIMIT.windowMinutes} minutes.`,
  SessionRequired: "Connectez-vous pour accéder à cette page.",
  // A sign-in link already used, expired, or altered.
  Verification: "Ce lien de connexion n’est plus valable\u00a0: il a déjà servi ou a expiré. Demandez-en un nouveau.",
  EmailSignin: "Le lien de connexion n’a pas pu être envoyé. Réessayez dans quelques instants.",
  // A disabled account, through a link or ProConnect.
  AccessDenied: "Ce compte ne peut pas se connecter. Adressez-vous à la coordination de votre contrat local de santé.",
  OAuthSignin: "La connexion avec ProConnect n’a pas pu commencer. Réessayez dans quelques instants.",
  OAuthCallback: "La connexion avec ProConnect n’a pas abouti. Réessayez.",
  OAuthAccountNotLinked: "Cette identité ProConnect est rattachée à un autre compte. Déconnectez-vous, puis reconnectez-vous avec ProConnect.",
};

/** Where a visitor lands after asking for a sign-in link, whether or not one was sent. */
export const VERIFY_REQUEST_PATH = "/connexion/verification";

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

// French messages of the sign-in page, by next-auth error code.
import { formatCount } from "@/lib/format";

/** Thrown by the credentials provider; next-auth passes it on as /connexion?error=rate_limited:<seconds>. */
export const RATE_LIMITED_ERROR = "rate_limited";

export const rateLimitedError = (retryAfterSeconds: number) => `${RATE_LIMITED_ERROR}:${retryAfterSeconds}`;

/** "45 secondes", "3 minutes": the wait, rounded up to what a person reads. */
function waitInWords(seconds: number): string {
  if (seconds < 60) return formatCount(seconds, "seconde", "secondes");
  return formatCount(Math.ceil(seconds / 60), "minute", "minutes");
}

export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Adresse e-mail ou mot de passe incorrect.",
  [RATE_LIMITED_ERROR]: "Trop de tentatives de connexion. Pour votre sécurité, patientez quelques instants avant de réessayer.",
  SessionRequired: "Connectez-vous pour accéder à cette page.",
  // A sign-in link already used, expired, or altered.
  Verification: "Ce lien de connexion n’est plus valable\u00a0: il a déjà servi ou a expiré. Demandez-en un nouveau.",
  EmailSignin: "Le lien de connexion n’a pas pu être envoyé. Réessayez dans quelques instants.",
  // A disabled account, through a link or ProConnect.
  AccessDenied: "Ce compte ne peut pas se connecter. Adressez-vous à la coordination de votre contrat local de santé.",
  OAuthSignin: "La connexion avec ProConnect n’a pas pu commencer. Réessayez dans quelques instants.",
  OAuthCallback: "La connexion avec ProConnect n’a pas abouti. Réessayez.",
  OAuthAccountNotLinked:
    "Cette identité ProConnect est rattachée à un autre compte. Déconnectez-vous, puis reconnectez-vous avec ProConnect.",
};

/** Where a visitor lands after asking for a sign-in link, whether or not one was sent. */
export const VERIFY_REQUEST_PATH = "/connexion/verification";

export const GENERIC_SIGN_IN_ERROR = "La connexion n’a pas abouti. Réessayez.";

export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const wait = /^rate_limited:(\d{1,6})$/.exec(code);
  if (wait) return `Trop de tentatives de connexion. Pour votre sécurité, réessayez dans ${waitInWords(Math.max(1, Number(wait[1])))}.`;
  // Own keys only: "__proto__" or "toString" must not find what every object inherits.
  return Object.hasOwn(SIGN_IN_ERROR_MESSAGES, code) ? SIGN_IN_ERROR_MESSAGES[code] : GENERIC_SIGN_IN_ERROR;
}

// Which ways of signing in this instance offers, from its environment. The sign-in page and the
// next-auth providers read the same answer, so a button never leads to a disabled provider.
import { mailTransport } from "@/lib/mail/send";
import { proConnectConfig } from "./proconnect";

export type SignInMethods = {
  password: true;
  /** A link by e-mail, when e-mail can leave (SMTP, or the development mailbox). */
  magicLink: boolean;
  /** ProConnect, when PROCONNECT_ISSUER, _CLIENT_ID and _CLIENT_SECRET are set. */
  proConnect: boolean;
};

export function signInMethods(env: NodeJS.ProcessEnv = process.env): SignInMethods {
  return { password: true, magicLink: mailTransport(env) !== "none", proConnect: proConnectConfig(env) !== null };
}

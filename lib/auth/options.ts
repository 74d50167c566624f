// next-auth configuration: JWT sessions (required by the credentials provider), French pages,
// and the providers enabled by the environment: password always, a link by e-mail when e-mail
// can leave, ProConnect when configured. All of them end in the same User row, found by e-mail.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/define";
import { openClsAdapter } from "./adapter";
import { safeCallbackPath } from "./callback-path";
import { authenticateWithPassword } from "./credentials";
import { rateLimitedError, VERIFY_REQUEST_PATH } from "./labels";
import { MAGIC_LINK, mayUseMagicLink, signInLinkJob } from "./magic-link";
import { signInMethods } from "./methods";
import { PROCONNECT_ID, ProConnectProvider, proConnectConfig, resolveProConnectUser } from "./proconnect";
import { clientIp } from "@/lib/http/client-address";
import { currentSessionVersion } from "./sessions";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authProviders(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const methods = signInMethods(env);
  const proConnect = proConnectConfig(env);
  return [
    CredentialsProvider({
      id: "credentials",
      name: "Adresse e-mail et mot de passe",
      credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticateWithPassword(getDb(), credentials, clientIp(request?.headers));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new Error(rateLimitedError(result.retryAfterSeconds));
        return null;
      },
    }),
    ...(methods.magicLink
      ? [
          EmailProvider({
            maxAge: MAGIC_LINK.maxAgeSeconds,
            // The same for every address, known or not: the link is queued, and the job decides
            // whether it leaves (lib/auth/magic-link.ts). Nothing here reads the account, so
            // neither the answer nor its time tells a visitor whether the address has one.
            async sendVerificationRequest({ identifier, url, expires }) {
              await enqueue(
                signInLinkJob,
                { email: identifier, url, expires: expires.toISOString() },
                { singletonKey: new URL(url).searchParams.get("token") ?? undefined },
              );
            },
          }),
        ]
      : []),
    ...(proConnect ? [ProConnectProvider(proConnect)] : []),
  ];
}

export function buildAuthOptions(env: NodeJS.ProcessEnv = process.env): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    pages: { signIn: "/connexion", error: "/connexion", verifyRequest: VERIFY_REQUEST_PATH },
    adapter: openClsAdapter(getDb),
    providers: authProviders(env),
    callbacks: {
      async signIn({ user, account, profile, email }) {
        if (account?.provider === "email") {
          // Asking for a link: always accepted here, the job decides (see sendVerificationRequest).
          if (email?.verificationRequest) return true;
          return mayUseMagicLink(getDb(), user.email ?? "");
        }
        if (account?.provider === PROCONNECT_ID) {
          // Links (or creates) the user by verified e-mail before next-auth looks the account up.
          return (await resolveProConnectUser(getDb(), profile)).ok;
        }
        return true;
      },
      // Every callback URL (query, form, cookie) ends here: only a path of this site, and a
      // malformed value falls back instead of throwing.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path)}`;
      },
      // At sign-in (user is set), the session takes the account's current session version; a
      // ProConnect session keeps its ID token, to end it at ProConnect on sign-out.
      async jwt({ token, user, account }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = (await currentSessionVersion(getDb(), user.id)) ?? -1;
          if (account?.provider === PROCONNECT_ID && account.id_token) token.proConnectIdToken = account.id_token;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.sessionVersion = token.sessionVersion;
        }
        return session;
      },
    },
  };
}

export const authOptions: NextAuthOptions = buildAuthOptions();

// ProConnect, the French State's OpenID Connect federation for public agents: the next-auth
// provider, and how its identity becomes one of our users (matched by verified e-mail).
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { normalizeEmail } from "./magic-link";

export const PROCONNECT_ID = "proconnect";
export const PROCONNECT_SCOPE = "openid email given_name usual_name uid siret";
/** ProConnect signs the ID token and the userinfo response with the algorithm registered for us. */
export const PROCONNECT_SIGNING_ALG = "RS256";

export type ProConnectConfig = { issuer: string; clientId: string; clientSecret: string };

/** The configuration, or null unless PROCONNECT_ISSUER, _CLIENT_ID and _CLIENT_SECRET are all set. */
export function proConnectConfig(env: NodeJS.ProcessEnv = process.env): ProConnectConfig | null {
  const issuer = env.PROCONNECT_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = env.PROCONNECT_CLIENT_ID?.trim();
  const clientSecret = env.PROCONNECT_CLIENT_SECRET?.trim();
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

/** The claims we ask for (userinfo); ProConnect's names: usual_name is the family name. */
export const proConnectClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.email().max(254).transform(normalizeEmail),
  given_name: z.string().trim().max(80).optional().catch(undefined),
  usual_name: z.string().trim().max(80).optional().catch(undefined),
  uid: z.string().optional().catch(undefined),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .catch(undefined),
});

export type ProConnectClaims = z.infer<typeof proConnectClaimsSchema>;
type RawClaims = Record<string, unknown>;

const fullName = (claims: { given_name?: string; usual_name?: string }) =>
  [claims.given_name, claims.usual_name].filter(Boolean).join(" ") || null;

export function ProConnectProvider(config: ProConnectConfig): OAuthConfig<RawClaims> {
  return {
    id: PROCONNECT_ID,
    name: "ProConnect",
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: PROCONNECT_SCOPE } },
    checks: ["pkce", "state", "nonce"],
    // The ID token is verified (signature, nonce), but ProConnect puts the claims in userinfo only.
    idToken: true,
    client: {
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: PROCONNECT_SIGNING_ALG,
      // openid-client then asks for application/jwt and verifies the signature with the issuer's keys.
      userinfo_signed_response_alg: PROCONNECT_SIGNING_ALG,
    },
    userinfo: {
      async request({ client, tokens }) {
        // At run time `tokens` is openid-client's TokenSet: passing it (not just the access token)
        // makes openid-client also check that userinfo's sub is the ID token's.
        return client.userinfo(tokens as Parameters<typeof client.userinfo>[0]);
      },
    },
    profile(claims) {
      const parsed = proConnectClaimsSchema.safeParse(claims);
      return {
        id: String(claims.sub),
        email: parsed.success ? parsed.data.email : null,
        name: parsed.success ? fullName(parsed.data) : null,
      };
    },
    // E-mails are verified by the federation: an agent's first ProConnect sign-in joins the
    // account that already holds their address. (The signIn callback links it itself, see
    // resolveProConnectUser; this only keeps next-auth from refusing if it gets there first.)
    allowDangerousEmailAccountLinking: true,
  };
}

export type ProConnectSignIn = { ok: true; userId: string } | { ok: false; reason: "invalid_claims" | "disabled" };

/**
 * Finds the user of a ProConnect identity: by its account (provider + sub), else by its e-mail,
 * case-insensitively, linking the account; else creates the user and the account. Never creates
 * a second user for an address. Refuses a disabled user. Keeps the account's SIRET current.
 */
export async function resolveProConnectUser(db: Db, rawClaims: unknown, now = new Date()): Promise<ProConnectSignIn> {
  const parsed = proConnectClaimsSchema.safeParse(rawClaims);
  if (!parsed.success) return { ok: false, reason: "invalid_claims" };
  try {
    return await linkProConnectIdentity(db, parsed.data, now);
  } catch (error) {
    // Two first sign-ins of one person at once: the loser's insert hits a unique key. Its second
    // attempt finds what the winner wrote.
    if (!isUniqueViolation(error)) throw error;
    return linkProConnectIdentity(db, parsed.data, now);
  }
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";

function linkProConnectIdentity(db: Db, claims: ProConnectClaims, now: Date): Promise<ProConnectSignIn> {
  const accountKey = { provider: PROCONNECT_ID, providerAccountId: claims.sub };
  const userSelect = { id: true, name: true, emailVerified: true, disabledAt: true } as const;

  return db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({
      where: { provider_providerAccountId: accountKey },
      select: { siret: true, user: { select: userSelect } },
    });
    const user =
      account?.user ??
      (await tx.user.findUnique({ where: { email: claims.email }, select: userSelect })) ??
      (await tx.user.create({ data: { email: claims.email, name: fullName(claims), emailVerified: now }, select: userSelect }));
    if (user.disabledAt) return { ok: false, reason: "disabled" } as const;

    const siret = claims.siret ?? null;
    if (!account) {
      await tx.account.create({ data: { ...accountKey, userId: user.id, siret } });
    } else if (account.siret !== siret) {
      await tx.account.update({ where: { provider_providerAccountId: accountKey }, data: { siret } });
    }
    // The federation vouches for the address; a name is filled in only where we had none.
    const name = user.name ? undefined : (fullName(claims) ?? undefined);
    if (!user.emailVerified || name) {
      await tx.user.update({ where: { id: user.id }, data: { emailVerified: user.emailVerified ?? now, name, version: { increment: 1 } } });
    }
    return { ok: true, userId: user.id } as const;
  });
}

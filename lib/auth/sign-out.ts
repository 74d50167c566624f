// Signing out ends every session of the account (lib/auth/sessions.ts), clears the cookie, and,
// for a ProConnect session, ends it at ProConnect too (RP-initiated logout), as the federation
// expects of the services it serves.
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { safeCallbackPath } from "./callback-path";
import { proConnectConfig } from "./proconnect";
import { endAllSessions, SESSION_COOKIE_PREFIXES } from "./sessions";

export async function signOutResponse(request: NextRequest, env: NodeJS.ProcessEnv = process.env): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const returnValue = form?.get("callbackUrl");
  const returnPath = safeCallbackPath(typeof returnValue === "string" ? returnValue : null, "/");
  const origin = new URL(env.NEXTAUTH_URL || request.url).origin;

  const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
  if (token?.sub) await endAllSessions(getDb(), token.sub);

  const proConnectLogout = token?.proConnectIdToken ? await proConnectEndSessionUrl(token.proConnectIdToken, `${origin}/`, env) : null;
  const response = new Response(null, {
    status: 303,
    headers: { Location: proConnectLogout ?? `${origin}${returnPath}`, "Cache-Control": "no-store" },
  });
  for (const name of request.cookies.getAll().map((cookie) => cookie.name)) {
    if (SESSION_COOKIE_PREFIXES.some((prefix) => name === prefix || name.startsWith(`${prefix}.`))) {
      response.headers.append(
        "Set-Cookie",
        `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
      );
    }
  }
  return response;
}

let discovered: { issuer: string; endSession: string | null } | undefined;

/** ProConnect's end_session_endpoint with our ID token, or null when it cannot be had now. */
async function proConnectEndSessionUrl(idToken: string, postLogoutRedirect: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const config = proConnectConfig(env);
  if (!config) return null;
  if (discovered?.issuer !== config.issuer) {
    try {
      const response = await fetch(`${config.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000) });
      const metadata = (await response.json()) as { end_session_endpoint?: unknown };
      discovered = {
        issuer: config.issuer,
        endSession: typeof metadata.end_session_endpoint === "string" ? metadata.end_session_endpoint : null,
      };
    } catch (error) {
      // The local session is over anyway; the person can still sign out at ProConnect itself.
      console.error("opencls: ProConnect discovery failed at sign-out:", error);
      return null;
    }
  }
  if (!discovered.endSession) return null;
  const url = new URL(discovered.endSession);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("post_logout_redirect_uri", postLogoutRedirect);
  url.searchParams.set("state", crypto.randomUUID());
  return url.toString();
}

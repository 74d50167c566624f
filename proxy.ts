// Runs before every route (Next.js 16's proxy, formerly middleware; Node.js runtime): decides what
// the app believes about a request and which headers protect the response. Cross-site writes are
// refused, forwarded headers are dropped unless proxies are trusted, and each page gets its
// Content-Security-Policy nonce (lib/http, docs/adr/0005-content-security-policy.md).
import { type NextRequest, NextResponse } from "next/server";
import { allowedOrigins } from "@/lib/http/config";
import { createNonce, securityHeaders } from "@/lib/http/content-security-policy";
import { crossSiteRefusal, isRefusedCrossSite } from "@/lib/http/cross-site";
import { trustedRequestHeaders } from "@/lib/http/forwarded-headers";

export async function proxy(request: NextRequest) {
  const env = process.env;
  if (await isRefusedCrossSite(request, allowedOrigins(env))) return crossSiteRefusal();

  const protection = securityHeaders(createNonce(), env);
  const headers = trustedRequestHeaders(request.headers, env);
  // Next.js takes the nonce from the request's copy of the policy; the browser enforces the response's.
  headers.set("content-security-policy", protection["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(protection)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's immutable files, which run no code of ours.
  matcher: ["/((?!_next/static/|_next/image|icon\\.svg$).*)"],
};

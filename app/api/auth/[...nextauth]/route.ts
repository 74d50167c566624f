// next-auth's endpoints (sign-in, callbacks, sign-out, session, CSRF): open to anyone by design.
// Callback URLs pass through the `redirect` callback of lib/auth/options.ts, which never throws;
// requests next-auth would answer with an error (and log) are answered here first.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { SIGN_IN_LINK_PATH } from "@/lib/auth/magic-link";
import { authOptions } from "@/lib/auth/options";
import { ANONYMOUS, assertCan } from "@/lib/authz";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

const seeOther = (location: URL) => new Response(null, { status: 303, headers: { Location: location.toString() } });

async function handle(request: NextRequest, context: unknown): Promise<Response> {
  assertCan(ANONYMOUS, "auth.use");
  const url = request.nextUrl;
  // next-auth's actions and provider ids are ASCII words; it throws (a 500) on other segments
  // (a control character, or a non-ASCII error code it puts into a Location header).
  if (!/^\/api\/auth(\/[\w-]+)*\/?$/.test(url.pathname)) return new Response("Introuvable", { status: 404 });
  if (request.method !== "POST") {
    // The password form posts here; a plain visit has nothing to verify (next-auth would throw).
    if (/\/callback\/credentials(\/|$)/.test(url.pathname)) return Response.redirect(new URL("/connexion", url), 303);
    // Opening a sign-in link never uses it up (mail scanners open links): the confirmation
    // page's button posts here.
    if (/\/callback\/email(\/|$)/.test(url.pathname)) return Response.redirect(new URL(`${SIGN_IN_LINK_PATH}${url.search}`, url), 303);
  }
  // next-auth reads each query parameter as one string: a repeated one reaches it as a list,
  // which it answers with a 500. The first of each is kept, then asked again.
  const names = new Set(url.searchParams.keys());
  if (names.size !== [...url.searchParams.keys()].length) {
    const cleaned = new URL(url);
    cleaned.search = new URLSearchParams([...names].map((name) => [name, url.searchParams.get(name)!])).toString();
    return seeOther(cleaned);
  }
  // next-auth copies an error code into the Location of its error redirect as it is: a control
  // character (or one a header cannot carry) there throws, a 500. Such a code is none of next-auth’s own.
  const error = url.searchParams.get("error");
  if (error !== null && !/^[\x20-\x7e]*$/.test(error)) {
    const cleaned = new URL(url);
    cleaned.searchParams.set("error", "Default");
    return seeOther(cleaned);
  }
  // A malformed callback URL (in the query or the cookie) is replaced by a safe path, then asked again.
  const callbackUrl = url.searchParams.get("callbackUrl");
  const badCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && safeCallbackPath(value, "") === "" && !value.startsWith(url.origin);
  });
  if ((callbackUrl !== null && safeCallbackPath(callbackUrl, "") !== callbackUrl) || badCookies.length) {
    const cleaned = new URL(url);
    if (callbackUrl !== null) cleaned.searchParams.set("callbackUrl", safeCallbackPath(callbackUrl));
    const response = seeOther(cleaned);
    for (const name of badCookies)
      response.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    return response;
  }
  return handler(request, context);
}

export { handle as GET, handle as POST };

// next-auth's endpoints (sign-in, callbacks, sign-out, session, CSRF): open to anyone by design.
// Callback URLs, from the query, the form or the cookie, all pass through the `redirect`
// callback of lib/auth/options.ts, which never throws on a malformed one.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { ANONYMOUS, assertCan } from "@/lib/authz";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

async function handle(request: Request, context: unknown): Promise<Response> {
  assertCan(ANONYMOUS, "auth.use");
  // The password form posts here; a plain visit has nothing to verify (next-auth would throw).
  if (request.method !== "POST" && new URL(request.url).pathname.endsWith("/callback/credentials")) {
    return Response.redirect(new URL("/connexion", request.url), 303);
  }
  return handler(request, context);
}

export { handle as GET, handle as POST };

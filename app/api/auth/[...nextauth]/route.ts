// next-auth's endpoints (sign-in, callbacks, sign-out, session, CSRF): open to anyone by design.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { ANONYMOUS, assertCan } from "@/lib/authz";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

async function handle(request: Request, context: unknown): Promise<Response> {
  assertCan(ANONYMOUS, "auth.use");
  return handler(request, context);
}

export { handle as GET, handle as POST };

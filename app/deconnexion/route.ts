// Sign-out (a POST from the header's button): open to anyone, it only ends the caller's own sessions.
import type { NextRequest } from "next/server";
import { signOutResponse } from "@/lib/auth/sign-out";
import { ANONYMOUS, assertCan } from "@/lib/authz";

export async function POST(request: NextRequest): Promise<Response> {
  assertCan(ANONYMOUS, "auth.use");
  return signOutResponse(request);
}

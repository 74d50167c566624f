import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null; sessionVersion?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's session version when this session was issued (lib/auth/sessions.ts). */
    sessionVersion?: number;
    /** For a ProConnect session, its ID token: ending the session at ProConnect needs it. */
    proConnectIdToken?: string;
  }
}

// next-auth configuration: JWT sessions (required by the credentials provider), French pages,
// and the providers enabled by the environment.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authenticateWithPassword } from "./credentials";
import { RATE_LIMITED_ERROR } from "./labels";
import { clientIp } from "./rate-limit";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;


export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Adresse e-mail et mot de passe",
      credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticateWithPassword(getDb(), credentials, clientIp(request?.headers));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new Error(RATE_LIMITED_ERROR);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

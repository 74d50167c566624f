// A minimal next-auth adapter over our Prisma models (User, Account, VerificationToken). Sessions
// stay JWTs, so there is no session table and no session method. E-mails are lower-cased in every
// method: User.email is stored lower-case (a database check enforces it) and matched exactly.
import type { Adapter, AdapterAccount, AdapterUser, VerificationToken } from "next-auth/adapters";
import type { Db } from "@/lib/db/client";
import { normalizeEmail } from "./magic-link";

const userSelect = { id: true, email: true, name: true, emailVerified: true } as const;

type UserRow = { id: string; email: string; name: string | null; emailVerified: Date | null };

const toAdapterUser = (user: UserRow): AdapterUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  emailVerified: user.emailVerified,
});

// next-auth may hand us a non-UUID id (a placeholder, an old token): PostgreSQL would reject it.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isRecordNotFound = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: string }).code === "P2025";

/** `db` is read on each call, so the adapter can be built before DATABASE_URL is known. */
export function openClsAdapter(db: () => Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await db().user.create({
        data: { email: normalizeEmail(user.email), name: user.name?.slice(0, 160) ?? null, emailVerified: user.emailVerified },
        select: userSelect,
      });
      return toAdapterUser(created);
    },

    async getUser(id) {
      if (!UUID.test(id)) return null;
      const user = await db().user.findUnique({ where: { id }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByEmail(email) {
      const user = await db().user.findUnique({ where: { email: normalizeEmail(email) }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      return account ? toAdapterUser(account.user) : null;
    },

    async updateUser({ id, email, name, emailVerified }) {
      const user = await db().user.update({
        where: { id },
        data: {
          ...(email !== undefined ? { email: normalizeEmail(email) } : {}),
          ...(name !== undefined ? { name: name?.slice(0, 160) ?? null } : {}),
          ...(emailVerified !== undefined ? { emailVerified } : {}),
          version: { increment: 1 },
        },
        select: userSelect,
      });
      return toAdapterUser(user);
    },

    // Only the identity is kept: we never call the provider's API, so its tokens are dropped.
    async linkAccount(account: AdapterAccount) {
      await db().account.create({
        data: { userId: account.userId, provider: account.provider, providerAccountId: account.providerAccountId },
      });
      return account;
    },

    async createVerificationToken({ identifier, token, expires }: VerificationToken) {
      const email = normalizeEmail(identifier);
      // Housekeeping: this address's expired links are of no use to anyone.
      await db().verificationToken.deleteMany({ where: { identifier: email, expires: { lt: new Date() } } });
      const created = await db().verificationToken.create({ data: { identifier: email, token, expires } });
      return created;
    },

    /** Returns the token and deletes it in one statement, so that a link works once. */
    async useVerificationToken({ identifier, token }) {
      const email = normalizeEmail(identifier);
      try {
        const used = await db().verificationToken.delete({ where: { identifier_token: { identifier: email, token } } });
        // Once a link has worked, the address's other links are void.
        if (used.expires > new Date()) await db().verificationToken.deleteMany({ where: { identifier: email } });
        return used;
      } catch (error) {
        if (isRecordNotFound(error)) return null;
        throw error;
      }
    },
  };
}

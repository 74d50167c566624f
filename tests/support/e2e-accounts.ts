// Accounts of their own for end-to-end tests whose subject is not the account itself: signing
// out ends every session of an account (lib/auth/sessions.ts), so a test that signs out, or
// changes a member, must not share the account with the tests running beside it. Inserted
// straight into the suite's database with the seed's own code, with the demo password.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createDbClient, type Db } from "@/lib/db/client";
import { embeddedUrl } from "@/lib/db/embedded";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { insertDemoAccounts } from "@/lib/seed/demo-accounts";
import { DEMO_PASSWORD } from "../e2e/sign-in";
import { E2E_DATABASE_PORT } from "./e2e-server";

let db: Db | undefined;
let passwordHash: Promise<string> | undefined;

export type NewAccount = { email: string; name: string };

/** A new account holding one role on a seeded territory (by slug), signed in with DEMO_PASSWORD. */
export async function createAccount(role: MembershipRole, territory: string, name = "Compte de test"): Promise<NewAccount> {
  db ??= createDbClient(embeddedUrl(E2E_DATABASE_PORT));
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const email = `${role}.${randomUUID().slice(0, 8)}@${territory}.test`;
  const account = { email, name, role, territory };
  const hash = await passwordHash;
  await db.$transaction((tx) => insertDemoAccounts(tx, { note: "", password: DEMO_PASSWORD, passwordHash: hash, accounts: [account] }));
  return { email, name };
}

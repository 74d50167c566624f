// Demo accounts (prisma/seed/demo-accounts.json): one per role and per seeded territory or
// region, all with one password. Inserted only when missing, like the rest of the demo data.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { MembershipRole } from "@/lib/db/generated/enums";
import { findGeoDepartment } from "@/lib/geo/reference";
import type { Prisma } from "@/lib/db/generated/client";
import { slugify } from "@/lib/text/slug";

export const demoAccountsFileSchema = z.object({
  note: z.string(),
  password: z.string().min(8),
  accounts: z.array(
    z.object({
      email: z.email().refine((email) => email === email.toLowerCase() && email.endsWith(".test"), "demo e-mails are lower-case on .test"),
      name: z.string(),
      role: z.enum(MembershipRole),
      region: z.string().optional(),
      territory: z.string().optional(),
      organisation: z.string().optional(),
      /** An ARS officer's délégation départementale: the départements' codes, of the account's region. */
      departments: z.array(z.string().regex(/^(\d{2}|2[AB]|97\d)$/)).optional(),
    }),
  ),
});

export type DemoAccounts = z.infer<typeof demoAccountsFileSchema> & { passwordHash: string };

export async function readDemoAccounts(dir: string): Promise<DemoAccounts> {
  const file = demoAccountsFileSchema.parse(JSON.parse(await readFile(path.join(dir, "demo-accounts.json"), "utf8")));
  return { ...file, passwordHash: await hashPassword(file.password) };
}

export async function insertDemoAccounts(tx: Prisma.TransactionClient, file: DemoAccounts): Promise<void> {
  await insertDemoUsers(tx, file);
  await insertDemoMemberships(tx, file);
}

/** The accounts' users, without their memberships (fiches name their pilots before the memberships' scopes exist): ids by e-mail. */
export async function insertDemoUsers(
  tx: Prisma.TransactionClient,
  { accounts, passwordHash }: Pick<DemoAccounts, "accounts" | "passwordHash">,
): Promise<Map<string, string>> {
  await tx.user.createMany({
    data: accounts.map(({ email, name }) => ({ email, name, passwordHash, emailVerified: new Date() })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({ where: { email: { in: accounts.map((a) => a.email) } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.email, user.id]));
}

/** The accounts' memberships, once their users, regions, territories and organisations exist. */
export async function insertDemoMemberships(tx: Prisma.TransactionClient, { accounts }: Pick<DemoAccounts, "accounts">): Promise<void> {
  const [users, regions, territories, organisations] = await Promise.all([
    tx.user.findMany({ where: { email: { in: accounts.map((a) => a.email) } }, select: { id: true, email: true, memberships: true } }),
    tx.region.findMany({ select: { id: true, slug: true, inseeCode: true } }),
    tx.territory.findMany({ select: { id: true, slug: true } }),
    tx.organisation.findMany({
      where: { slug: { in: accounts.flatMap((a) => (a.organisation ? [slugify(a.organisation)] : [])) } },
      select: { id: true, slug: true },
    }),
  ]);
  const idOf = (rows: Array<{ id: string; slug: string }>, slug: string | undefined, what: string) => {
    if (!slug) return null;
    const row = rows.find((candidate) => candidate.slug === slug);
    if (!row) throw new Error(`demo-accounts.json: unknown ${what} "${slug}"`);
    return row.id;
  };

  const missing = accounts.flatMap((account) => {
    const user = users.find((candidate) => candidate.email === account.email)!;
    const scope = {
      regionId: idOf(regions, account.region, "region"),
      territoryId: idOf(territories, account.territory, "territory"),
      organisationId: idOf(organisations, account.organisation && slugify(account.organisation), "organisation"),
    };
    const departmentCodes = account.departments ?? [];
    const region = regions.find((candidate) => candidate.id === scope.regionId);
    for (const code of departmentCodes)
      if (findGeoDepartment(code)?.regionCode !== region?.inseeCode)
        throw new Error(`demo-accounts.json: ${account.email}: département ${code} is not in region "${account.region}"`);
    const held = user.memberships.some(
      (m) =>
        m.role === account.role &&
        m.regionId === scope.regionId &&
        m.territoryId === scope.territoryId &&
        m.organisationId === scope.organisationId,
    );
    return held ? [] : [{ userId: user.id, role: account.role, ...scope, departmentCodes }];
  });
  await tx.membership.createMany({ data: missing });
}

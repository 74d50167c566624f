// What the loaders of a contract file share: how its days become dates, and the demo users' ids.
import type { SeedDay } from "./schema";

/** How a file's days become dates, and the demo users' ids by e-mail. */
export type SeedContext = { on: (value: SeedDay | undefined) => Date | null; userIds: Map<string, string> };

/** The id of a demo account named by the file (prisma/seed/demo-accounts.json). */
export function userId({ userIds }: SeedContext, email: string): string {
  const id = userIds.get(email);
  if (!id) throw new Error(`${email} is not in demo-accounts.json`);
  return id;
}

// Password hashing with bcrypt (bcryptjs: pure JavaScript, no native build to install).
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown account, or an account
 * without password) it still spends the time of a real check, so response times do not
 * reveal which accounts exist.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (hash) return bcrypt.compare(password, hash);
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await bcrypt.compare(password, await dummyHash);
  return false;
}

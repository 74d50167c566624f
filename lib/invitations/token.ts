// Invitation links carry a random token; only its sha256 is stored, so a leaked database does
// not leak usable links.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_VALIDITY_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(token: string, baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): string {
  return new URL(`/invitation/${token}`, baseUrl).toString();
}

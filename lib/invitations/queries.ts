// What the invitation page shows: the invitation behind a link, if it can still be used.
import { assertCan, type Actor } from "@/lib/authz";
import { getDb, type Db } from "@/lib/db/client";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";
import { loadScopeResource } from "@/lib/memberships/resource";
import { wellFormed } from "@/lib/params/route-params";
import { hashInvitationToken } from "./token";

export async function findInvitationPage(actor: Actor, token: string) {
  assertCan(actor, "invitation.accept");
  // A token that no link carries reads like one that expired: the same page.
  if (!wellFormed({ token })) return null;
  const db = getDb();
  const invitation = await findOpenInvitation(db, token);
  if (!invitation) return null;
  const [scope, account, territory] = await Promise.all([
    loadScopeResource(db, invitation),
    db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
    invitation.territoryId ? db.territory.findUnique({ where: { id: invitation.territoryId }, select: { slug: true } }) : null,
  ]);
  return {
    email: invitation.email,
    roleLabel: MEMBERSHIP_ROLE_LABELS[invitation.role],
    scopeLabel: scope.label,
    expiresAt: invitation.expiresAt,
    accountExists: Boolean(account),
    /** Where the new member lands: their territory's workspace, or their list of spaces. */
    landingPath: territory ? `/espace/${territory.slug}` : "/espace",
  };
}

/** An invitation that can still be used: not accepted, not revoked, not expired. */
export async function findOpenInvitation(db: Db, token: string) {
  return db.invitation.findFirst({
    where: { tokenHash: hashInvitationToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
  });
}

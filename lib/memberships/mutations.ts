// Memberships: granting (through an accepted invitation), changing a territory role, revoking.
// Each change and its audit event commit in one transaction; `version` guards against two
// people changing the same membership at once.
import { endAllSessions } from "@/lib/auth/sessions";

import { actionsOn } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { changeAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import type { Db } from "@/lib/db/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { changeRoleAudited } from "./grant";
import { MEMBERSHIP_ROLE_LABELS } from "./labels";
import { loadMembershipResource, loadScopeResource } from "./resource";
import { changeMemberRoleSchema, isTerritoryRole, revokeMemberSchema } from "./schema";

/** Why this change would leave the territory without coordination, or lock the actor out. */
async function guardChange(
  db: Db,
  actorUserId: string | null,
  membership: { id: string; userId: string; role: MembershipRole; territoryId: string | null },
) {
  if (membership.userId === actorUserId)
    return "Vous ne pouvez pas modifier ni retirer votre propre rôle\u00a0: demandez-le à une autre personne.";
  if (membership.role === "coordinator" && membership.territoryId) {
    const coordinators = await db.membership.count({ where: { role: "coordinator", territoryId: membership.territoryId } });
    if (coordinators <= 1) return "Le territoire doit garder au moins une personne à la coordination.";
  }
  return null;
}

const loadMembership = (db: Db, id: string) =>
  db.membership.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      userId: true,
      role: true,
      regionId: true,
      territoryId: true,
      organisationId: true,
      user: { select: { email: true } },
    },
  });

const onMembership = actionsOn("member.manage", (db, { membershipId }: { membershipId: string }) =>
  loadMembershipResource(db, membershipId),
);

export const changeMemberRole = onMembership("member.changeRole", changeMemberRoleSchema, async (context, input) => {
  const membership = await loadMembership(context.db, input.membershipId);
  if (!isTerritoryRole(membership.role))
    return fieldError("role", "Ce rôle ne se change pas ici\u00a0: retirez-le, puis envoyez une nouvelle invitation.");
  if (membership.role === input.role) return ok(null, "Aucun changement.");
  const refusal = await guardChange(context.db, context.actor.userId, membership);
  if (refusal) return fieldError("role", refusal);
  const scope = await loadScopeResource(context.db, membership);
  try {
    await changeAudited(
      context,
      {
        action: "membership.change",
        entityType: "Membership",
        entityId: membership.id,
        entityLabel: `${membership.user.email} · ${scope.label}`,
        territoryId: scope.territoryId,
      },
      async (tx) => {
        assertVersionMatched(
          await tx.membership.updateMany({
            where: { id: membership.id, version: input.version },
            data: { role: input.role, version: { increment: 1 } },
          }),
        );
        return { before: { role: membership.role }, after: { role: input.role } };
      },
    );
  } catch (error) {
    if (uniqueViolationTarget(error)) return fieldError("role", "Cette personne a déjà ce rôle sur ce territoire.");
    throw error;
  }
  return ok(null, `${membership.user.email} a désormais le rôle «\u00a0${MEMBERSHIP_ROLE_LABELS[input.role]}\u00a0».`);
});

export const revokeMember = onMembership("member.revoke", revokeMemberSchema, async (context, input) => {
  const membership = await loadMembership(context.db, input.membershipId);
  const refusal = await guardChange(context.db, context.actor.userId, membership);
  if (refusal) return fieldError("membershipId", refusal);
  await changeRoleAudited(
    context,
    {
      action: "membership.revoke",
      entityType: "Membership",
      entityId: membership.id,
      email: membership.user.email,
      role: membership.role,
      scopeKeys: membership,
    },
    async (tx, scope) => {
      assertVersionMatched(await tx.membership.deleteMany({ where: { id: membership.id, version: input.version } }));
      // Pages re-read roles on every request; ending the sessions also closes what is open now.
      await endAllSessions(tx, membership.userId);
      return { before: { user: membership.user.email, role: membership.role, scope: scope.label } };
    },
  );
  return ok(null, `Le rôle de ${membership.user.email} est retiré.`);
});

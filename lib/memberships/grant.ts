// Granting a membership: shared by the actions that give a role (an accepted invitation today,
// a confirmed partner tomorrow), inside their own transaction and audited there.
import type { ActionContext } from "@/lib/actions/define";
import { changeAudited, insertAudited, type AuditChange } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { MEMBERSHIP_ROLE_LABELS } from "./labels";
import { delegationLabel, loadScopeResource, type LoadedScope, type ScopeKeys } from "./resource";

type Tx = Prisma.TransactionClient;

/** Creates the membership unless the user already holds it; audited as a grant. */
export async function grantMembership(
  tx: Tx,
  context: Pick<ActionContext, "actor" | "ip">,
  grant: ScopeKeys & { userId: string; email: string; role: MembershipRole; departmentCodes?: readonly string[] },
  details: Record<string, unknown> = {},
): Promise<void> {
  const scopeKeys = { regionId: grant.regionId, territoryId: grant.territoryId, organisationId: grant.organisationId };
  const existing = await tx.membership.findFirst({ where: { userId: grant.userId, role: grant.role, ...scopeKeys }, select: { id: true } });
  if (existing) return;
  const departmentCodes = [...(grant.departmentCodes ?? [])];
  const loaded = await loadScopeResource(tx, scopeKeys);
  const scope = { ...loaded, label: delegationLabel(loaded.label, departmentCodes) };
  await insertAudited(
    tx,
    context,
    {
      action: "membership.grant",
      entityType: "Membership",
      ...roleAudit(grant.email, grant.role, scope),
      after: {
        user: grant.email,
        role: grant.role,
        scope: scope.label,
        ...(departmentCodes.length ? { departmentCodes } : {}),
        ...details,
      },
    },
    () => tx.membership.create({ data: { userId: grant.userId, role: grant.role, ...scopeKeys, departmentCodes }, select: { id: true } }),
  );
}

/** An audited change (a revocation…) of a role held or offered, filed under its scope: `save` gets the scope's label too. */
export async function changeRoleAudited(
  context: ActionContext,
  entry: { action: string; entityType: string; entityId: string; email: string; role: MembershipRole; scopeKeys: ScopeKeys },
  save: (tx: Tx, scope: LoadedScope) => Promise<AuditChange>,
): Promise<void> {
  const { email, role, scopeKeys, ...audited } = entry;
  const scope = await loadScopeResource(context.db, scopeKeys);
  await changeAudited(context, { ...audited, ...roleAudit(email, role, scope) }, (tx) => save(tx, scope));
}

/** How the audit log files a role held or offered: named "ana@exemple.fr · Coordination · Territoire X", under the scope's territory. */
export const roleAudit = (email: string, role: MembershipRole, scope: { label: string; territoryId: string | null }) => ({
  entityLabel: `${email} · ${MEMBERSHIP_ROLE_LABELS[role]} · ${scope.label}`,
  territoryId: scope.territoryId,
});

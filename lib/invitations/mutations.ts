// Invitations: a coordinator (on their territory) or a platform admin (anywhere) invites an
// e-mail address to a role; the link creates the account or links the existing one. Every
// grant and revocation is written to the audit log in the same transaction.
import { NotFoundError } from "@/lib/authz";
import { actionsOn, defineAction, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { hashPassword } from "@/lib/auth/password";
import { createAudited, recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { sendMail } from "@/lib/mail/send";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";
import { changeRoleAudited, grantMembership, roleAudit } from "@/lib/memberships/grant";
import { delegationLabel, loadScopeResource, regionDepartmentsError, type ScopeKeys } from "@/lib/memberships/resource";
import { acceptInvitationSchema, inviteSchema, registerWithInvitationSchema, revokeInvitationSchema } from "./schema";
import { findOpenInvitation } from "./queries";
import { loadOpenInvitationResource } from "./resource";
import { INVITATION_VALIDITY_DAYS, invitationUrl, newInvitationToken } from "./token";

const scopeOf = (record: ScopeKeys): ScopeKeys => ({
  regionId: record.regionId,
  territoryId: record.territoryId,
  organisationId: record.organisationId,
});

const onOpenInvitation = actionsOn("invitation.accept", (db, { token }: { token: string }) => loadOpenInvitationResource(db, token));

export const inviteMember = defineAction({
  name: "member.invite",
  operation: "member.manage",
  input: inviteSchema,
  resource: async (db, input) => (await loadScopeResource(db, input)).resource,
  async run(context, input) {
    const { db } = context;
    const loaded = await loadScopeResource(db, input);
    const outside = await regionDepartmentsError(db, input.regionId, input.departmentCodes);
    if (outside) return fieldError("departmentCodes", outside);
    const scope = { ...loaded, label: delegationLabel(loaded.label, input.departmentCodes) };
    const existing = await db.membership.findFirst({
      where: { role: input.role, ...scopeOf(input), user: { email: input.email } },
      select: { id: true },
    });
    if (existing) return fieldError("email", "Cette personne a déjà ce rôle sur ce périmètre.");
    const pending = await db.invitation.findFirst({
      where: { email: input.email, role: input.role, ...scopeOf(input), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending)
      return fieldError(
        "email",
        "Une invitation est déjà en attente pour cette adresse et ce rôle. Retirez-la pour en envoyer une nouvelle.",
      );

    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_VALIDITY_DAYS * 24 * 3600_000);
    const invitation = await createAudited(
      context,
      {
        action: "invitation.create",
        entityType: "Invitation",
        ...roleAudit(input.email, input.role, scope),
        after: { email: input.email, role: input.role, scope: scope.label, departmentCodes: input.departmentCodes, expiresAt },
      },
      (tx) => tx.invitation.create({ data: { ...input, tokenHash, expiresAt, invitedById: context.actor.userId }, select: { id: true } }),
    );

    const link = invitationUrl(token);
    const sent = await sendMail(
      db,
      invitationMail(input.email, context.actor.email, MEMBERSHIP_ROLE_LABELS[input.role], scope.label, link),
    );
    return ok(
      { invitationId: invitation.id, email: input.email, link: sent ? null : link },
      sent
        ? `Invitation envoyée à ${input.email}.`
        : `Invitation créée pour ${input.email}, mais aucun e-mail n’a pu être envoyé\u00a0: transmettez-lui ce lien.`,
    );
  },
});

function invitationMail(to: string, inviter: string | null, role: string, scope: string, link: string) {
  return {
    to,
    subject: `Invitation à rejoindre OpenCLS\u00a0: ${scope}`,
    text: [
      "Bonjour,",
      "",
      `${inviter ?? "L’équipe OpenCLS"} vous invite à rejoindre l’espace «\u00a0${scope}\u00a0» sur OpenCLS, avec le rôle «\u00a0${role}\u00a0».`,
      "",
      `Pour accepter, ouvrez ce lien (valable ${INVITATION_VALIDITY_DAYS}\u00a0jours)\u00a0:`,
      link,
      "",
      "Si vous n’attendiez pas cette invitation, ignorez ce message.",
      "",
      "OpenCLS",
    ].join("\n"),
  };
}

export const revokeInvitation = defineAction({
  name: "invitation.revoke",
  operation: "member.manage",
  input: revokeInvitationSchema,
  async resource(db, input) {
    const invitation = await db.invitation.findUnique({
      where: { id: input.invitationId },
      select: { regionId: true, territoryId: true, organisationId: true },
    });
    if (!invitation) throw new NotFoundError();
    return (await loadScopeResource(db, invitation)).resource;
  },
  async run(context, input) {
    const invitation = await context.db.invitation.findUniqueOrThrow({ where: { id: input.invitationId } });
    if (invitation.acceptedAt || invitation.revokedAt) return fieldError("invitationId", "Cette invitation n’est plus en attente.");
    await changeRoleAudited(
      context,
      {
        action: "invitation.revoke",
        entityType: "Invitation",
        entityId: invitation.id,
        email: invitation.email,
        role: invitation.role,
        scopeKeys: invitation,
      },
      async (tx) => {
        const revokedAt = new Date();
        assertVersionMatched(
          await tx.invitation.updateMany({
            where: { id: invitation.id, version: input.version },
            data: { revokedAt, version: { increment: 1 } },
          }),
        );
        return { before: { revokedAt: null }, after: { revokedAt } };
      },
    );
    return ok(null, `L’invitation de ${invitation.email} est retirée.`);
  },
});

type OpenInvitation = NonNullable<Awaited<ReturnType<typeof findOpenInvitation>>>;

async function acceptInTransaction(
  tx: Prisma.TransactionClient,
  context: Pick<ActionContext, "actor" | "ip">,
  invitation: OpenInvitation,
  userId: string,
  email: string,
) {
  // Conditional update: two tabs accepting the same link cannot both succeed.
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date(), acceptedById: userId, version: { increment: 1 } },
  });
  if (count === 0) throw new NotFoundError();
  const inviter = invitation.invitedById
    ? await tx.user.findUnique({ where: { id: invitation.invitedById }, select: { email: true } })
    : null;
  await grantMembership(
    tx,
    context,
    { userId, email, role: invitation.role, ...scopeOf(invitation), departmentCodes: invitation.departmentCodes },
    { invitedBy: inviter?.email ?? null },
  );
}

export const acceptInvitation = onOpenInvitation("invitation.accept", acceptInvitationSchema, async (context, input) => {
  const invitation = (await findOpenInvitation(context.db, input.token))!;
  const { userId, email } = context.actor;
  if (!userId || !email) return { ok: false, message: "Connectez-vous pour accepter cette invitation." };
  if (email !== invitation.email)
    return {
      ok: false,
      message: `Cette invitation est adressée à ${invitation.email}. Connectez-vous avec cette adresse pour l’accepter.`,
    };
  await context.db.$transaction((tx) => acceptInTransaction(tx, context, invitation, userId, email));
  return ok({ territoryId: invitation.territoryId }, "Invitation acceptée.");
});

export const registerWithInvitation = onOpenInvitation("invitation.register", registerWithInvitationSchema, async (context, input) => {
  const invitation = (await findOpenInvitation(context.db, input.token))!;
  if (await context.db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
    return { ok: false, message: `Un compte existe déjà pour ${invitation.email}\u00a0: connectez-vous pour accepter l’invitation.` };
  const passwordHash = await hashPassword(input.password);
  await context.db.$transaction(async (tx) => {
    // The e-mail is verified: its owner opened the link sent to it.
    const user = await tx.user.create({
      data: { email: invitation.email, name: input.name, passwordHash, emailVerified: new Date() },
      select: { id: true },
    });
    const asNewUser = { ...context, actor: { userId: user.id, email: invitation.email, memberships: [] } };
    await recordAudit(tx, asNewUser, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      entityLabel: invitation.email,
      territoryId: invitation.territoryId,
      after: { email: invitation.email, name: input.name },
    });
    await acceptInTransaction(tx, asNewUser, invitation, user.id, invitation.email);
  });
  return ok({ email: invitation.email, territoryId: invitation.territoryId }, "Votre compte est créé.");
});

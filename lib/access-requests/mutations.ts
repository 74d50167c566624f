// Access requests: a ProConnect agent asks to become a partner of a territory for the
// organisation their SIRET names; a coordinator of the territory confirms it (the partner
// membership is granted in the same transaction) or refuses it. Each step is audited; a
// request's `version` and status make a second decision a clear refusal, never a second role.
import { actionsOn, defineAction, type ActionContext } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { changeAudited, insertAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import type { Db } from "@/lib/db/client";
import type { AccessRequestStatus } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/format";
import { grantMembership } from "@/lib/memberships/grant";
import { notify } from "@/lib/notifications/post";
import { ACCESS_REQUEST_STATUS_LABELS } from "./labels";
import { findAgentOrganisation, takesPartInTerritory } from "./queries";
import { loadAccessRequestResource, loadRequestedTerritoryResource } from "./resource";
import { confirmAccessRequestSchema, refuseAccessRequestSchema, requestAccessSchema } from "./schema";

const NOT_AN_AGENT =
  "Seuls les agents connectés avec ProConnect peuvent demander un accès\u00a0: votre organisation est lue sur votre compte ProConnect. Connectez-vous avec ProConnect, ou demandez une invitation à la coordination du territoire.";

const requestLabel = (email: string, organisation: string, territory: string) => `${email} · ${organisation} · ${territory}`;

export const requestAccess = defineAction({
  name: "accessRequest.create",
  operation: "accessRequest.create",
  input: requestAccessSchema,
  resource: (db, input) => loadRequestedTerritoryResource(db, input.territoryId),
  async run(context, input) {
    const { db, actor } = context;
    const userId = actor.userId!;
    const agent = await findAgentOrganisation(db, userId);
    if (!agent) return { ok: false, message: NOT_AN_AGENT };
    const organisation = agent.organisation;
    if (!organisation)
      return {
        ok: false,
        message: `Le SIREN de votre organisation d’après ProConnect (${agent.siren}) ne correspond à aucune organisation inscrite sur OpenCLS\u00a0: demandez une invitation à la coordination du territoire.`,
      };
    const territory = await db.territory.findUniqueOrThrow({
      where: { id: input.territoryId },
      select: { id: true, name: true, slug: true },
    });
    if (!(await takesPartInTerritory(db, organisation.id, territory.id)))
      return fieldError(
        "territoryId",
        `${organisation.name} ne participe à aucun contrat publié de ce territoire\u00a0: demandez une invitation à sa coordination.`,
      );
    const [partner, pending] = await Promise.all([
      db.membership.findFirst({ where: { userId, role: "partner", territoryId: territory.id, organisationId: organisation.id } }),
      db.accessRequest.findFirst({ where: { userId, territoryId: territory.id, status: "pending" }, select: { id: true } }),
    ]);
    if (partner) return fieldError("territoryId", `Vous êtes déjà partenaire de ${territory.name} pour ${organisation.name}.`);
    if (pending) return fieldError("territoryId", ALREADY_PENDING);

    try {
      const request = await db.$transaction(async (tx) => {
        const created = await insertAudited(
          tx,
          context,
          {
            action: "accessRequest.create",
            entityType: "AccessRequest",
            entityLabel: requestLabel(actor.email!, organisation.name, territory.name),
            territoryId: territory.id,
            after: { user: actor.email, organisation: organisation.name, siret: agent.siret, status: ACCESS_REQUEST_STATUS_LABELS.pending },
          },
          () =>
            tx.accessRequest.create({
              data: { userId, territoryId: territory.id, proposedOrganisationId: organisation.id, siret: agent.siret },
              select: { id: true },
            }),
        );
        const coordinators = await tx.membership.findMany({
          where: { territoryId: territory.id, role: "coordinator", user: { disabledAt: null } },
          select: { userId: true },
        });
        await notify(
          tx,
          coordinators.map(({ userId: coordinatorId }) => ({
            userId: coordinatorId,
            kind: "access_requested" as const,
            subjectId: created.id,
            period: "request",
            title: `${actor.email} · ${organisation.name}`,
            context: territory.name,
            href: `/espace/${territory.slug}/membres`,
          })),
        );
        return created;
      });
      return ok(
        { requestId: request.id },
        `Votre demande est envoyée à la coordination de ${territory.name}. Vous aurez accès aux engagements de ${organisation.name} dès qu’elle l’aura confirmée.`,
      );
    } catch (error) {
      // Two tabs sending at once: the partial unique index keeps one pending request.
      if (uniqueViolationTarget(error)) return fieldError("territoryId", ALREADY_PENDING);
      throw error;
    }
  },
});

const ALREADY_PENDING = "Vous avez déjà une demande en attente pour ce territoire.";

const loadRequest = (db: Db, id: string) =>
  db.accessRequest.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      userId: true,
      territoryId: true,
      status: true,
      siret: true,
      decidedAt: true,
      user: { select: { email: true } },
      territory: { select: { name: true } },
      proposedOrganisation: { select: { name: true } },
      decidedBy: { select: { name: true, email: true } },
    },
  });
type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

const DECIDED_WORDS: Record<Exclude<AccessRequestStatus, "pending">, string> = { confirmed: "confirmée", refused: "refusée" };

/** The answer to a decision on a request someone already decided: what happened, and that nothing changed. */
function alreadyDecided(request: LoadedRequest): ActionResult<never> {
  const status = request.status as Exclude<AccessRequestStatus, "pending">;
  const by = request.decidedBy ? ` par ${request.decidedBy.name ?? request.decidedBy.email}` : "";
  const at = request.decidedAt ? ` le ${formatDateTime(request.decidedAt)}` : "";
  return {
    ok: false,
    message: `Cette demande a déjà été ${DECIDED_WORDS[status]}${by}${at}\u00a0: rien n’a été changé. Rechargez la page pour voir les demandes en attente.`,
  };
}

/**
 * Decides a pending request from the version the coordinator saw: the status changes only from
 * "pending", so a second decision (two coordinators, two tabs) changes nothing and says so.
 */
async function decide(
  context: ActionContext,
  input: { requestId: string; version: number },
  decision: { status: Exclude<AccessRequestStatus, "pending">; organisation: { id: string; name: string } | null },
): Promise<ActionResult<LoadedRequest>> {
  const request = await loadRequest(context.db, input.requestId);
  if (request.status !== "pending") return alreadyDecided(request);
  if (request.userId === context.actor.userId)
    return {
      ok: false,
      message: "Vous ne pouvez pas décider de votre propre demande\u00a0: demandez-le à une autre personne de la coordination.",
    };
  try {
    await changeAudited(
      context,
      {
        action: decision.status === "confirmed" ? "accessRequest.confirm" : "accessRequest.refuse",
        entityType: "AccessRequest",
        entityId: request.id,
        entityLabel: requestLabel(request.user.email, request.proposedOrganisation.name, request.territory.name),
        territoryId: request.territoryId,
      },
      async (tx) => {
        assertVersionMatched(
          await tx.accessRequest.updateMany({
            where: { id: request.id, version: input.version, status: "pending" },
            data: {
              status: decision.status,
              organisationId: decision.organisation?.id ?? null,
              decidedById: context.actor.userId,
              decidedAt: new Date(),
              version: { increment: 1 },
            },
          }),
        );
        if (decision.organisation)
          await grantMembership(
            tx,
            context,
            {
              userId: request.userId,
              email: request.user.email,
              role: "partner",
              regionId: null,
              territoryId: request.territoryId,
              organisationId: decision.organisation.id,
            },
            { siret: request.siret },
          );
        // Decided: the coordinators' notices of it have nothing left to ask, in the centre or by e-mail.
        const decidedAt = new Date();
        await tx.notification.updateMany({
          where: { kind: "access_requested", subjectId: request.id, readAt: null },
          data: { readAt: decidedAt },
        });
        await tx.notification.updateMany({
          where: { kind: "access_requested", subjectId: request.id, mailedAt: null },
          data: { mailedAt: decidedAt },
        });
        return {
          before: { status: ACCESS_REQUEST_STATUS_LABELS.pending },
          after: { status: ACCESS_REQUEST_STATUS_LABELS[decision.status], organisation: decision.organisation?.name },
        };
      },
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const now = await loadRequest(context.db, input.requestId);
    if (now.status !== "pending") return alreadyDecided(now);
    throw error;
  }
  return ok(request);
}

const onAccessRequest = actionsOn("member.manage", (db, { requestId }: { requestId: string }) => loadAccessRequestResource(db, requestId));

export const confirmAccessRequest = onAccessRequest("accessRequest.confirm", confirmAccessRequestSchema, async (context, input) => {
  const organisation = await context.db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } });
  if (!organisation) return fieldError("organisationId", "Cette organisation est introuvable\u00a0: choisissez-en une dans la liste.");
  const decided = await decide(context, input, { status: "confirmed", organisation });
  if (!decided.ok) return decided;
  const { user, territory } = decided.data;
  return ok(null, `${user.email} est désormais partenaire de ${territory.name} pour ${organisation.name}.`);
});

export const refuseAccessRequest = onAccessRequest("accessRequest.refuse", refuseAccessRequestSchema, async (context, input) => {
  const decided = await decide(context, input, { status: "refused", organisation: null });
  if (!decided.ok) return decided;
  return ok(null, `La demande de ${decided.data.user.email} est refusée.`);
});

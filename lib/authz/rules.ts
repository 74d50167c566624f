// Who may do what, and where, as data. An operation absent from every role an actor holds is
// denied: adding an operation without granting it makes it unreachable, never open.
import type { MembershipRole } from "@/lib/db/generated/enums";

export const OPERATIONS = [
  "health.read",
  "auth.use",
  "publishedContract.read",
  /** Read the open data API (/api/v1): public records only, for anyone, never with a session. */
  "openData.read",
  /** Accept an invitation: whoever holds its link (the invitation itself is the scope). */
  "invitation.accept",
  /** Ask to become a partner of a territory for one's ProConnect organisation: any signed-in user (the request checks the rest, and gives no right). */
  "accessRequest.create",
  /** See a territory's workspace and its contracts: all of them, drafts included, for its members and its region; a partner only the ones its organisation takes part in. */
  "workspace.read",
  /** Create and edit the territory's contracts, axes and fiches. */
  "contract.edit",
  /** Edit one fiche action and its indicators. */
  "fiche.edit",
  /** Update an organisation's own commitments. */
  "commitment.edit",
  /** Comment and review contracts (ARS). */
  "review.comment",
  /** Answer the agency's review: reply to its threads, resolve them, submit a stage for its opinion (coordinators). */
  "review.answer",
  /** Follow every contract of a region: the portfolio, its compliance checks and its export (ARS). */
  "portfolio.read",
  /** Keep the region's list of PRS objectives, which its fiches name (ARS). */
  "prsObjective.manage",
  /** Invite, change and revoke members of a territory. */
  "member.manage",
  "auditLog.read",
  /** Create regions, territories and organisations; grant any role. */
  "platform.administer",
  /** Read the development mailbox (development mode only). */
  "devMailbox.read",
  /** Read and mark one's own notifications, choose one's own e-mails. */
  "account.manage",
  /** Stop an e-mail with the token its message carries (the token is the scope, RFC 8058). */
  "mail.unsubscribe",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** "anyone" covers every visitor, signed in or not. */
export type Role = "anyone" | MembershipRole;

/**
 * Where a grant applies, compared with the resource:
 * - everywhere: no condition;
 * - signedIn: the actor is signed in (what they ask for concerns themselves only);
 * - region / territory: the membership's region or territory is the resource's; a membership
 *   limited to some départements of its region (an ARS officer's délégation départementale) also
 *   needs one of them among the resource's;
 * - pilotedFiche: the resource is a fiche of the membership's territory piloted by the actor;
 * - partnerOrganisation: the resource is a contract of the membership's territory, no longer a
 *   draft, that the membership's organisation signs, partners or commits to (on an objective of
 *   one of its fiches, or on a whole fiche);
 * - organisation: the resource belongs to the membership's organisation, in a contract of the
 *   membership's territory no longer a draft (a partner is invited by one territory, for its
 *   commitments there only);
 * - self: the resource belongs to the signed-in actor (their notifications, their preferences).
 */
export type Scope = "everywhere" | "signedIn" | "region" | "territory" | "pilotedFiche" | "partnerOrganisation" | "organisation" | "self";

export const GRANTS: Record<Role, Partial<Record<Operation, Scope>>> = {
  anyone: {
    "health.read": "everywhere",
    "auth.use": "everywhere",
    "publishedContract.read": "everywhere",
    "openData.read": "everywhere",
    "invitation.accept": "everywhere",
    "account.manage": "self",
    "mail.unsubscribe": "everywhere",
    "accessRequest.create": "signedIn",
  },
  // One's own account stays one's own: an administrator does not read others' notifications.
  platform_admin: Object.fromEntries(
    OPERATIONS.filter((operation) => operation !== "account.manage").map((operation) => [operation, "everywhere"]),
  ),
  // A délégation départementale follows its départements; the region's list is the regional officers'.
  ars_officer: { "workspace.read": "region", "review.comment": "region", "portfolio.read": "region", "prsObjective.manage": "region" },
  // The ministry, the national health agency: read every region, change nothing.
  national_reader: { "workspace.read": "everywhere", "portfolio.read": "everywhere" },
  coordinator: {
    "workspace.read": "territory",
    "contract.edit": "territory",
    "fiche.edit": "territory",
    "member.manage": "territory",
    "auditLog.read": "territory",
    "review.answer": "territory",
  },
  contributor: { "workspace.read": "territory", "fiche.edit": "pilotedFiche" },
  partner: { "workspace.read": "partnerOrganisation", "commitment.edit": "organisation" },
};

"use server";

import { confirmAccessRequest, refuseAccessRequest } from "@/lib/access-requests/mutations";
import { serverAction } from "@/lib/actions/server";
import { inviteMember, revokeInvitation } from "@/lib/invitations/mutations";
import { changeMemberRole, revokeMember } from "@/lib/memberships/mutations";

export const inviteMemberAction = serverAction(inviteMember);
export const revokeInvitationAction = serverAction(revokeInvitation);
export const changeMemberRoleAction = serverAction(changeMemberRole);
export const revokeMemberAction = serverAction(revokeMember);
export const confirmAccessRequestAction = serverAction(confirmAccessRequest);
export const refuseAccessRequestAction = serverAction(refuseAccessRequest);

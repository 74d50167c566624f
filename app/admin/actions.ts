"use server";

import { serverAction } from "@/lib/actions/server";
import { inviteMember, revokeInvitation } from "@/lib/invitations/mutations";
import { revokeMember } from "@/lib/memberships/mutations";
import { createOrganisation } from "@/lib/organisations/mutations";
import { createRegion } from "@/lib/regions/mutations";
import { createTerritory, updateTerritory } from "@/lib/territories/mutations";

export const createRegionAction = serverAction(createRegion);
export const createTerritoryAction = serverAction(createTerritory);
export const updateTerritoryAction = serverAction(updateTerritory);
export const createOrganisationAction = serverAction(createOrganisation);
export const inviteAnyoneAction = serverAction(inviteMember);
export const revokeAnyMemberAction = serverAction(revokeMember);
export const revokeAnyInvitationAction = serverAction(revokeInvitation);

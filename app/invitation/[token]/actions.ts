"use server";

import { serverAction } from "@/lib/actions/server";
import { acceptInvitation, registerWithInvitation } from "@/lib/invitations/mutations";

export const acceptInvitationAction = serverAction(acceptInvitation, { refreshPage: false });
export const registerWithInvitationAction = serverAction(registerWithInvitation, { refreshPage: false });

// The scope loader of the invitation link's actions: holding an open link is the authorization.
import { NotFoundError } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { findOpenInvitation } from "./queries";

export async function loadOpenInvitationResource(db: Db, token: string) {
  if (!(await findOpenInvitation(db, token))) throw new NotFoundError();
  // Holding the link is the authorization; the operation is granted to anyone.
  return {};
}

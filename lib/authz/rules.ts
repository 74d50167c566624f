// Who may do what, as data. An operation absent from every role an actor holds is denied:
// adding an operation without granting it anywhere makes it unreachable, never open.
import type { MembershipRole } from "@/lib/db/generated/enums";

export const OPERATIONS = ["health.read", "publishedContract.read"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** "anyone" covers every visitor, signed in or not. */
export type Role = "anyone" | MembershipRole;

export const GRANTS: Record<Role, readonly Operation[]> = {
  anyone: ["health.read", "publishedContract.read"],
  platform_admin: [],
  ars_officer: [],
  coordinator: [],
  contributor: [],
  partner: [],
};

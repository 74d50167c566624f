import type { Prisma } from "@/lib/db/generated/client";

/** A pending request as the members page shows it to the territory's coordinators. */
export const pendingAccessRequestSelect = {
  id: true,
  siret: true,
  version: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
  proposedOrganisation: { select: { id: true, name: true, siren: true } },
} satisfies Prisma.AccessRequestSelect;

/** An agent's own request, as the page where they send it lists them. */
export const ownAccessRequestSelect = {
  id: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  territory: { select: { name: true } },
  proposedOrganisation: { select: { name: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.AccessRequestSelect;

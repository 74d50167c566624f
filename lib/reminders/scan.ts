// The daily scan: what fell due today or before, posted as notifications to whoever must act.
// A fiche's measurements, milestones and assessments (lib/due) go to its pilot, or to the
// territory's coordinators when no member pilots it; a commitment whose fiche has ended, not
// completed, goes to its organisation's partners in that territory. Posting is idempotent
// (lib/notifications/post.ts), so the scan may run again, or on several instances.
import type { Db } from "@/lib/db/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { Prisma } from "@/lib/db/generated/client";
import { ficheLabel } from "@/lib/contracts/labels";
import { contractDueSelect, dueItemsOfFiche, ficheDueSelect, LIVE_CONTRACT_STATUSES } from "@/lib/due/selects";
import type { DueItem } from "@/lib/due/schedule";
import { dueItemPath } from "@/lib/due/paths";
import { isoDay } from "@/lib/format";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify, type NewNotification } from "@/lib/notifications/post";

const PAGE_SIZE = 500;
const PILOT_ROLES: MembershipRole[] = ["coordinator", "contributor"];

const DUE_NOTIFICATION_KINDS: Record<DueItem["kind"], NotificationKind> = {
  measurement: "measurement_due",
  milestone: "milestone_due",
  assessment: "assessment_due",
};

const scannedFicheSelect = {
  id: true,
  number: true,
  title: true,
  pilotUserId: true,
  ...ficheDueSelect,
  contract: { select: { id: true, territoryId: true, territory: { select: { slug: true, name: true } }, ...contractDueSelect } },
} satisfies Prisma.FicheActionSelect;

export type ScanCounts = { fiches: number; posted: number };

/** Posts what fell due on or before `today`; returns how many fiches were read and notices were new. */
export async function scanDueItems(db: Db, today: Date): Promise<ScanCounts> {
  const counts: ScanCounts = { fiches: 0, posted: 0 };
  for (let after: string | undefined; ;) {
    const fiches = await db.ficheAction.findMany({
      relationLoadStrategy: "join",
      where: { deletedAt: null, contract: { status: { in: [...LIVE_CONTRACT_STATUSES] } }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      select: scannedFicheSelect,
    });
    if (fiches.length === 0) break;
    counts.fiches += fiches.length;
    counts.posted += await notify(db, await ficheNotifications(db, fiches, today));
    after = fiches.at(-1)!.id;
  }
  for (let after: string | null = "00000000-0000-0000-0000-000000000000"; after;) {
    const { notices, last } = await overdueCommitmentNotifications(db, today, after);
    counts.posted += await notify(db, notices);
    after = last;
  }
  return counts;
}

type ScannedFiche = Prisma.FicheActionGetPayload<{ select: typeof scannedFicheSelect }>;

async function ficheNotifications(db: Db, fiches: ScannedFiche[], today: Date): Promise<NewNotification[]> {
  const memberships = await db.membership.findMany({
    where: {
      territoryId: { in: [...new Set(fiches.map((fiche) => fiche.contract.territoryId))] },
      role: { in: PILOT_ROLES },
      user: { disabledAt: null },
    },
    select: { userId: true, territoryId: true, role: true },
  });
  const membersOf = (territoryId: string) => memberships.filter((membership) => membership.territoryId === territoryId);

  return fiches.flatMap((fiche) => {
    const items = dueItemsOfFiche(fiche, fiche.contract, today, 0);
    if (items.length === 0) return [];
    const members = membersOf(fiche.contract.territoryId);
    // The pilot acts while they are still a member of the territory; otherwise its coordinators do.
    const recipients = members.some((member) => member.userId === fiche.pilotUserId)
      ? [fiche.pilotUserId!]
      : members.filter((member) => member.role === "coordinator").map((member) => member.userId);
    const place = { territorySlug: fiche.contract.territory.slug, contractId: fiche.contract.id, ficheId: fiche.id };
    const context = `${ficheLabel(fiche.number)}\u00a0: ${fiche.title} · ${fiche.contract.territory.name}`;
    return recipients.flatMap((userId) =>
      items.map((item) => ({
        userId,
        kind: DUE_NOTIFICATION_KINDS[item.kind],
        // An assessment is the fiche's, once per campaign; the others are their own record's, once per due date.
        ...(item.kind === "assessment"
          ? { subjectId: fiche.id, period: item.subjectId }
          : { subjectId: item.subjectId, period: isoDay(item.dueOn)! }),
        title: item.label,
        context,
        href: dueItemPath(place, item),
        dueOn: item.dueOn,
      })),
    );
  });
}

type OverdueCommitmentRow = {
  commitmentId: string;
  organisationId: string;
  territoryId: string;
  endsOn: Date;
  ficheNumber: number;
  ficheTitle: string;
  territoryName: string;
  description: string;
};

/**
 * A page of the commitments not completed (nor abandoned) whose fiche has ended, after the id
 * `after`, as notices to the partners of their organisation in the contract's territory.
 */
async function overdueCommitmentNotifications(
  db: Db,
  today: Date,
  after: string,
): Promise<{ notices: NewNotification[]; last: string | null }> {
  const page = await db.$queryRaw<OverdueCommitmentRow[]>`
    SELECT k."id" AS "commitmentId", k."organisationId", c."territoryId", f."endsOn", f."number" AS "ficheNumber",
           f."title" AS "ficheTitle", t."name" AS "territoryName", k."description"
    FROM "Commitment" k
    LEFT JOIN "OperationalObjective" ob ON ob."id" = k."objectiveId"
    JOIN "FicheAction" f ON f."id" = COALESCE(k."ficheId", ob."ficheId")
    JOIN "Contract" c ON c."id" = f."contractId"
    JOIN "Territory" t ON t."id" = c."territoryId"
    WHERE k."status" NOT IN ('completed', 'abandoned')
      AND f."deletedAt" IS NULL AND ob."deletedAt" IS NULL
      AND f."endsOn" < ${today}
      AND c."status"::text IN (${Prisma.join([...LIVE_CONTRACT_STATUSES])})
      -- A partner reads no draft (lib/workspaces/resource.ts isDraftContract): no reminder to a page they cannot open.
      AND c."visibility" <> 'draft'
      AND k."id" > ${after}::uuid
    ORDER BY k."id" LIMIT ${PAGE_SIZE}`;
  if (page.length === 0) return { notices: [], last: null };
  const partners = await db.membership.findMany({
    where: {
      role: "partner",
      user: { disabledAt: null },
      OR: page.map(({ territoryId, organisationId }) => ({ territoryId, organisationId })),
    },
    select: { userId: true, territoryId: true, organisationId: true },
  });
  const notices = page.flatMap((row) =>
    partners
      .filter((partner) => partner.territoryId === row.territoryId && partner.organisationId === row.organisationId)
      .map((partner) => ({
        userId: partner.userId,
        kind: "commitment_overdue" as const,
        subjectId: row.commitmentId,
        period: isoDay(row.endsOn)!,
        title: row.description,
        context: `${ficheLabel(row.ficheNumber)}\u00a0: ${row.ficheTitle} · ${row.territoryName}`,
        href: `/engagements/${row.commitmentId}`,
        dueOn: row.endsOn,
      })),
  );
  return { notices, last: page.at(-1)!.commitmentId };
}

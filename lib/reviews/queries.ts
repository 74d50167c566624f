// Reads of the review workflow: a contract's threads (with their target's name and their latest
// comments) and stages, the open items a territory's coordinators have to answer, and the count
// of open items per contract the regional portfolio shows. Each is one SQL statement; callers
// have authorized the contract or territory first (workspace.read), as the page loaders do.
import { territoryResource, type TerritoryScope } from "@/lib/workspaces/resource";
import { assertCan, type Actor } from "@/lib/authz";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReviewStageState, ReviewSubjectKind, ReviewTargetKind, ReviewThreadStatus } from "@/lib/db/generated/enums";
import { reviewTargetLabel, type ReviewTargetNames } from "./labels";

/** Comments a thread shows at most: its latest. */
export const REVIEW_COMMENTS_SHOWN = 50;
/** Threads a contract page lists at most, open ones first. */
export const REVIEW_THREADS_SHOWN = 200;
/** Open items a workspace lists at most, oldest first. */
export const OPEN_REVIEW_ITEMS_SHOWN = 50;

export type ReviewComment = { id: string; body: string; createdAt: Date; fromAgency: boolean; author: string | null };

export type ReviewThreadView = {
  id: string;
  contractId: string;
  contractTitle: string;
  territorySlug: string;
  targetKind: ReviewTargetKind;
  targetId: string;
  targetLabel: string;
  status: ReviewThreadStatus;
  version: number;
  createdAt: Date;
  resolvedAt: Date | null;
  comments: ReviewComment[];
  /** Comments beyond those shown. */
  hiddenComments: number;
};

type ThreadRow = Omit<ReviewThreadView, "targetLabel" | "comments" | "hiddenComments"> &
  Omit<ReviewTargetNames, "targetKind"> & {
    commentCount: number;
    comments: Array<Omit<ReviewComment, "createdAt"> & { createdAt: string }>;
  };

type ThreadFilter = { contractId: string; targetId?: string } | { territoryId: string; openOnly: true };

/** Threads, each with its target's name and its latest comments (oldest first), in one statement. */
export async function listReviewThreads(db: Db | Tx, filter: ThreadFilter): Promise<ReviewThreadView[]> {
  const where =
    "territoryId" in filter
      ? Prisma.sql`c."territoryId" = ${filter.territoryId}::uuid AND t.status = 'open'`
      : filter.targetId
        ? Prisma.sql`t."contractId" = ${filter.contractId}::uuid AND t."targetId" = ${filter.targetId}::uuid`
        : Prisma.sql`t."contractId" = ${filter.contractId}::uuid`;
  const limit = "territoryId" in filter ? OPEN_REVIEW_ITEMS_SHOWN : REVIEW_THREADS_SHOWN;
  const rows = await db.$queryRaw<ThreadRow[]>`
    SELECT t.id, t."contractId", c.title AS "contractTitle", tr.slug AS "territorySlug",
      t."targetKind", t."targetId", t.status, t.version, t."createdAt", t."resolvedAt",
      a.number AS "axisNumber", a."isTransversal" AS "axisTransversal", a.title AS "axisTitle",
      f.number AS "ficheNumber", f.title AS "ficheTitle", e.kind AS "campaignKind", am.number AS "amendmentNumber",
      (SELECT count(*)::int FROM "ReviewComment" n WHERE n."threadId" = t.id) AS "commentCount",
      coalesce((
        SELECT json_agg(latest ORDER BY latest."createdAt", latest.id)
        FROM (
          SELECT rc.id, rc.body, rc."createdAt", rc."fromAgency", coalesce(u.name, u.email) AS author
          FROM "ReviewComment" rc LEFT JOIN "User" u ON u.id = rc."authorId"
          WHERE rc."threadId" = t.id
          ORDER BY rc."createdAt" DESC, rc.id DESC
          LIMIT ${REVIEW_COMMENTS_SHOWN}
        ) latest
      ), '[]') AS comments
    FROM "ReviewThread" t
    JOIN "Contract" c ON c.id = t."contractId"
    JOIN "Territory" tr ON tr.id = c."territoryId"
    LEFT JOIN "Axis" a ON t."targetKind" = 'axis' AND a.id = t."targetId"
    LEFT JOIN "FicheAction" f ON t."targetKind" = 'fiche' AND f.id = t."targetId"
    LEFT JOIN "EvaluationCampaign" e ON t."targetKind" = 'campaign' AND e.id = t."targetId"
    LEFT JOIN "Amendment" am ON t."targetKind" = 'amendment' AND am.id = t."targetId"
    WHERE ${where}
    ORDER BY (t.status = 'open') DESC, t."createdAt" ${"territoryId" in filter ? Prisma.sql`ASC` : Prisma.sql`DESC`}, t.id
    LIMIT ${limit}`;
  return rows.map(
    ({
      axisNumber,
      axisTransversal,
      axisTitle,
      ficheNumber,
      ficheTitle,
      campaignKind,
      amendmentNumber,
      commentCount,
      comments,
      ...thread
    }) => ({
      ...thread,
      targetLabel: reviewTargetLabel({
        ...{ targetKind: thread.targetKind, axisNumber, axisTransversal, axisTitle },
        ...{ ficheNumber, ficheTitle, campaignKind, amendmentNumber },
      }),
      comments: comments.map((comment) => ({ ...comment, createdAt: new Date(comment.createdAt) })),
      hiddenComments: Math.max(0, commentCount - comments.length),
    }),
  );
}

const stageSelect = {
  id: true,
  contractId: true,
  subjectKind: true,
  subjectId: true,
  state: true,
  version: true,
  submittedAt: true,
  decidedAt: true,
  contract: { select: { title: true, territory: { select: { slug: true } } } },
} satisfies Prisma.ReviewStageSelect;

export type ReviewStageView = Prisma.ReviewStageGetPayload<{ select: typeof stageSelect }>;

/** A contract's stages (the draft's, one per campaign report: a handful). */
export function listContractReviewStages(db: Db | Tx, contractId: string): Promise<ReviewStageView[]> {
  return db.reviewStage.findMany({
    relationLoadStrategy: "join",
    where: { contractId },
    orderBy: { createdAt: "asc" },
    select: stageSelect,
  });
}

/** The state of a subject's stage, not_submitted when it has none; and its version (0 then). */
export function stageOf(
  stages: readonly ReviewStageView[],
  subjectKind: ReviewSubjectKind,
  subjectId: string,
): { stage: ReviewStageView | null; state: ReviewStageState; version: number } {
  const stage = stages.find((candidate) => candidate.subjectKind === subjectKind && candidate.subjectId === subjectId) ?? null;
  return { stage, state: stage?.state ?? "not_submitted", version: stage?.version ?? 0 };
}

export type OpenReviewItems = { threads: ReviewThreadView[]; stages: ReviewStageView[] };

/**
 * What a territory's coordinators have to answer: open threads, and stages where the agency
 * asked for changes or has yet to decide. Two statements, bounded; the territory is the one the
 * workspace page authorized, and only those who answer reviews get them.
 */
export async function listTerritoryOpenReviews(db: Db, actor: Actor, territory: TerritoryScope): Promise<OpenReviewItems> {
  assertCan(actor, "review.answer", territoryResource(territory));
  const [threads, stages] = await Promise.all([
    listReviewThreads(db, { territoryId: territory.id, openOnly: true }),
    db.reviewStage.findMany({
      relationLoadStrategy: "join",
      where: { contract: { territoryId: territory.id }, state: { in: ["changes_requested", "submitted"] } },
      orderBy: { updatedAt: "asc" },
      take: OPEN_REVIEW_ITEMS_SHOWN,
      select: stageSelect,
    }),
  ]);
  return { threads, stages };
}

/**
 * Open review items per contract, for the regional portfolio: open threads plus stages awaiting
 * the agency's opinion. One statement; contracts with none are absent from the map.
 */
/**
 * The open review items of the contract `contractId` names (a column or a value): open threads
 * and stages awaiting the agency's opinion. An SQL expression, for lists that read it per row.
 */
export const openReviewItemsCount = (contractId: Prisma.Sql) => Prisma.sql`(
  (SELECT count(*) FROM "ReviewThread" r WHERE r.status = 'open' AND r."contractId" = ${contractId})
  + (SELECT count(*) FROM "ReviewStage" r WHERE r.state = 'submitted' AND r."contractId" = ${contractId})
)::int`;

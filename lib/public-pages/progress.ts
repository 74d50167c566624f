// Where a published contract stands, as its public pages show it: each published fiche's status
// and progress, read from its public version (PublicFiche.content, never the live fiche), rolled up
// by axis and for the contract as the workspace does (lib/contracts/progress.ts). Weights are not
// public: the public averages are plain ones, so they can differ from the workspace's when a
// coordinator weights fiches or objectives.
import { z } from "zod";
import { contractProgress, ficheProgress, isInPlan } from "@/lib/contracts/progress";
import { achievementByAxis, fichesByStatus, type BarRow, type DashboardAxis, type StackedRow } from "@/lib/dashboards/series";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ProgressStatus } from "@/lib/db/generated/enums";
import { queryJsonRows } from "@/lib/db/json-rows";

/** A status and a progress as the public content stores them (a fiche's or an objective's values), unread. */
type StoredProgress = { status?: unknown; progress?: unknown };

const status = z.enum(ProgressStatus);
const percent = z.number().int().min(0).max(100);

export type PublicFicheProgress = { status: ProgressStatus; progress: number; closedOn?: Date | null };

/**
 * A published fiche's status and progress from its public values: its objectives' average when it
 * has some that give one, else its own (lib/contracts/progress.ts, without weights); null when its
 * public version holds no readable status.
 */
export function publicFicheProgress(values: StoredProgress, objectives: readonly StoredProgress[]): PublicFicheProgress | null {
  const ficheStatus = status.safeParse(values.status);
  if (!ficheStatus.success) return null;
  const own = percent.safeParse(values.progress);
  const counted = objectives.flatMap((objective) => {
    const progress = percent.safeParse(objective.progress);
    const objectiveStatus = status.safeParse(objective.status);
    return progress.success ? [{ progress: progress.data, weight: null, status: objectiveStatus.data }] : [];
  });
  return {
    status: ficheStatus.data,
    progress: ficheProgress({ progress: own.success ? own.data : 0, weight: null, objectives: counted }),
  };
}

type FicheRow = { ficheId: string; values: StoredProgress; objectives: StoredProgress[]; closedOn: Date | null };

/**
 * The status and progress of the published fiches a public page lists (`fiches`, already filtered
 * by `publicFichesWhere`), by fiche id: one query whatever their number, reading only these fields
 * of their public content, and the day a signed amendment closed the fiche, if one did (public in
 * the amendment's history): a closed fiche counts in no roll-up.
 */
export async function listPublicFicheProgress(contract: {
  id: string;
  publicFiches: ReadonlyArray<{ ficheId: string }>;
}): Promise<Map<string, PublicFicheProgress>> {
  const ids = contract.publicFiches.map((fiche) => fiche.ficheId);
  if (!ids.length) return new Map();
  const rows = await queryJsonRows<FicheRow>(
    getDb(),
    Prisma.sql`
      SELECT p."ficheId",
        jsonb_build_object('status', p.content->'values'->'status', 'progress', p.content->'values'->'progress') AS values,
        coalesce((
          SELECT jsonb_agg(jsonb_build_object('status', objective->'values'->'status', 'progress', objective->'values'->'progress'))
          FROM jsonb_array_elements(p.content->'objectives') objective
        ), '[]'::jsonb) AS objectives,
        f."closedOn"
      FROM "PublicFiche" p
      JOIN "FicheAction" f ON f.id = p."ficheId"
      WHERE p."contractId" = ${contract.id}::uuid AND p."ficheId" = ANY(${ids}::uuid[])`,
  );
  return new Map(
    rows.flatMap((row) => {
      const progress = publicFicheProgress(row.values, row.objectives);
      return progress ? [[row.ficheId, { ...progress, closedOn: row.closedOn }] as const] : [];
    }),
  );
}

export type PublicProgress = {
  /** Published fiches whose status the public version gives, still in the plan. */
  fiches: number;
  /** Published fiches a signed amendment closed: listed, counted in nothing else. */
  closed: number;
  /**
   * Whether one of them says it has begun (a status other than « Non commencée », or some progress).
   * Until one does, the figures say nothing a sentence does not: the real contracts' fiches, whose
   * sources state no progress, keep the status a new fiche starts with.
   */
  started: boolean;
  /** The contract's progress: the plain average of its axes that hold fiches; null when none counts. */
  overall: number | null;
  achievementByAxis: { rows: BarRow[]; summary: string };
  fichesByStatus: { rows: StackedRow[]; summary: string };
};

/** The contract's roll-up from its published fiches' progress (`listPublicFicheProgress`). */
export function publicProgress(
  axes: ReadonlyArray<Omit<DashboardAxis, "fiches">>,
  fiches: ReadonlyArray<{ ficheId: string; axisId: string }>,
  progress: ReadonlyMap<string, PublicFicheProgress>,
): PublicProgress {
  const byAxis: DashboardAxis[] = axes.map((axis) => ({
    ...axis,
    fiches: fiches.flatMap((fiche) => {
      const found = fiche.axisId === axis.id ? progress.get(fiche.ficheId) : undefined;
      // Each fiche's progress is already rolled up from its objectives.
      return found ? [{ ...found, weight: null, objectives: [] }] : [];
    }),
  }));
  return {
    fiches: byAxis.reduce((sum, axis) => sum + axis.fiches.filter(isInPlan).length, 0),
    closed: byAxis.reduce((sum, axis) => sum + axis.fiches.filter((fiche) => !isInPlan(fiche)).length, 0),
    started: byAxis.some((axis) => axis.fiches.some((fiche) => isInPlan(fiche) && (fiche.status !== "not_started" || fiche.progress > 0))),
    overall: contractProgress(byAxis),
    achievementByAxis: achievementByAxis(byAxis),
    fichesByStatus: fichesByStatus(byAxis),
  };
}

import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { ficheListPage, readFicheListParams } from "./fiche-list";

const fiche = (number: number, title: string, status: "not_started" | "in_progress" = "in_progress") => ({ number, title, status });
const axes = [
  { id: "00000000-0000-4000-8000-000000000001", fiches: [fiche(1, "Accès aux soins"), fiche(2, "Santé mentale", "not_started")] },
  { id: "00000000-0000-4000-8000-000000000002", fiches: Array.from({ length: 30 }, (_, index) => fiche(index + 3, "Prévention")) },
];

describe("readFicheListParams", () => {
  it("reads a value that cannot be a filter as no filter", () => {
    expect(readFicheListParams({ axe: "1; DROP TABLE", statut: "lost", page: "-4", q: "\u0000" })).toEqual({ page: 1 });
    expect(readFicheListParams({ axe: [axes[0].id, "x"], statut: "not_started", page: "2", q: " santé " })).toEqual({
      axe: axes[0].id,
      statut: "not_started",
      page: 2,
      q: "santé",
    });
  });
});

describe("ficheListPage", () => {
  it("groups a page of fiches by axis, and counts every page", () => {
    const first = ficheListPage(axes, { page: 1 });
    expect(first.total).toBe(32);
    expect(first.pageCount).toBe(2);
    expect(first.groups.map((group) => [group.axis.id, group.fiches.length])).toEqual([
      [axes[0].id, 2],
      [axes[1].id, PAGE_SIZE - 2],
    ]);
    const second = ficheListPage(axes, { page: 2 });
    expect(second.groups).toEqual([{ axis: axes[1], fiches: axes[1].fiches.slice(PAGE_SIZE - 2) }]);
  });

  it("keeps the fiches of an axis, of a status, or holding every word of a search", () => {
    expect(ficheListPage(axes, { page: 1, axe: axes[0].id }).total).toBe(2);
    expect(ficheListPage(axes, { page: 1, statut: "not_started" }).groups).toEqual([{ axis: axes[0], fiches: [axes[0].fiches[1]] }]);
    expect(ficheListPage(axes, { page: 1, q: "SANTE mentale" }).total).toBe(1);
    expect(ficheListPage(axes, { page: 1, q: "12" }).groups[0].fiches.map((kept) => kept.number)).toEqual([12]);
    expect(ficheListPage(axes, { page: 3 })).toEqual({ groups: [], total: 32, pageCount: 2 });
  });
});

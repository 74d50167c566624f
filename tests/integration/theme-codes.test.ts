// Issue 15 made themes a controlled list: the free themes saved before become codes once, the
// published version follows, and a value naming no theme leaves a trace in the fiche's history.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { convertFreeThemes, themeCodeOf } from "@/lib/fiches/themes";
import { publishAllFiches } from "@/lib/publication/publish";
import { createContractWithStructure } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
let fiches: Array<{ id: string }>;

beforeAll(async () => {
  const { contract } = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 2 });
  fiches = await db().ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" }, select: { id: true } });
  await db().ficheAction.update({
    where: { id: fiches[0].id },
    data: { themes: ["santé mentale", "Accès aux soins", "Prévention", "mobility", "SANTE MENTALE"] },
  });
  await db().ficheAction.update({ where: { id: fiches[1].id }, data: { themes: ["mobility"] } });
  await db().$transaction((tx) => publishAllFiches(tx, contract.id, { userId: null }));
  // Edited since its publication: the public's version keeps the themes it froze.
  await db().ficheAction.update({ where: { id: fiches[1].id }, data: { themes: ["Santé mentale"] } });
});

describe("free themes turned into codes", () => {
  it("reads labels, their beginnings and usual synonyms, whatever accents and case", () => {
    expect(themeCodeOf("Santé Mentale")).toBe("mental_health");
    expect(themeCodeOf("accès aux soins")).toBe("access_to_care");
    expect(themeCodeOf("Personnes âgées")).toBe("ageing_carers");
    expect(themeCodeOf("Enfance, jeunesse, parentalité, périnatalité")).toBe("childhood_youth");
    expect(themeCodeOf("sexual_health")).toBe("sexual_health");
    expect(themeCodeOf("Prévention")).toBeNull();
    expect(themeCodeOf("santé")).toBeNull();
  });

  it("rewrites a fiche's themes and its published version once, and says in its history what was dropped", async () => {
    expect(await convertFreeThemes(db())).toBe(2);
    const fiche = await db().ficheAction.findUniqueOrThrow({ where: { id: fiches[0].id }, select: { themes: true } });
    expect(fiche.themes).toEqual(["mental_health", "access_to_care", "mobility"]);
    const published = await db().publicFiche.findUniqueOrThrow({
      where: { ficheId: fiches[0].id },
      select: { content: true, themes: true },
    });
    expect(published.themes).toEqual(["mental_health", "access_to_care", "mobility"]);
    const content = published.content as { values: { themes: string[] }; shown: { themes: string } };
    expect(content.values.themes).toEqual(["mental_health", "access_to_care", "mobility"]);
    expect(content.shown.themes).toBe("Santé mentale\u00a0; Accès aux soins et attractivité\u00a0; Mobilité");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: fiches[0].id, action: "fiche.themes.convert" } });
    expect(audit.changes).toEqual({
      themes: {
        before: "santé mentale ; Accès aux soins ; Prévention ; mobility ; SANTE MENTALE",
        after: "Santé mentale ; Accès aux soins et attractivité ; Mobilité",
      },
    });
    expect(await convertFreeThemes(db())).toBe(0);
  });

  it("converts a published version from the themes it froze, not from its fiche's edits since", async () => {
    const fiche = await db().ficheAction.findUniqueOrThrow({ where: { id: fiches[1].id }, select: { themes: true } });
    expect(fiche.themes).toEqual(["mental_health"]);
    const published = await db().publicFiche.findUniqueOrThrow({ where: { ficheId: fiches[1].id }, select: { themes: true } });
    expect(published.themes).toEqual(["mobility"]);
  });
});

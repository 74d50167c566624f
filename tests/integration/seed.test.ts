import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loadDemoData, readDemoData } from "@/lib/seed/demo-data";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();
beforeAll(() => loadDemoData(getDb()));

/** Every row of every table, as JSON, in a stable order. */
async function snapshot(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT to_jsonb(t) AS row FROM "${name}" t ORDER BY to_jsonb(t)::text`);
      result[name] = rows.map((row) => row.row);
    }
    return result;
  } finally {
    await client.end();
  }
}

describe("demo data", () => {
  it("holds the five territories with their regions", async () => {
    const territories = await getDb().territory.findMany({
      orderBy: { slug: "asc" },
      select: { slug: true, region: { select: { slug: true } } },
    });
    expect(territories).toEqual([
      { slug: "creusot-montceau", region: { slug: "bourgogne-franche-comte" } },
      { slug: "lens-lievin", region: { slug: "hauts-de-france" } },
      { slug: "pays-ruffecois", region: { slug: "nouvelle-aquitaine" } },
      { slug: "romans-sur-isere", region: { slug: "auvergne-rhone-alpes" } },
      { slug: "rosny-sous-bois", region: { slug: "ile-de-france" } },
    ]);
    const regions = await getDb().region.findMany({ select: { ars: { select: { kind: true } } } });
    expect(regions.map((region) => region.ars?.kind)).toEqual(["ars", "ars", "ars", "ars", "ars"]);
  });

  it("records Romans-sur-Isère's 5 axes and 10 numbered fiches as the source gives them", async () => {
    const contract = await getDb().contract.findFirstOrThrow({
      where: { territory: { slug: "romans-sur-isere" } },
      include: { axes: { orderBy: { position: "asc" }, include: { fiches: { orderBy: { number: "asc" } } } }, signatories: true },
    });
    expect(contract.axes.map((axis) => axis.fiches.map((fiche) => fiche.number))).toEqual([[1], [2], [3], [4, 5, 6], [7, 8, 9, 10]]);
    expect(contract.axes[3].fiches[1].title).toBe("Lutter contre les violences conjugales");
    expect(contract.durationMonths).toBe(60);
    expect(contract.diagnosisYear).toBe(2020);
    expect(contract.signatories).toHaveLength(10);
  });

  it("records a count, not invented fiches, where the source only counts them", async () => {
    const contracts = await getDb().contract.findMany({
      where: { territory: { slug: { in: ["rosny-sous-bois", "creusot-montceau"] } } },
      select: { declaredFicheCount: true, _count: { select: { fiches: true, axes: true } }, territory: { select: { slug: true } } },
    });
    expect(contracts.map((c) => [c.territory.slug, c.declaredFicheCount, c._count.fiches, c._count.axes]).sort()).toEqual([
      ["creusot-montceau", 15, 0, 4],
      ["rosny-sous-bois", 31, 0, 6],
    ]);
  });

  it("keeps Rosny-sous-Bois's dates, and its parties as partners since the text names no signatory", async () => {
    const contract = await getDb().contract.findFirstOrThrow({
      where: { territory: { slug: "rosny-sous-bois" } },
      include: { signatories: true, partners: true },
    });
    expect([contract.signatories.length, contract.partners.length]).toEqual([0, 8]);
    expect(contract.councilAdoptedOn?.toISOString().slice(0, 10)).toBe("2019-09-26");
    expect(contract.signedOn?.toISOString().slice(0, 10)).toBe("2019-10-28");
  });

  it("marks transversal axes as such", async () => {
    const axes = await getDb().axis.findMany({
      where: { isTransversal: true },
      select: { title: true, number: true, contract: { select: { territory: { select: { slug: true } } } } },
    });
    expect(axes.map((axis) => [axis.contract.territory.slug, axis.number, axis.title]).sort()).toEqual([
      ["lens-lievin", null, "L’accès aux soins des personnes en situation de handicap"],
      ["lens-lievin", null, "L’accès aux soins des populations vieillissantes"],
      ["pays-ruffecois", null, "La mobilité"],
    ]);
  });

  it("records the Pays Ruffécois working-group meetings with their dates", async () => {
    const groups = await getDb().workingGroup.findMany({
      where: { contract: { territory: { slug: "pays-ruffecois" } } },
      orderBy: { position: "asc" },
      select: { name: true, meetings: { orderBy: { heldOn: "asc" }, select: { heldOn: true } } },
    });
    expect(groups.map((group) => [group.name, group.meetings.length])).toEqual([
      ["Accès soins / droits", 5],
      ["Mieux vieillir", 2],
      ["Acteurs de sa santé (prévention et promotion de la santé)", 5],
      ["Mobilité", 0],
    ]);
    expect(groups[1].meetings.map((meeting) => meeting.heldOn.toISOString().slice(0, 10))).toEqual(["2014-10-01", "2014-10-14"]);
    const minutes = await getDb().meeting.count({
      where: { contract: { territory: { slug: "pays-ruffecois" } }, minutesDocument: { kind: "minutes" } },
    });
    expect(minutes).toBe(12);
  });

  it("changes nothing when loaded a second time", async () => {
    const before = await snapshot(database().url);
    await loadDemoData(getDb());
    const after = await snapshot(database().url);
    expect(after).toEqual(before);
    expect(before.FicheAction).toHaveLength(10);
  });

  it("cites its source text in every contract file and says what it took from elsewhere", async () => {
    const { contracts } = await readDemoData();
    expect(contracts).toHaveLength(5);
    for (const file of contracts) {
      expect(file.source).toMatch(/^shared\/seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
      expect(file.notes.length).toBeGreaterThan(0);
    }
  });
});

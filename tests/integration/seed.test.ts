import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { listContractAmendments } from "@/lib/amendments/queries";
import { actorForUser } from "@/lib/auth/actor";
import { listPartnerCommitments } from "@/lib/commitments/queries";
import { getDb } from "@/lib/db/client";
import { addMonths } from "@/lib/due/schedule";
import { evaluationDay, evaluationFigures } from "@/lib/evaluations/figures";
import { readCampaignEvaluation } from "@/lib/evaluations/read";
import { listPilotedFiches } from "@/lib/fiches/queries";
import { loadDemoData, readDemoData, type DemoData } from "@/lib/seed/demo-data";
import { contractFileSchema } from "@/lib/seed/schema";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();
// The fictional territory's dates count from the load day: fixed here, a month's last day.
const TODAY = new Date("2026-03-31T00:00:00Z");
let data: DemoData;
beforeAll(async () => {
  data = await readDemoData();
  await loadDemoData(getDb(), { data, today: TODAY });
});

const FICTIONAL = "territoire-de-demonstration";
const fictionalFile = () => data.contracts.find((file) => file.fictional)!;
const fictionalFiches = () => fictionalFile().contract.axes.flatMap((axis) => axis.fiches);
const accountOf = (role: string) => data.accounts.accounts.find((account) => account.role === role && account.territory === FICTIONAL)!;
const actorOf = async (email: string) => actorForUser((await getDb().user.findUniqueOrThrow({ where: { email } })).id);

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
  it("holds the five real territories and the fictional one, with their regions", async () => {
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
      { slug: "territoire-de-demonstration", region: { slug: "bourgogne-franche-comte" } },
    ]);
    const regions = await getDb().region.findMany({ select: { ars: { select: { kind: true } } } });
    expect(regions.map((region) => region.ars?.kind)).toEqual(["ars", "ars", "ars", "ars", "ars"]);
  });

  it("gives each territory its official codes from the State's reference, and the fictional one a département of its region", async () => {
    const territories = await getDb().territory.findMany({
      orderBy: { slug: "asc" },
      select: { slug: true, departmentCodes: true, inseeCode: true, siren: true, communeCodes: true },
    });
    const codes = Object.fromEntries(
      territories.map(({ slug, communeCodes, ...rest }) => [slug, { ...rest, communes: communeCodes.length }]),
    );
    expect(codes).toEqual({
      "creusot-montceau": { departmentCodes: ["71"], inseeCode: null, siren: "247100290", communes: 34 },
      "lens-lievin": { departmentCodes: ["62"], inseeCode: null, siren: "246200364", communes: 36 },
      // The source names no member commune: the département alone.
      "pays-ruffecois": { departmentCodes: ["16"], inseeCode: null, siren: null, communes: 0 },
      "romans-sur-isere": { departmentCodes: ["26"], inseeCode: "26281", siren: null, communes: 1 },
      "rosny-sous-bois": { departmentCodes: ["93"], inseeCode: "93064", siren: null, communes: 1 },
      "territoire-de-demonstration": { departmentCodes: ["21"], inseeCode: null, siren: null, communes: 0 },
    });
    expect(fictionalFile().notes.some((note) => note.includes("Côte-d’Or (21)") && note.includes("fictional choice"))).toBe(true);
  });

  it("gives the délégation départementale's demo account the Côte-d’Or, and the national reader no scope", async () => {
    const memberships = await getDb().membership.findMany({
      where: { user: { email: { in: ["ars-cote-d-or@bourgogne-franche-comte.test", "lecteur-national@opencls.test"] } } },
      orderBy: { role: "asc" },
      select: { role: true, departmentCodes: true, regionId: true },
    });
    expect(memberships.map(({ role, departmentCodes, regionId }) => ({ role, departmentCodes, region: Boolean(regionId) }))).toEqual([
      { role: "ars_officer", departmentCodes: ["21"], region: true },
      { role: "national_reader", departmentCodes: [], region: false },
    ]);
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
    // Public documents: their fiches are published as the source gives them.
    const published = await getDb().publicFiche.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
    expect(published.map((fiche) => fiche.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(published[4].title).toBe("Lutter contre les violences conjugales");
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

  it("changes nothing when loaded a second time, even on a later day", async () => {
    const before = await snapshot(database().url);
    await loadDemoData(getDb(), { data, today: new Date("2026-05-12T00:00:00Z") });
    const after = await snapshot(database().url);
    expect(after).toEqual(before);
    expect(before.FicheAction).toHaveLength(data.contracts.flatMap((file) => file.contract.axes.flatMap((axis) => axis.fiches)).length);
  });

  it("cites its source text in every real contract file and says what it took from elsewhere", async () => {
    const real = data.contracts.filter((file) => !file.fictional);
    expect(real).toHaveLength(5);
    for (const file of real) {
      expect(file.source).toMatch(/^shared\/seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
      expect(file.notes.length).toBeGreaterThan(0);
    }
  });
});

describe("the fictional territory", () => {
  it("is the only fictional contract file, and says so on its public record", async () => {
    expect(data.contracts.filter((file) => file.fictional).map((file) => file.territory.slug)).toEqual([FICTIONAL]);
    const contract = await getDb().contract.findFirstOrThrow({
      where: { territory: { slug: FICTIONAL } },
      select: { summary: true, visibility: true, startsOn: true, endsOn: true, territory: { select: { name: true } } },
    });
    expect(contract.territory.name).toBe("Territoire de démonstration");
    expect(contract.summary).toMatch(/^Contrat fictif/);
    expect(contract.visibility).toBe("published");
    expect(contract.startsOn! < TODAY && TODAY < contract.endsOn!).toBe(true);
  });

  it("holds the fiches, objectives, commitments, indicators and measurements its file describes", async () => {
    const fiches = fictionalFiches();
    const objectives = fiches.flatMap((fiche) => fiche.objectives);
    const indicators = fiches.flatMap((fiche) => fiche.indicators);
    const expected = {
      fiches: fiches.length,
      objectives: objectives.length,
      commitments: objectives.flatMap((objective) => objective.commitments).length,
      indicators: indicators.length,
      measurements: indicators.flatMap((indicator) => indicator.measurements).length,
    };
    const inTerritory = { contract: { territory: { slug: FICTIONAL } } };
    const db = getDb();
    const held = {
      fiches: await db.ficheAction.count({ where: inTerritory }),
      objectives: await db.operationalObjective.count({ where: { fiche: inTerritory } }),
      commitments: await db.commitment.count({ where: { objective: { fiche: inTerritory } } }),
      indicators: await db.indicator.count({ where: { fiche: inTerritory } }),
      measurements: await db.measurement.count({ where: { indicator: { fiche: inTerritory } } }),
    };
    expect(held).toEqual(expected);
    expect(Object.values(held).every((count) => count > 0)).toBe(true);
  });

  it("gives its contributor the fiches they pilot, with measurements and milestones late, due soon and up to date", async () => {
    const contributor = accountOf("contributor");
    const piloted = fictionalFiches().filter((fiche) => fiche.pilot?.account === contributor.email);
    const { entries, total } = await listPilotedFiches(await actorOf(contributor.email), { page: 1 }, TODAY);
    expect(entries.map((entry) => entry.number)).toEqual(piloted.map((fiche) => fiche.number));
    expect(total).toBe(piloted.length);
    const due = entries.flatMap((entry) => entry.due);
    expect(due.some((item) => item.kind === "measurement" && item.overdue)).toBe(true);
    expect(due.some((item) => item.kind === "measurement" && !item.overdue)).toBe(true);
    expect(due.some((item) => item.kind === "milestone" && item.overdue)).toBe(true);
    expect(due.some((item) => item.kind === "milestone" && !item.overdue)).toBe(true);
    // Some indicators are measured on time, some milestones done: not everything is due.
    const indicators = piloted.flatMap((fiche) => fiche.indicators);
    expect(due.filter((item) => item.kind === "measurement").length).toBeLessThan(indicators.length);
    const milestones = piloted.flatMap((fiche) => fiche.milestones);
    expect(due.filter((item) => item.kind === "milestone").length).toBeLessThan(milestones.length);
  });

  it("gives its partner their organisation's commitments, reported or not, one on a fiche past its end", async () => {
    const partner = accountOf("partner");
    const committed = fictionalFiches()
      .flatMap((fiche) => fiche.objectives.flatMap((objective) => objective.commitments))
      .filter((commitment) => commitment.organisation === partner.organisation);
    const { entries, total } = await listPartnerCommitments(await actorOf(partner.email), { page: 1 });
    expect(total).toBe(committed.length);
    expect(entries.map((entry) => entry.description).sort()).toEqual(committed.map((commitment) => commitment.description).sort());
    expect(entries.some((entry) => entry.reportedAt)).toBe(true);
    expect(entries.some((entry) => !entry.reportedAt)).toBe(true);

    const reports = await getDb().commitment.findMany({
      where: { id: { in: entries.map((entry) => entry.id) } },
      select: {
        status: true,
        financialAmount: true,
        comment: true,
        commentedOn: true,
        reportedBy: { select: { email: true } },
        objective: { select: { fiche: { select: { endsOn: true } } } },
      },
    });
    expect(reports.some((report) => report.financialAmount && report.comment && report.commentedOn)).toBe(true);
    expect(reports.filter((report) => report.reportedBy).every((report) => report.reportedBy!.email === partner.email)).toBe(true);
    expect(reports.some((report) => report.objective!.fiche.endsOn! < TODAY && report.status !== "completed")).toBe(true);
  });
});

describe("the fictional territory's amendments", () => {
  it("hold a signed amendment adding its mental-health fiche, read between the contract as signed and as amended", async () => {
    const contract = await getDb().contract.findFirstOrThrow({ where: { territory: { slug: FICTIONAL } }, select: { id: true } });
    const { amendments, signature } = await listContractAmendments(getDb(), contract.id);
    expect(signature).toMatchObject({ reason: "signature" });
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({ number: 1, status: "signed", signedOn: addMonths(TODAY, -22), base: { id: signature!.id } });
    expect(amendments[0].diff.added.map((fiche) => fiche.number)).toEqual([5]);
    expect(amendments[0].diff.changed).toEqual([]);
    // Only the fictional file holds any.
    expect(await getDb().amendment.count({ where: { contract: { territory: { slug: { not: FICTIONAL } } } } })).toBe(0);
  });

  it("record each signatory's signature of it, and give them to an amendment loaded before they were recorded", async () => {
    const signed = await getDb().amendment.findFirstOrThrow({
      where: { contract: { territory: { slug: FICTIONAL } } },
      select: { id: true },
    });
    const signatures = () =>
      getDb().amendmentSignature.findMany({
        where: { amendmentId: signed.id },
        orderBy: { organisation: { name: "asc" } },
        select: {
          signedOn: true,
          signerTitle: true,
          deliberationReference: true,
          deliberationDate: true,
          organisation: { select: { name: true } },
        },
      });
    const recorded = await signatures();
    expect(recorded.map((signature) => signature.organisation.name)).toEqual([
      "Agence régionale de santé Bourgogne-Franche-Comté",
      "Caisse primaire d’assurance maladie de démonstration",
      "Communauté de communes du Territoire de démonstration",
    ]);
    expect(recorded.every((signature) => signature.signedOn.getTime() === addMonths(TODAY, -22).getTime())).toBe(true);
    expect(recorded[2]).toMatchObject({ deliberationReference: "DEL-DEMO-2024-17", deliberationDate: addMonths(TODAY, -23) });
    await getDb().amendmentSignature.deleteMany({ where: { amendmentId: signed.id } });
    await loadDemoData(getDb(), { data, today: TODAY });
    expect(await signatures()).toEqual(recorded);
  });
});

describe("the fictional territory's evaluation life", () => {
  const inTerritory = { contract: { territory: { slug: FICTIONAL } } };
  const campaignOf = (kind: "mid_term" | "final") => getDb().evaluationCampaign.findFirstOrThrow({ where: { ...inTerritory, kind } });
  const readCampaign = async (kind: "mid_term" | "final") => {
    const campaign = await campaignOf(kind);
    return readCampaignEvaluation(getDb(), campaign.contractId, campaign.id, TODAY);
  };

  it("closed its mid-term campaign through a real snapshot, with an assessment of every fiche, spending, contributions and meetings", async () => {
    const campaign = await campaignOf("mid_term");
    expect(campaign).toMatchObject({ status: "closed", periodStart: addMonths(TODAY, -42), periodEnd: addMonths(TODAY, -18) });
    expect(campaign.closedAt!.toISOString().slice(0, 10)).toBe(addMonths(TODAY, -15).toISOString().slice(0, 10));
    const snapshot = await getDb().contractSnapshot.findUniqueOrThrow({
      where: { id: campaign.snapshotId! },
      select: { reason: true, createdBy: { select: { email: true } } },
    });
    expect(snapshot).toEqual({ reason: "campaign_close", createdBy: { email: accountOf("coordinator").email } });

    const read = await readCampaign("mid_term");
    expect(read.campaign.snapshotVersion).toBe(1);
    expect(read.content.fiches).toHaveLength(fictionalFiches().length);
    expect(read.evaluation.assessments.map((assessment) => assessment.ficheId).sort()).toEqual(
      read.content.fiches.map((fiche) => fiche.id).sort(),
    );
    expect(read.evaluation.assessments.every((assessment) => assessment.realisationStatus && assessment.criteria.relevance.comment)).toBe(
      true,
    );
    const figures = evaluationFigures(read, evaluationDay(read.campaign, TODAY));
    expect(Number(figures.budgetTotal.spent)).toBeGreaterThan(0);
    expect(Number(figures.budgetTotal.spent)).toBeLessThan(Number(figures.budgetTotal.planned));
    expect(figures.budget.length).toBeGreaterThanOrEqual(4);
    expect(read.evaluation.contributions.length).toBeGreaterThan(0);
    // The meetings of its period, up to its closing day: not the later ones.
    const kinds = read.evaluation.meetings.map((meeting) => meeting.kind);
    expect(kinds.filter((kind) => kind === "copil").length).toBeGreaterThanOrEqual(2);
    expect(read.evaluation.meetings.every((meeting) => meeting.heldOn <= campaign.closedAt!.toISOString().slice(0, 10))).toBe(true);
    // Its indicators are read as of its closing day, whatever was measured since.
    expect(figures.indicators.every((indicator) => !indicator.latestOn || indicator.latestOn <= campaign.closedAt!)).toBe(true);
  });

  it("keeps its final campaign open, with assessments due on the contributor's fiches and contributions expected of the partner", async () => {
    const campaign = await campaignOf("final");
    expect(campaign.status).toBe("open");
    expect(campaign.opensOn! <= TODAY && TODAY <= campaign.closesOn!).toBe(true);
    const read = await readCampaign("final");
    const assessed = read.evaluation.assessments.length;
    expect(assessed).toBeGreaterThan(0);
    expect(assessed).toBeLessThan(read.content.fiches.length);

    const contributor = accountOf("contributor");
    const { entries } = await listPilotedFiches(await actorOf(contributor.email), { page: 1 }, TODAY);
    expect(entries.some((entry) => entry.due.some((item) => item.kind === "assessment" && item.subjectId === campaign.id))).toBe(true);

    const partner = accountOf("partner");
    const commitments = await getDb().commitment.findMany({
      where: { organisation: { name: partner.organisation }, objective: { fiche: inTerritory } },
      select: { contributions: { where: { campaignId: campaign.id }, select: { reportedBy: { select: { email: true } } } } },
    });
    expect(commitments.some((commitment) => commitment.contributions.length === 0)).toBe(true);
    expect(commitments.some((commitment) => commitment.contributions[0]?.reportedBy?.email === partner.email)).toBe(true);
  });

  it("holds three years of measurements: indicators on track, late, and one without a baseline that cannot be judged", async () => {
    const span = await getDb().measurement.aggregate({
      where: { indicator: { fiche: inTerritory } },
      _min: { measuredOn: true },
      _max: { measuredOn: true },
    });
    expect(span._min.measuredOn! <= addMonths(TODAY, -36)).toBe(true);
    expect(span._max.measuredOn! >= addMonths(TODAY, -1)).toBe(true);
    const { indicators } = evaluationFigures(await readCampaign("final"), TODAY);
    const standings = new Set(indicators.map((indicator) => indicator.judgement.standing));
    expect([...standings]).toEqual(expect.arrayContaining(["on_track", "late"]));
    expect(indicators.some((indicator) => indicator.judgement.reason === "no_baseline")).toBe(true);
  });

  it("links its fiches to the findings they answer and leaves some findings without action; no real contract links any", async () => {
    const findings = await getDb().diagnosisFinding.findMany({
      where: { contract: { territory: { slug: FICTIONAL } } },
      orderBy: { position: "asc" },
      select: { position: true, fiches: { select: { fiche: { select: { number: true } } } } },
    });
    expect(findings.map((finding) => finding.fiches.map(({ fiche }) => fiche.number))).toEqual([[1], [2], [3], [4], [5], [], []]);
    expect(await getDb().ficheFinding.count({ where: { fiche: { contract: { territory: { slug: { not: FICTIONAL } } } } } })).toBe(0);
  });

  it("gives every fiche budget lines by funder", async () => {
    const fiches = await getDb().ficheAction.findMany({
      where: inTerritory,
      select: { budgetLines: { select: { funderId: true, fundingInstrument: true, amount: true } } },
    });
    expect(
      fiches.every((fiche) => fiche.budgetLines.length > 0 && fiche.budgetLines.every((line) => line.funderId && line.amount.gt(0))),
    ).toBe(true);
  });

  it("meets in COPIL and COTECH over the three years, with attendances by organisation, minutes and decisions", async () => {
    const meetings = await getDb().meeting.findMany({
      where: { ...inTerritory, kind: { in: ["copil", "cotech"] } },
      select: { kind: true, heldOn: true, minutes: true, decisions: true, attendances: { select: { attendeeCount: true } } },
    });
    const copil = meetings.filter((meeting) => meeting.kind === "copil");
    expect(copil.length).toBeGreaterThanOrEqual(2);
    expect(meetings.filter((meeting) => meeting.kind === "cotech").length).toBeGreaterThanOrEqual(3);
    expect(meetings.every((meeting) => meeting.minutes && meeting.decisions && meeting.attendances.length > 0)).toBe(true);
    expect(meetings.flatMap((meeting) => meeting.attendances).every((attendance) => attendance.attendeeCount! > 0)).toBe(true);
    const days = meetings.map((meeting) => meeting.heldOn.getTime());
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(3 * 365 * 86_400_000);
  });

  it("is the only contract with an evaluation: the real contracts have no campaign, assessment, contribution, budget or meeting account", async () => {
    const real = { contract: { territory: { slug: { not: FICTIONAL } } } };
    const db = getDb();
    const held = {
      campaigns: await db.evaluationCampaign.count({ where: real }),
      snapshots: await db.contractSnapshot.count({ where: { ...real, reason: { not: "publication" } } }),
      assessments: await db.ficheAssessment.count({ where: { fiche: real } }),
      contributions: await db.commitmentContribution.count({ where: { campaign: real } }),
      budgetLines: await db.budgetLine.count({ where: { fiche: real } }),
      meetingAccounts: await db.meeting.count({
        where: { ...real, OR: [{ minutes: { not: null } }, { decisions: { not: null } }, { attendances: { some: {} } }] },
      }),
      governanceMeetings: await db.meeting.count({ where: { ...real, kind: { not: "working_group" } } }),
    };
    expect(held).toEqual({
      campaigns: 0,
      snapshots: 0,
      assessments: 0,
      contributions: 0,
      budgetLines: 0,
      meetingAccounts: 0,
      governanceMeetings: 0,
    });
    expect(await db.contract.count({ where: real.contract })).toBe(5);
  });

  it("refuses an evaluation in a real contract's file", async () => {
    const real = data.contracts.find((file) => !file.fictional)!;
    expect(contractFileSchema.safeParse(real).success).toBe(true);
    expect(contractFileSchema.safeParse({ ...real, campaigns: [] }).success).toBe(false);
    expect(contractFileSchema.safeParse({ ...real, meetings: [] }).success).toBe(false);
  });
});

// Renewal (issue 16, part 2): « Préparer le contrat suivant » makes a draft contract of the next
// generation that records the one it follows, with the axes and fiches the coordinator carries
// over, each fiche a copy walked from the catalogues that continues the earlier one; a contract
// has one next contract only; the renewal is audited; and a fiche's earlier generations are read
// back in one statement however many there are.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { createFiche } from "@/lib/fiches/mutations";
import { FICHE_FIELD_LIST } from "@/lib/fiches/schema";
import { ficheFormSelect, ficheFormValues } from "@/lib/fiches/queries";
import { FICHE_PERIOD_FIELDS, OBJECTIVE_PERIOD_FIELDS } from "@/lib/renewal/copy";
import { renewContract } from "@/lib/renewal/mutations";
import { getRenewalForm, listEarlierGenerations } from "@/lib/renewal/queries";
import { createContract, createOrganisation, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const run = (actor: Actor, input: unknown) => executeAction(renewContract, { db: db(), actor, ip: "192.0.2.1" }, input);

let territory: { id: string; slug: string; regionId: string };
let coordinator: Actor;
let contributor: Actor;
let foreignCoordinator: Actor;
let organisations: string[];
let prsObjective: string;

async function member(role: "coordinator" | "contributor", territoryId: string) {
  const user = await db().user.create({
    data: { email: `${role}-${randomUUID()}@exemple.test`, memberships: { create: { role, territoryId } } },
  });
  return actorForUser(user.id);
}

/** A signed contract of `generation` with two axes (and a transversal one), fiches in each, one rich fiche in the first. */
async function endingContract(generation: number, status: "signed" | "preparation" | "final_evaluation" = "final_evaluation") {
  const contract = await createContract(db(), { territoryId: territory.id, generation, status, title: `CLS ${generation}` });
  const axisIds = [];
  for (const [index, title] of ["Accès aux soins", "Prévention", "Mobilité"].entries())
    axisIds.push(
      (
        await db().axis.create({
          data: { contractId: contract.id, position: index + 1, number: index < 2 ? index + 1 : null, title, isTransversal: index === 2 },
        })
      ).id,
    );
  const finding = await db().diagnosisFinding.create({ data: { contractId: contract.id, position: 1, text: "Peu de médecins" } });
  const created = await executeAction(
    createFiche,
    { db: db(), actor: coordinator, ip: null },
    {
      contractId: contract.id,
      axisId: axisIds[0],
      number: "4",
      title: "Attirer des médecins",
      context: "Un médecin sur trois a plus de 60 ans.",
      generalObjective: "Maintenir l’offre de soins.",
      description: "Accueil d’internes.",
      targetPublic: "Internes",
      geographicScope: "communes",
      geographicScopeDetail: "Bourg et alentours",
      pilotOrganisationId: organisations[0],
      pilotContactName: "Camille Martin",
      pilotContactEmail: "camille@exemple.test",
      priority: "high",
      weight: "2",
      status: "in_progress",
      progress: "60",
      startsOn: "2022-01-01",
      endsOn: "2025-12-31",
      findingIds: finding.id,
      prsObjectiveId: prsObjective,
      determinants: "Offre de soins\nAttractivité",
      themes: ["access_to_care"],
      partners: [{ organisationId: organisations[1], role: "Accueil des internes" }],
      milestones: [{ title: "Ouverture du centre", dueOn: "2024-06-30", doneOn: "2024-07-02" }],
      budgetLines: [{ funderId: organisations[1], fundingInstrument: "FIR", year: "2024", amount: "12 000" }],
      objectives: [
        {
          title: "Accueillir dix internes par an",
          description: "Logement et tutorat",
          dueOn: "2025-06-30",
          status: "completed",
          progress: "100",
          weight: "3",
          commitments: [{ organisationId: organisations[1], description: "Loger les internes" }],
        },
      ],
    },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const rich = (created.data as { ficheId: string }).ficheId;
  const indicator = await db().indicator.create({ data: { ficheId: rich, name: "Internes accueillis", level: "process" } });
  await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: new Date("2024-12-31"), value: 8 } });
  const other = await db().ficheAction.create({
    data: { contractId: contract.id, axisId: axisIds[1], number: 5, title: "Bouger plus", status: "completed", progress: 100 },
  });
  const left = await db().ficheAction.create({ data: { contractId: contract.id, axisId: axisIds[1], number: 6, title: "Non reprise" } });
  return { contract, axisIds, ficheIds: { rich, other: other.id, left: left.id } };
}

beforeAll(async () => {
  territory = await createTerritory(db());
  coordinator = await member("coordinator", territory.id);
  contributor = await member("contributor", territory.id);
  foreignCoordinator = await member("coordinator", (await createTerritory(db())).id);
  organisations = (await Promise.all([0, 1].map(() => createOrganisation(db())))).map((organisation) => organisation.id);
  prsObjective = (await db().prsObjective.create({ data: { regionId: territory.regionId, code: "3.1", label: "Attractivité médicale" } }))
    .id;
});

describe("preparing the next contract", () => {
  it("makes a draft of the next generation that follows the ending contract, with the axes and fiches chosen", async () => {
    const ending = await endingContract(1);
    const result = await run(coordinator, {
      contractId: ending.contract.id,
      title: "CLS de 2e génération",
      axisIds: [ending.axisIds[0], ending.axisIds[1], ending.axisIds[2]],
      ficheIds: [ending.ficheIds.other, ending.ficheIds.rich],
    });
    expect(result).toMatchObject({ ok: true, message: "Le contrat suivant est créé, en préparation." });
    const next = await db().contract.findFirstOrThrow({
      where: { previousContractId: ending.contract.id },
      include: {
        axes: { orderBy: { position: "asc" } },
        fiches: { orderBy: { number: "asc" }, include: { indicators: true, findings: true, objectives: true } },
      },
    });
    expect(next).toMatchObject({ title: "CLS de 2e génération", generation: 2, status: "preparation", visibility: "draft" });
    expect(next.axes.map((axis) => [axis.position, axis.number, axis.title, axis.isTransversal])).toEqual([
      [1, 1, "Accès aux soins", false],
      [2, 2, "Prévention", false],
      [3, null, "Mobilité", true],
    ]);
    // Numbered anew in the order of their axes; each continues the fiche it was copied from.
    expect(next.fiches.map((fiche) => [fiche.number, fiche.title, fiche.continuesFicheId, fiche.axisId])).toEqual([
      [1, "Attirer des médecins", ending.ficheIds.rich, next.axes[0].id],
      [2, "Bouger plus", ending.ficheIds.other, next.axes[1].id],
    ]);
    // Statuses start afresh; indicators (and their measurements) and the ending diagnosis's findings stay behind.
    expect(next.fiches.map((fiche) => [fiche.status, fiche.progress])).toEqual([
      ["not_started", 0],
      ["not_started", 0],
    ]);
    expect(next.fiches[0].indicators).toEqual([]);
    expect(next.fiches[0].findings).toEqual([]);
    expect(next.fiches[0].objectives.map((objective) => [objective.title, objective.status, objective.progress, objective.dueOn])).toEqual([
      ["Accueillir dix internes par an", "not_started", 0, null],
    ]);
  });

  it("copies every field of the catalogues but those of the ending period, walked as the form reads them", async () => {
    const ending = await endingContract(3);
    const result = await run(coordinator, {
      contractId: ending.contract.id,
      title: "CLS 4",
      axisIds: [ending.axisIds[0]],
      ficheIds: [ending.ficheIds.rich],
    });
    expect(result.ok).toBe(true);
    const copy = await db().ficheAction.findFirstOrThrow({ where: { continuesFicheId: ending.ficheIds.rich } });
    const [before, after] = await Promise.all(
      [ending.ficheIds.rich, copy.id].map(async (id) =>
        ficheFormValues(await db().ficheAction.findUniqueOrThrow({ where: { id }, select: ficheFormSelect }), { axisId: "" }),
      ),
    );
    const placed = new Set(["axisId", "number", "continuesFicheId", ...FICHE_PERIOD_FIELDS]);
    for (const { name } of FICHE_FIELD_LIST.filter((field) => !placed.has(field.name) && field.name !== "objectives"))
      expect([name, after[name as keyof typeof after]]).toEqual([name, before[name as keyof typeof before]]);
    const kept = (objective: (typeof before.objectives)[number]) =>
      Object.fromEntries(
        Object.entries(objective).filter(([key]) => key !== "id" && !(OBJECTIVE_PERIOD_FIELDS as readonly string[]).includes(key)),
      );
    expect(after.objectives.map(kept)).toEqual(before.objectives.map(kept));
    expect(after.objectives[0].commitments).toEqual([{ organisationId: organisations[1], description: "Loger les internes" }]);
    expect([after.status, after.progress, after.startsOn, after.endsOn, after.milestones, after.budgetLines, after.findingIds]).toEqual([
      "not_started",
      "0",
      "",
      "",
      [],
      [],
      [],
    ]);
  });

  it("records the renewal and each fiche carried over in the audit log", async () => {
    const ending = await endingContract(5);
    await run(coordinator, { contractId: ending.contract.id, title: "CLS 6", axisIds: ending.axisIds, ficheIds: [ending.ficheIds.rich] });
    const next = await db().contract.findFirstOrThrow({ where: { previousContractId: ending.contract.id }, include: { fiches: true } });
    const events = await db().auditEvent.findMany({
      where: { entityId: { in: [next.id, next.fiches[0].id] } },
      orderBy: { action: "asc" },
      select: { action: true, entityLabel: true, territoryId: true, changes: true },
    });
    expect(events.map((event) => [event.action, event.entityLabel, event.territoryId])).toEqual([
      ["contract.renew", "CLS 6", territory.id],
      ["fiche.renew", "Fiche n°\u00a01 Attirer des médecins", territory.id],
    ]);
    expect(events[0].changes).toMatchObject({
      previousContract: { before: null, after: "CLS 5" },
      fichesCarried: { before: null, after: "Fiche n°\u00a04 Attirer des médecins" },
    });
  });

  it("refuses a second next contract, in French, even when two renewals are sent at once", async () => {
    const ending = await endingContract(7);
    const input = { contractId: ending.contract.id, title: "CLS 8", axisIds: [ending.axisIds[0]], ficheIds: [] };
    const results = await Promise.all([run(coordinator, input), run(coordinator, { ...input, title: "CLS 8 bis" })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok)!;
    const winner = results[0].ok ? "CLS 8" : "CLS 8 bis";
    expect(refused).toMatchObject({ ok: false, reason: "refused" });
    expect(!refused.ok && refused.message).toBe(
      `Ce contrat a déjà un contrat suivant («\u00a0${winner}\u00a0»)\u00a0: un contrat n’en a qu’un. Modifiez celui-ci plutôt que d’en préparer un second.`,
    );
    expect(await run(coordinator, input)).toMatchObject({ ok: false, reason: "refused" });
    expect(await db().contract.count({ where: { previousContractId: ending.contract.id } })).toBe(1);
  });

  it("refuses a fiche whose axis stays behind, another contract's fiche, and a contract still in preparation", async () => {
    const ending = await endingContract(9);
    const orphan = await run(coordinator, {
      contractId: ending.contract.id,
      title: "CLS 10",
      axisIds: [ending.axisIds[0]],
      ficheIds: [ending.ficheIds.other],
    });
    expect(orphan).toMatchObject({ ok: false, fieldErrors: { ficheIds: expect.stringContaining("cochez aussi cet axe") } });
    const elsewhere = await endingContract(11);
    const foreign = await run(coordinator, {
      contractId: ending.contract.id,
      title: "CLS 10",
      axisIds: [ending.axisIds[0]],
      ficheIds: [elsewhere.ficheIds.rich],
    });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { ficheIds: "Choisissez des fiches de ce contrat (hors corbeille)." } });
    const draft = await endingContract(13, "preparation");
    expect(await run(coordinator, { contractId: draft.contract.id, title: "CLS 14", axisIds: [], ficheIds: [] })).toMatchObject({
      ok: false,
      reason: "refused",
    });
    expect(await db().contract.count({ where: { previousContractId: { in: [ending.contract.id, draft.contract.id] } } })).toBe(0);
  });

  it("is the territory's coordinators' only: a contributor and another territory's coordinator find nothing", async () => {
    const ending = await endingContract(15);
    const input = { contractId: ending.contract.id, title: "CLS 16", axisIds: [], ficheIds: [] };
    expect(await run(contributor, input)).toMatchObject({ ok: false, reason: "notFound" });
    expect(await run(foreignCoordinator, input)).toMatchObject({ ok: false, reason: "notFound" });
    await expect(getRenewalForm(contributor, territory.slug, ending.contract.id)).rejects.toThrow(NotFoundError);
    await expect(getRenewalForm(foreignCoordinator, territory.slug, ending.contract.id)).rejects.toThrow(NotFoundError);
    expect(await db().contract.count({ where: { previousContractId: ending.contract.id } })).toBe(0);
  });
});

describe("a fiche's earlier generations", () => {
  it("follows the chain back over every generation in one statement, the nearest first", async () => {
    const first = await endingContract(17);
    await run(coordinator, {
      contractId: first.contract.id,
      title: "CLS 18",
      axisIds: [first.axisIds[0]],
      ficheIds: [first.ficheIds.rich],
    });
    const second = await db().contract.findFirstOrThrow({
      where: { previousContractId: first.contract.id },
      include: { axes: true, fiches: true },
    });
    await db().contract.update({ where: { id: second.id }, data: { status: "signed" } });
    await run(coordinator, { contractId: second.id, title: "CLS 19", axisIds: [second.axes[0].id], ficheIds: [second.fiches[0].id] });
    const third = await db().ficheAction.findFirstOrThrow({ where: { continuesFicheId: second.fiches[0].id } });

    const { result, queries } = await countQueries(() => listEarlierGenerations(third.id, territory.id));
    expect(queries).toHaveLength(1);
    expect(result.map((fiche) => [fiche.generation, fiche.number, fiche.title, fiche.published])).toEqual([
      [18, 1, "Attirer des médecins", false],
      [17, 4, "Attirer des médecins", false],
    ]);
    // Public pages list only the generations with a public page of their own.
    expect(await listEarlierGenerations(third.id, territory.id, { publicOnly: true })).toEqual([]);
    // A link into another territory is not followed.
    expect(await listEarlierGenerations(third.id, (await createTerritory(db())).id)).toEqual([]);
  });

  it("reads the renewal form in one statement whatever the contract holds", async () => {
    const small = await createContract(db(), { territoryId: territory.id, generation: 30, status: "signed" });
    const large = await endingContract(31);
    const count = async (contractId: string) =>
      (await countQueries(() => getRenewalForm(coordinator, territory.slug, contractId))).queries.length;
    expect(await count(small.id)).toBe(await count(large.contract.id));
    const form = await getRenewalForm(coordinator, territory.slug, large.contract.id);
    expect(form.axes.map((axis) => axis.fiches.map((fiche) => fiche.number))).toEqual([[4], [5, 6], []]);
  });
});

// Governance meetings of a contract: coordinators record, edit and delete them, with attendance
// by organisation (each once, each known to the platform); partners and the ARS read them; other
// territories' ids are not found.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, executeFormAction, type ActionDefinition } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { createMeeting, deleteMeeting, updateMeeting } from "@/lib/meetings/mutations";
import { getContractGovernance, listContractMeetings } from "@/lib/meetings/queries";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, given raw input as a form would
const run = (definition: ActionDefinition<any, unknown>, actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

async function member(
  role: "partner" | "coordinator" | "ars_officer",
  scope: { territoryId?: string; regionId?: string; organisationId?: string },
) {
  const user = await db().user.create({ data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role, ...scope } } } });
  return actorForUser(user.id);
}

async function setting() {
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const contract = await createContract(db(), { territoryId: territory.id });
  const [cpam, caf] = await Promise.all([
    createOrganisation(db(), { name: `CPAM ${randomUUID()}` }),
    createOrganisation(db(), { name: `CAF ${randomUUID()}` }),
  ]);
  await db().signatory.create({ data: { contractId: contract.id, organisationId: cpam.id, position: 1 } });
  return { region, territory, contract, cpam, caf, coordinator: await member("coordinator", { territoryId: territory.id }) };
}

let world: Awaited<ReturnType<typeof setting>>;
const copil = (extra: Record<string, unknown> = {}) => ({
  contractId: world.contract.id,
  kind: "copil",
  heldOn: "2026-03-12",
  topic: "Bilan annuel",
  decisions: "Valider le programme 2026.\nOuvrir un groupe santé mentale.",
  minutes: "Présentation du bilan.",
  participantCount: "18",
  residentCount: "3",
  attendances: [
    { organisationId: world.cpam.id, attendeeCount: "2" },
    { organisationId: world.caf.id, attendeeCount: "" },
  ],
  ...extra,
});

beforeAll(async () => {
  world = await setting();
});

describe("meeting actions", () => {
  it("record a COPIL with its attendances, edit it from its version, and delete it, each audited", async () => {
    expect(await run(createMeeting, world.coordinator, copil())).toMatchObject({ ok: true });
    const meeting = await db().meeting.findFirstOrThrow({
      where: { contractId: world.contract.id, topic: "Bilan annuel" },
      include: { attendances: true },
    });
    expect(meeting.heldOn.toISOString()).toBe("2026-03-12T00:00:00.000Z");
    expect(meeting.attendances.map((row) => [row.organisationId, row.attendeeCount]).sort()).toEqual(
      [
        [world.cpam.id, 2],
        [world.caf.id, null],
      ].sort(),
    );

    const update = {
      meetingId: meeting.id,
      version: "1",
      kind: "cotech",
      heldOn: "2026-03-13",
      attendances: [{ organisationId: world.caf.id, attendeeCount: "4" }],
    };
    expect(await run(updateMeeting, world.coordinator, update)).toMatchObject({ ok: true });
    const updated = await db().meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { attendances: true } });
    expect(updated).toMatchObject({ kind: "cotech", version: 2, topic: null });
    expect(updated.attendances).toMatchObject([{ organisationId: world.caf.id, attendeeCount: 4 }]);
    expect(await run(updateMeeting, world.coordinator, update)).toMatchObject({ ok: false, reason: "conflict" });
    expect(await run(deleteMeeting, world.coordinator, { meetingId: meeting.id, version: "1" })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await run(deleteMeeting, world.coordinator, { meetingId: meeting.id, version: "2" })).toMatchObject({ ok: true });
    expect(await db().meeting.count({ where: { id: meeting.id } })).toBe(0);

    const events = await db().auditEvent.findMany({ where: { entityId: meeting.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => event.action)).toEqual(["meeting.create", "meeting.update", "meeting.delete"]);
    expect(JSON.stringify(events[1].changes)).toContain(world.caf.name);
  });

  it("refuse a missing date, an organisation named twice and an unknown organisation, at their fields", async () => {
    const missing = await run(createMeeting, world.coordinator, copil({ heldOn: "" }));
    expect(missing.ok ? {} : missing.fieldErrors).toMatchObject({ heldOn: "Saisissez la date de la réunion." });
    const twice = await run(
      createMeeting,
      world.coordinator,
      copil({ attendances: [{ organisationId: world.cpam.id }, { organisationId: world.cpam.id, attendeeCount: "1" }] }),
    );
    expect(twice.ok ? {} : twice.fieldErrors).toEqual({ "attendances.1.organisationId": "Cette organisation est déjà dans la liste." });
    const unknown = await run(createMeeting, world.coordinator, copil({ attendances: [{ organisationId: randomUUID() }] }));
    expect(unknown.ok ? {} : unknown.fieldErrors).toEqual({ "attendances.0.organisationId": "Cette organisation est introuvable." });
    const zero = await run(
      createMeeting,
      world.coordinator,
      copil({ attendances: [{ organisationId: world.caf.id, attendeeCount: "0" }] }),
    );
    expect(zero.ok ? {} : Object.keys(zero.fieldErrors ?? {})).toEqual(["attendances.0.attendeeCount"]);
    expect(await db().meeting.count({ where: { contractId: world.contract.id } })).toBe(0);
  });

  it("refuse attendance rows whose keys would pollute prototypes", async () => {
    for (const key of ["attendances.__proto__.organisationId", "attendances.0.constructor", "attendances.prototype.attendeeCount"]) {
      const form = new FormData();
      for (const [name, value] of Object.entries({ contractId: world.contract.id, kind: "copil", heldOn: "2026-01-01" }))
        form.set(name, value);
      form.set(key, world.cpam.id);
      const result = await executeFormAction(createMeeting as ActionDefinition, { db: db(), actor: world.coordinator, ip: null }, form);
      expect(result.ok, key).toBe(false);
    }
    expect(({} as Record<string, unknown>).organisationId).toBeUndefined();
    expect(await db().meeting.count({ where: { contractId: world.contract.id } })).toBe(0);
  });

  it("are refused to partners and the ARS, and another territory's meeting is not found", async () => {
    const partner = await member("partner", { territoryId: world.territory.id, organisationId: world.cpam.id });
    const ars = await member("ars_officer", { regionId: world.region.id });
    for (const actor of [partner, ars]) expect(await run(createMeeting, actor, copil())).toMatchObject({ ok: false, reason: "notFound" });

    const elsewhere = await setting();
    const foreign = await db().meeting.create({
      data: { contractId: elsewhere.contract.id, kind: "copil", heldOn: new Date("2026-01-01") },
    });
    expect(
      await run(updateMeeting, world.coordinator, { meetingId: foreign.id, version: "1", kind: "copil", heldOn: "2026-01-02" }),
    ).toMatchObject({ ok: false, reason: "notFound" });
    expect(await run(deleteMeeting, world.coordinator, { meetingId: foreign.id, version: "1" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(createMeeting, world.coordinator, copil({ contractId: elsewhere.contract.id }))).toMatchObject({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("meeting reads", () => {
  it("show the governance page to the ARS and the contract's partners read-only, in three queries, newest first", async () => {
    await run(createMeeting, world.coordinator, copil({ heldOn: "2025-01-10", topic: "Ancien" }));
    await run(createMeeting, world.coordinator, copil({ heldOn: "2026-06-10", topic: "Récent" }));
    const partner = await member("partner", { territoryId: world.territory.id, organisationId: world.cpam.id });
    const ars = await member("ars_officer", { regionId: world.region.id });
    for (const actor of [partner, ars]) {
      const { result, queries } = await countQueries(() =>
        getContractGovernance(actor, world.territory.slug, world.contract.id, { page: 1 }),
      );
      expect(queries).toHaveLength(3);
      expect(result.editable).toBe(false);
      expect(result.meetings.map((meeting) => meeting.topic)).toEqual(["Récent", "Ancien"]);
    }
    const coordinatorView = await getContractGovernance(world.coordinator, world.territory.slug, world.contract.id, { page: 1 });
    expect(coordinatorView.editable).toBe(true);
    expect(coordinatorView.parties).toEqual([{ value: world.cpam.id, label: world.cpam.name }]);

    const stranger = await member("partner", { territoryId: world.territory.id, organisationId: (await createOrganisation(db())).id });
    await expect(getContractGovernance(stranger, world.territory.slug, world.contract.id, { page: 1 })).rejects.toThrow();
    const elsewhere = await setting();
    await expect(getContractGovernance(world.coordinator, elsewhere.territory.slug, elsewhere.contract.id, { page: 1 })).rejects.toThrow();
  });

  it("list a period's meetings with their attendances in one query", async () => {
    const { result, queries } = await countQueries(() =>
      listContractMeetings(world.contract.id, { from: new Date("2026-01-01"), to: new Date("2026-12-31") }),
    );
    expect(queries).toHaveLength(1);
    expect(result.map((meeting) => meeting.topic)).toEqual(["Récent"]);
    expect(result[0].attendances.map((row) => row.organisation.name).sort()).toEqual([world.caf.name, world.cpam.name].sort());
  });
});

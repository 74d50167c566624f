// Amendments through executeAction against PostgreSQL: numbering and the one draft per contract,
// the contract as signed frozen at signature (or, for a contract signed before amendments, when
// its first amendment is created), the review workflow before signature, each signatory's
// signature then the amendment's, a snapshot per signed amendment, differences read between
// snapshots (added, changed field by field, closed), what the public may read of them, exports of
// the contract as of an amendment, an amendment's documents, and deleting a draft.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionDefinition } from "@/lib/actions/define";
import { buildAmendedContractDocument } from "@/lib/amendments/document";
import {
  createAmendment,
  deleteAmendment,
  markAmendmentFiche,
  recordAmendmentSignature,
  signAmendment,
  unmarkAmendmentFiche,
  updateAmendment,
} from "@/lib/amendments/mutations";
import { getAmendedContract, getAmendmentPage, listContractAmendments, listPublicAmendments } from "@/lib/amendments/queries";
import { actorForUser } from "@/lib/auth/actor";
import { ANONYMOUS, NotFoundError, type Actor } from "@/lib/authz";
import { amendmentSignatureSchema } from "@/lib/amendments/schema";
import { updateContract } from "@/lib/contracts/mutations";
import { createDocument, updateDocument } from "@/lib/documents/mutations";
import { getDb } from "@/lib/db/client";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import { publishFiches } from "@/lib/publication/mutations";
import { reportPdf } from "@/lib/reports/pdf";
import { reportWorkbook } from "@/lib/reports/xlsx";
import { approveReviewStage, requestReviewChanges, settleReviewThread, submitReviewStage } from "@/lib/reviews/mutations";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { readContractSnapshot } from "@/lib/snapshots/queries";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

setupAppDatabase();

const db = () => getDb();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, given raw input as a form would
const run = (definition: ActionDefinition<any, unknown>, actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

async function member(
  role: "coordinator" | "ars_officer" | "partner",
  scope: { territoryId?: string; regionId?: string; organisationId?: string },
) {
  const user = await db().user.create({ data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role, ...scope } } } });
  return { id: user.id, actor: await actorForUser(user.id) };
}

/** A territory with a contract in preparation (one axis, three fiches), its coordinator and the region's officer. */
async function setting() {
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const organisation = await createOrganisation(db());
  const cosignatory = await createOrganisation(db());
  const contract = await createContract(db(), { territoryId: territory.id, status: "preparation", visibility: "published" });
  await db().signatory.create({ data: { contractId: contract.id, organisationId: organisation.id, position: 1 } });
  await db().signatory.create({ data: { contractId: contract.id, organisationId: cosignatory.id, position: 2 } });
  const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Prévention" } });
  const fiche = (number: number, title: string) =>
    db().ficheAction.create({ data: { contractId: contract.id, axisId: axis.id, number, title, description: `Description ${number}` } });
  const fiches = [await fiche(1, "Ateliers nutrition"), await fiche(2, "Bus santé"), await fiche(3, "Sport sur ordonnance")];
  return {
    region,
    territory,
    organisation,
    cosignatory,
    contract,
    axis,
    fiches,
    coordinator: await member("coordinator", { territoryId: territory.id }),
    officer: await member("ars_officer", { regionId: region.id }),
  };
}

type Setting = Awaited<ReturnType<typeof setting>>;

/** The contract's coordinator signs it through its form: it leaves preparation. */
async function signContract(world: Setting) {
  const { version } = await db().contract.findUniqueOrThrow({ where: { id: world.contract.id }, select: { version: true } });
  const signed = await run(updateContract, world.coordinator.actor, {
    contractId: world.contract.id,
    version: String(version),
    title: world.contract.title,
    generation: "1",
    status: "signed",
    visibility: "published",
    signedOn: "2024-06-30",
    signatories: [
      { organisationId: world.organisation.id, signedOn: "2024-06-30" },
      { organisationId: world.cosignatory.id, signedOn: "2024-06-30" },
    ],
  });
  expect(signed).toMatchObject({ ok: true });
}

/** A setting whose contract its coordinator signed, with a draft amendment. */
async function signedWithDraft() {
  const world = await setting();
  await signContract(world);
  return { world, amendmentId: await newAmendment(world) };
}

const versionOf = async (amendmentId: string) =>
  String((await db().amendment.findUniqueOrThrow({ where: { id: amendmentId }, select: { version: true } })).version);

async function newAmendment(world: Setting, purpose = "Ajouter deux fiches, clore la troisième.") {
  const created = await run(createAmendment, world.coordinator.actor, { contractId: world.contract.id, purpose });
  if (!created.ok) throw new Error(`amendment not created: ${created.message}`);
  return (created.data as { amendmentId: string }).amendmentId;
}

async function mark(world: Setting, amendmentId: string, ficheId: string, change: string) {
  return run(markAmendmentFiche, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId), ficheId, change });
}

const stageOf = (amendmentId: string) =>
  db().reviewStage.findUnique({ where: { subjectKind_subjectId: { subjectKind: "amendment", subjectId: amendmentId } } });

/** Submitted by the coordinator, approved by the officer: ready to sign. */
async function approve(world: Setting, amendmentId: string) {
  expect(
    await run(submitReviewStage, world.coordinator.actor, { subjectKind: "amendment", subjectId: amendmentId, version: "0" }),
  ).toMatchObject({ ok: true });
  const stage = await stageOf(amendmentId);
  expect(await run(approveReviewStage, world.officer.actor, { stageId: stage!.id, version: String(stage!.version) })).toMatchObject({
    ok: true,
  });
}

/** Today in Paris, as a form sends it: no signature may precede the agency's opinion, given today in these tests. */
const TODAY = isoDay(todayInParis())!;

/** One signatory's signature, recorded from the version the page would show. */
async function recordSignature(world: Setting, amendmentId: string, organisationId: string, fields: Record<string, string>) {
  const current = await db().amendmentSignature.findUnique({ where: { amendmentId_organisationId: { amendmentId, organisationId } } });
  return run(recordAmendmentSignature, world.coordinator.actor, {
    amendmentId,
    organisationId,
    version: String(current?.version ?? 0),
    ...fields,
  });
}

/** Both signatories sign on `signedOn`, then the coordinator records the amendment's signature. */
async function sign(world: Setting, amendmentId: string, signedOn = TODAY) {
  for (const organisation of [world.organisation, world.cosignatory])
    expect(await recordSignature(world, amendmentId, organisation.id, { signedOn })).toMatchObject({ ok: true });
  return run(signAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) });
}

/** Two new fiches in the contract, as a coordinator creates them before adding them to the amendment. */
async function addFiches(world: Setting, numbers: number[]) {
  const created = [];
  for (const number of numbers)
    created.push(
      await db().ficheAction.create({
        data: { contractId: world.contract.id, axisId: world.axis.id, number, title: `Fiche ajoutée ${number}`, description: "Nouvelle" },
      }),
    );
  return created;
}

describe("the contract as signed", () => {
  let world: Setting;
  beforeAll(async () => {
    world = await setting();
  });

  it("an amendment needs a signed contract: a contract in preparation changes in its draft", async () => {
    expect(await run(createAmendment, world.coordinator.actor, { contractId: world.contract.id, purpose: "Trop tôt" })).toMatchObject({
      ok: false,
      reason: "refused",
      fieldErrors: { purpose: expect.stringContaining("pas encore signé") },
    });
  });

  it("signing the contract freezes it once in a signature snapshot, which its first amendment starts from", async () => {
    await signContract(world);
    const signature = await db().contractSnapshot.findMany({ where: { contractId: world.contract.id, reason: "signature" } });
    expect(signature).toHaveLength(1);
    expect((await readContractSnapshot(db(), signature[0].id)).content.fiches.map((fiche) => fiche.values.number)).toEqual([1, 2, 3]);
    // Saving the signed contract again takes no second one.
    await signContract(world);
    expect(await db().contractSnapshot.count({ where: { contractId: world.contract.id, reason: "signature" } })).toBe(1);

    const amendmentId = await newAmendment(world);
    expect(await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      number: 1,
      status: "draft",
      baseSnapshotId: signature[0].id,
    });
    const { amendments, signature: shown } = await listContractAmendments(db(), world.contract.id);
    expect(shown?.id).toBe(signature[0].id);
    expect(amendments[0].base).toMatchObject({ reason: "signature", asSigned: true });
  });

  it("a contract signed before amendments existed: its first amendment freezes the contract as it stands, and says so", async () => {
    const legacy = await setting();
    await db().contract.update({ where: { id: legacy.contract.id }, data: { status: "in_progress" } });
    const amendmentId = await newAmendment(legacy);
    const amendment = await db().amendment.findUniqueOrThrow({ where: { id: amendmentId }, include: { baseSnapshot: true } });
    expect(amendment.baseSnapshot.reason).toBe("amendment");
    const { amendments, signature } = await listContractAmendments(db(), legacy.contract.id);
    expect(signature).toBeNull();
    expect(amendments[0].base.asSigned).toBe(false);
  });
});

describe("numbering, review and signature", () => {
  let world: Setting;
  let first: string;
  beforeAll(async () => {
    ({ world, amendmentId: first } = await signedWithDraft());
  });

  it("one draft at a time per contract", async () => {
    expect(await run(createAmendment, world.coordinator.actor, { contractId: world.contract.id, purpose: "Un autre" })).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("déjà en préparation"),
    });
  });

  it("a fiche is added only if the contract before the amendment did not hold it, changed or closed only if it did", async () => {
    const [added] = await addFiches(world, [10]);
    expect(await mark(world, first, added.id, "closed")).toMatchObject({
      ok: false,
      fieldErrors: { change: expect.stringContaining("ajoute") },
    });
    expect(await mark(world, first, world.fiches[0].id, "added")).toMatchObject({
      ok: false,
      fieldErrors: { change: expect.stringContaining("modifie ou la close") },
    });
    expect(await mark(world, first, added.id, "added")).toMatchObject({ ok: true });
    expect(await mark(world, first, world.fiches[2].id, "closed")).toMatchObject({ ok: true });
    // Another contract's fiche is no fiche of this one.
    const other = await setting();
    expect(await mark(world, first, other.fiches[0].id, "changed")).toMatchObject({
      ok: false,
      fieldErrors: { ficheId: expect.any(String) },
    });
    expect(await run(unmarkAmendmentFiche, world.coordinator.actor, { amendmentId: first, version: "1", ficheId: added.id })).toMatchObject(
      {
        ok: false,
        reason: "conflict",
      },
    );
  });

  it("signing waits for the agency's favourable opinion; under review the draft does not change", async () => {
    expect(await recordSignature(world, first, world.organisation.id, { signedOn: TODAY })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: expect.stringContaining("avis favorable") },
    });
    expect(await run(signAmendment, world.coordinator.actor, { amendmentId: first, version: await versionOf(first) })).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("avis favorable"),
    });
    expect(
      await run(submitReviewStage, world.coordinator.actor, { subjectKind: "amendment", subjectId: first, version: "0" }),
    ).toMatchObject({ ok: true });
    // The agency hears of it, with a link to the amendment's own page.
    expect(await db().notification.findFirst({ where: { userId: world.officer.id, kind: "review_submitted" } })).toMatchObject({
      title: "Avenant n°\u00a01 «\u00a0Contrat local de santé\u00a0»",
      href: `/espace/${world.territory.slug}/contrats/${world.contract.id}/avenants/${first}#revue`,
    });
    const edit = await run(updateAmendment, world.coordinator.actor, {
      amendmentId: first,
      version: await versionOf(first),
      purpose: "Changé pendant l’examen",
    });
    expect(edit).toMatchObject({ ok: false, reason: "refused", message: expect.stringContaining("soumis à l’ARS") });

    // The agency asks for changes: its reason opens a thread on the amendment, which must be settled first.
    let stage = (await stageOf(first))!;
    expect(
      await run(requestReviewChanges, world.officer.actor, {
        stageId: stage.id,
        version: String(stage.version),
        reason: "Préciser le budget.",
      }),
    ).toMatchObject({ ok: true });
    const thread = await db().reviewThread.findFirstOrThrow({ where: { targetKind: "amendment", targetId: first } });
    expect(
      await run(updateAmendment, world.coordinator.actor, {
        amendmentId: first,
        version: await versionOf(first),
        purpose: "Ajouter une fiche, clore la troisième ; budget précisé.",
        councilAdoptedOn: "2025-02-10",
        deliberationReference: "DEL-2025-12",
      }),
    ).toMatchObject({ ok: true });
    stage = (await stageOf(first))!;
    expect(
      await run(submitReviewStage, world.coordinator.actor, { subjectKind: "amendment", subjectId: first, version: String(stage.version) }),
    ).toMatchObject({ ok: true });
    stage = (await stageOf(first))!;
    expect(await run(approveReviewStage, world.officer.actor, { stageId: stage.id, version: String(stage.version) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("discussion est encore ouverte"),
    });
    expect(await run(settleReviewThread, world.coordinator.actor, { threadId: thread.id, version: String(thread.version) })).toMatchObject({
      ok: true,
    });
    expect(await run(approveReviewStage, world.officer.actor, { stageId: stage.id, version: String(stage.version) })).toMatchObject({
      ok: true,
    });
    // Approved: what the agency read does not change any more.
    expect(await mark(world, first, world.fiches[1].id, "changed")).toMatchObject({
      ok: false,
      message: expect.stringContaining("avis favorable"),
    });
  });

  it("signing closes the fiches it closes, freezes the contract in a snapshot of its own, and numbers the next one 2", async () => {
    expect(await sign(world, first)).toMatchObject({ ok: true });
    const signed = await db().amendment.findUniqueOrThrow({ where: { id: first }, include: { snapshot: true } });
    expect(signed).toMatchObject({ status: "signed", signedById: world.coordinator.id });
    expect(signed.snapshot?.reason).toBe("amendment");
    expect(await db().ficheAction.findUniqueOrThrow({ where: { id: world.fiches[2].id } })).toMatchObject({
      closedOn: todayInParis(),
      closedByAmendmentId: first,
      deletedAt: null,
    });
    const frozen = await readContractSnapshot(db(), signed.snapshotId!);
    expect(frozen.content.fiches.find((fiche) => fiche.id === world.fiches[2].id)?.closedOn).toBe(TODAY);
    // A signed amendment is read-only and is no longer reviewed, its signatures included.
    expect(await run(signAmendment, world.coordinator.actor, { amendmentId: first, version: await versionOf(first) })).toMatchObject({
      ok: false,
    });
    expect(await recordSignature(world, first, world.organisation.id, { signedOn: TODAY })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: expect.stringContaining("signé") },
    });
    expect(
      await run(updateAmendment, world.coordinator.actor, { amendmentId: first, version: await versionOf(first), purpose: "Après coup" }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("signé") });

    const second = await newAmendment(world, "Prolonger le contrat d’un an.");
    const next = await db().amendment.findUniqueOrThrow({ where: { id: second } });
    expect(next).toMatchObject({ number: 2, baseSnapshotId: signed.snapshotId });
    expect(await db().auditEvent.count({ where: { entityId: first, action: { startsWith: "amendment." } } })).toBeGreaterThanOrEqual(4);
  });

  it("another territory's coordinator and the region's officer cannot act on the amendment", async () => {
    const other = await setting();
    expect(await run(updateAmendment, other.coordinator.actor, { amendmentId: first, version: "1", purpose: "Intrus" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(
      await run(createAmendment, world.officer.actor, { contractId: world.contract.id, purpose: "L’ARS ne prépare pas l’avenant" }),
    ).toMatchObject({ ok: false, reason: "notFound" });
  });
});

describe("differences and exports", () => {
  let world: Setting;
  let amendmentId: string;
  let added: Array<{ id: string }>;
  beforeAll(async () => {
    world = await setting();
    await signContract(world);
    await run(publishFiches, world.coordinator.actor, {
      contractId: world.contract.id,
      fiches: world.fiches.map((fiche) => ({ id: fiche.id, version: "1" })),
    });
    amendmentId = await newAmendment(world);
    added = await addFiches(world, [4, 5]);
    // The amendment changes fiche 1's description and budget; fiche 2 only makes progress (follow-up, not content).
    await db().ficheAction.update({ where: { id: world.fiches[0].id }, data: { description: "Description révisée" } });
    await db().budgetLine.create({ data: { ficheId: world.fiches[0].id, funderLabel: "ARS (FIR)", year: 2025, amount: "12000" } });
    await db().ficheAction.update({ where: { id: world.fiches[1].id }, data: { progress: 60, status: "in_progress" } });
    for (const fiche of added) expect(await mark(world, amendmentId, fiche.id, "added")).toMatchObject({ ok: true });
    expect(await mark(world, amendmentId, world.fiches[0].id, "changed")).toMatchObject({ ok: true });
    expect(await mark(world, amendmentId, world.fiches[2].id, "closed")).toMatchObject({ ok: true });
  });

  it("a draft's differences are read against the live contract: fiches added, changed field by field, not follow-up", async () => {
    const page = await getAmendmentPage(world.coordinator.actor, world.territory.slug, world.contract.id, amendmentId);
    const { diff } = page.amendment;
    expect(diff.added.map((fiche) => fiche.number)).toEqual([4, 5]);
    expect(diff.changed.map((fiche) => fiche.number)).toEqual([1]);
    expect(diff.changed[0].changes).toEqual([
      { key: "description", label: "Description", before: "Description 1", after: "Description révisée" },
      expect.objectContaining({ key: "budgetLines", label: expect.stringMatching(/budget/i), before: null }),
    ]);
    // Closing happens at signature: until then, the fiche the draft names as closed, without a day.
    expect(diff.closed).toEqual([expect.objectContaining({ number: 3, closedOn: null })]);
    expect(diff.contract).toEqual([]);
  });

  it("signed, its differences are read between its snapshots: what changes afterwards does not move them", async () => {
    await approve(world, amendmentId);
    expect(await sign(world, amendmentId)).toMatchObject({ ok: true });
    await db().ficheAction.update({ where: { id: added[0].id }, data: { title: "Retitrée après la signature" } });
    const { amendments } = await listContractAmendments(db(), world.contract.id);
    const { diff } = amendments[0];
    expect(diff.added.map((fiche) => [fiche.number, fiche.title])).toEqual([
      [4, "Fiche ajoutée 4"],
      [5, "Fiche ajoutée 5"],
    ]);
    expect(diff.closed).toEqual([expect.objectContaining({ number: 3, closedOn: TODAY })]);
    expect(diff.changed.map((fiche) => fiche.number)).toEqual([1]);
    // Kept once read: later reads take the kept differences, without the snapshots' contents.
    const { differences } = await db().amendment.findUniqueOrThrow({ where: { id: amendmentId }, select: { differences: true } });
    expect(differences).toEqual(JSON.parse(JSON.stringify(diff)));
    const marked = { ...diff, added: diff.added.map((fiche) => ({ ...fiche, title: `${fiche.title} (gardée)` })) };
    await db().amendment.update({ where: { id: amendmentId }, data: { differences: marked } });
    const again = (await listContractAmendments(db(), world.contract.id)).amendments[0].diff;
    expect(again.added.map((fiche) => fiche.title)).toEqual(["Fiche ajoutée 4 (gardée)", "Fiche ajoutée 5 (gardée)"]);
    await db().amendment.update({ where: { id: amendmentId }, data: { differences: diff } });
  });

  it("signing a public contract's amendment publishes the fiches it adds and changes, not those it closes", async () => {
    const published = await db().publicFiche.findMany({ where: { contractId: world.contract.id }, orderBy: { number: "asc" } });
    expect(published.map((fiche) => fiche.number)).toEqual([1, 2, 3, 4, 5]);
    expect(published.find((fiche) => fiche.number === 1)?.content).toMatchObject({ values: { description: "Description révisée" } });
  });

  it("the public reads the history without confidential fiches or withheld fields", async () => {
    await db().ficheAction.update({ where: { id: added[1].id }, data: { confidential: true } });
    await db().ficheAction.update({ where: { id: world.fiches[0].id }, data: { withheldFields: ["budgetLines"] } });
    const [amendment] = await listPublicAmendments(ANONYMOUS, { id: world.contract.id, visibility: "published" });
    expect(amendment).toMatchObject({
      number: 1,
      signedOn: todayInParis(),
      purpose: "Ajouter deux fiches, clore la troisième.",
    });
    expect(amendment.signatures).toHaveLength(2);
    expect(amendment.signatures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: world.organisation.name, signedOn: todayInParis() }),
        expect.objectContaining({ organisation: world.cosignatory.name, signedOn: todayInParis() }),
      ]),
    );
    expect(amendment.diff.added.map((fiche) => fiche.number)).toEqual([4]);
    expect(amendment.diff.changed).toEqual([
      expect.objectContaining({ number: 1, changes: [expect.objectContaining({ key: "description" })] }),
    ]);
    expect(amendment.diff.closed.map((fiche) => fiche.number)).toEqual([3]);
    expect(await listPublicAmendments(ANONYMOUS, { id: world.contract.id, visibility: "draft" })).toEqual([]);
  });

  it("the contract as of the amendment exports from its snapshot, in Excel and PDF", async () => {
    const read = await getAmendedContract(world.officer.actor, world.territory.slug, world.contract.id, amendmentId);
    const document = buildAmendedContractDocument(read);
    expect(document.fileName).toBe(`cls-${world.territory.slug}-1-avenant-1`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(document)) as unknown as ArrayBuffer);
    const fiches = workbook.getWorksheet("Fiches actions")!;
    const titles = fiches.getColumn(4).values;
    const cells = JSON.stringify(fiches.getSheetValues());
    // As signed: the title changed afterwards is not in it; the closed fiche says when it closed.
    expect(cells).toContain("Fiche ajoutée 4");
    expect(cells).not.toContain("Retitrée après la signature");
    expect(titles.length).toBeGreaterThan(1);
    const history = JSON.stringify(workbook.getWorksheet("Avenants")!.getSheetValues());
    expect(history).toContain("Fiche n°\u00a03 «\u00a0Sport sur ordonnance\u00a0»");

    const text = pdfText((await reportPdf(document, { compress: false })).toString("latin1"));
    expect(text).toContain("Tel que modifié par l’avenant n°");
    expect(text).toContain("Fiche ajoutée 5");
  });

  it("exports exist for signed amendments of readable contracts only", async () => {
    const other = await setting();
    await expect(getAmendedContract(other.coordinator.actor, world.territory.slug, world.contract.id, amendmentId)).rejects.toThrow(
      NotFoundError,
    );
    const draft = await newAmendment(world, "Un deuxième avenant");
    await expect(getAmendedContract(world.coordinator.actor, world.territory.slug, world.contract.id, draft)).rejects.toThrow(
      NotFoundError,
    );
  });

  it("partners of the contract read its signed amendments, not its draft", async () => {
    const partner = await member("partner", { territoryId: world.territory.id, organisationId: world.organisation.id });
    const draft = (await db().amendment.findFirstOrThrow({ where: { contractId: world.contract.id, status: "draft" } })).id;
    await expect(getAmendmentPage(partner.actor, world.territory.slug, world.contract.id, amendmentId)).resolves.toMatchObject({
      amendment: { number: 1 },
    });
    await expect(getAmendmentPage(partner.actor, world.territory.slug, world.contract.id, draft)).rejects.toThrow(NotFoundError);
  });
});

/** A day `days` before today in Paris, as a form sends it. */
const daysAgo = (days: number) => isoDay(new Date(todayInParis().getTime() - days * 86_400_000))!;

describe("each signatory's signature, then the amendment's", () => {
  let world: Setting;
  let amendmentId: string;
  beforeAll(async () => {
    ({ world, amendmentId } = await signedWithDraft());
    const [added] = await addFiches(world, [4]);
    expect(await mark(world, amendmentId, added.id, "added")).toMatchObject({ ok: true });
    expect(await mark(world, amendmentId, world.fiches[2].id, "closed")).toMatchObject({ ok: true });
    await approve(world, amendmentId);
    // The agency gave its opinion ten days ago: signatures since then are dated as they happened.
    await db().reviewStage.updateMany({
      where: { subjectKind: "amendment", subjectId: amendmentId },
      data: { decidedAt: new Date(`${daysAgo(10)}T10:00:00Z`) },
    });
  });

  it("a signature is a calendar day that has come, not before the agency's opinion, by a signatory of the contract", async () => {
    const sign = (fields: Record<string, string>, organisationId = world.organisation.id) =>
      recordSignature(world, amendmentId, organisationId, fields);
    expect(await sign({ signedOn: isoDay(addMonths(todayInParis(), 1))! })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: expect.stringContaining("pas encore venue") },
    });
    expect(await sign({ signedOn: daysAgo(11) })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: expect.stringMatching(/avis favorable le .* ne peut pas le précéder/) },
    });
    expect(await sign({ signedOn: "2026-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { signedOn: expect.stringContaining("n’existe pas") },
    });
    expect(await sign({ signedOn: daysAgo(5), deliberationDate: daysAgo(4) })).toMatchObject({
      ok: false,
      fieldErrors: { deliberationDate: expect.stringContaining("ne peut pas la suivre") },
    });
    const stranger = await createOrganisation(db());
    expect(await sign({ signedOn: daysAgo(5) }, stranger.id)).toMatchObject({
      ok: false,
      fieldErrors: { organisationId: expect.stringContaining("ne signe pas le contrat") },
    });
    expect(await db().amendmentSignature.count({ where: { amendmentId } })).toBe(0);
    // The form's schema says the same in the browser, with the day that has come by its clock.
    expect(
      amendmentSignatureSchema.safeParse({
        amendmentId,
        organisationId: world.organisation.id,
        version: "0",
        signedOn: "2026-01-10",
        deliberationDate: "2026-01-11",
      }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ["deliberationDate"] })]);
  });

  it("a signature keeps who signed, their title and deliberation, is corrected from its version, and a stale one conflicts", async () => {
    const fields = {
      signedOn: daysAgo(6),
      signerName: "Camille Martin",
      signerTitle: "Directrice",
      deliberationReference: "DEL-2026-41",
      deliberationDate: daysAgo(8),
    };
    expect(await recordSignature(world, amendmentId, world.organisation.id, fields)).toMatchObject({ ok: true });
    expect(
      await run(recordAmendmentSignature, world.coordinator.actor, {
        amendmentId,
        organisationId: world.organisation.id,
        version: "0",
        ...fields,
      }),
    ).toMatchObject({ ok: false, reason: "conflict" });
    expect(await recordSignature(world, amendmentId, world.organisation.id, { ...fields, signedOn: daysAgo(5) })).toMatchObject({
      ok: true,
    });
    expect(
      await db().amendmentSignature.findUniqueOrThrow({
        where: { amendmentId_organisationId: { amendmentId, organisationId: world.organisation.id } },
      }),
    ).toMatchObject({
      version: 2,
      signerName: "Camille Martin",
      signerTitle: "Directrice",
      signedOn: new Date(daysAgo(5)),
      deliberationReference: "DEL-2026-41",
      deliberationDate: new Date(daysAgo(8)),
    });
    const audited = await db().auditEvent.findMany({
      where: { entityId: amendmentId, action: "amendment.recordSignature" },
      orderBy: { occurredAt: "asc" },
    });
    expect(audited).toHaveLength(2);
    expect(audited[1].changes).toMatchObject({ signedOn: { before: daysAgo(6), after: daysAgo(5) } });
  });

  it("the amendment's signature waits for every signatory, then takes the day of the last, closing its fiches that day", async () => {
    expect(await run(signAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining(`il manque la signature de ${world.cosignatory.name}`),
    });
    const seen = await versionOf(amendmentId);
    expect(await recordSignature(world, amendmentId, world.cosignatory.id, { signedOn: daysAgo(2) })).toMatchObject({ ok: true });
    // Signed from a page that did not show the last signature: the coordinator reads it first.
    expect(await run(signAmendment, world.coordinator.actor, { amendmentId, version: seen })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await run(signAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: true,
    });
    expect(await db().amendment.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      status: "signed",
      signedOn: new Date(daysAgo(2)),
    });
    expect(await db().ficheAction.findUniqueOrThrow({ where: { id: world.fiches[2].id } })).toMatchObject({
      closedOn: new Date(daysAgo(2)),
    });
    const { amendment } = await getAmendmentPage(world.officer.actor, world.territory.slug, world.contract.id, amendmentId);
    expect(amendment.signatures.map((signature) => [signature.organisation.name, isoDay(signature.signedOn)])).toEqual([
      [world.organisation.name, daysAgo(5)],
      [world.cosignatory.name, daysAgo(2)],
    ]);
  });

  it("the contract as amended exports who signed the amendment, when, and by which deliberation", async () => {
    const document = buildAmendedContractDocument(
      await getAmendedContract(world.coordinator.actor, world.territory.slug, world.contract.id, amendmentId),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(document)) as unknown as ArrayBuffer);
    const sheet = JSON.stringify(workbook.getWorksheet("Avenants")!.getSheetValues());
    expect(sheet).toContain(`${world.organisation.name} — Camille Martin, Directrice`);
    expect(sheet).toContain("DEL-2026-41");
    expect(sheet).toContain(world.cosignatory.name);
    const text = pdfText((await reportPdf(document, { compress: false })).toString("latin1"));
    expect(text).toContain("Signatures de l’avenant n°");
    expect(text).toContain("DEL-2026-41");
  });

  it("an amendment signed before signatures were recorded one by one is read and exported without them", async () => {
    const { world: legacy, amendmentId: legacyId } = await signedWithDraft();
    await approve(legacy, legacyId);
    const snapshot = await db().$transaction((tx) => createContractSnapshot(tx, legacy.contract.id, "amendment", { userId: null }));
    await db().amendment.update({
      where: { id: legacyId },
      data: { status: "signed", signedOn: new Date("2025-06-01"), snapshotId: snapshot.id },
    });
    const read = await getAmendedContract(legacy.coordinator.actor, legacy.territory.slug, legacy.contract.id, legacyId);
    expect(read.amendment.signatures).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(buildAmendedContractDocument(read))) as unknown as ArrayBuffer);
    expect(JSON.stringify(workbook.getWorksheet("Avenants")!.getSheetValues())).toContain("Signataires non enregistrés");
    expect(await listPublicAmendments(ANONYMOUS, { id: legacy.contract.id, visibility: "published" })).toEqual([
      expect.objectContaining({ number: 1, signatures: [] }),
    ]);
  });
});

describe("an amendment's documents", () => {
  let world: Setting;
  let amendmentId: string;
  beforeAll(async () => {
    ({ world, amendmentId } = await signedWithDraft());
  });

  const addDocument = (title: string, fields: Record<string, string>) =>
    run(createDocument, world.coordinator.actor, { contractId: world.contract.id, kind: "deliberation", title, ...fields });

  it("a document belongs to an amendment of its own contract only, in the action and in the database", async () => {
    const { amendmentId: foreign } = await signedWithDraft();
    expect(await addDocument("Délibération d’un autre contrat", { amendmentId: foreign })).toMatchObject({
      ok: false,
      fieldErrors: { amendmentId: "Choisissez un avenant de ce contrat." },
    });
    expect(await addDocument("Délibération approuvant l’avenant", { amendmentId, isPublic: "on" })).toMatchObject({ ok: true });
    const document = await db().document.findFirstOrThrow({ where: { title: "Délibération approuvant l’avenant" } });
    expect(document.amendmentId).toBe(amendmentId);
    expect(
      await run(updateDocument, world.coordinator.actor, {
        documentId: document.id,
        version: String(document.version),
        kind: "deliberation",
        title: document.title,
        amendmentId: foreign,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { amendmentId: expect.any(String) } });
    await expect(db().document.update({ where: { id: document.id }, data: { amendmentId: foreign } })).rejects.toThrow(
      /Document_amendment_contract_check/,
    );
    await expect(
      db().document.create({ data: { contractId: world.contract.id, kind: "other", title: "Ailleurs", amendmentId: foreign } }),
    ).rejects.toThrow(/Document_amendment_contract_check/);
  });

  it("the amendment's page lists its documents; once signed, the public history lists its public ones", async () => {
    expect(await addDocument("Note interne sur l’avenant", { amendmentId })).toMatchObject({ ok: true });
    expect(await addDocument("Délibération sans avenant", {})).toMatchObject({ ok: true });
    const page = await getAmendmentPage(world.coordinator.actor, world.territory.slug, world.contract.id, amendmentId);
    expect(page.amendment.documents.map((document) => document.title).sort()).toEqual([
      "Délibération approuvant l’avenant",
      "Note interne sur l’avenant",
    ]);
    await approve(world, amendmentId);
    expect(await sign(world, amendmentId)).toMatchObject({ ok: true });
    const [signed] = await listPublicAmendments(ANONYMOUS, { id: world.contract.id, visibility: "published" });
    expect(signed.documents.map((document) => document.title)).toEqual(["Délibération approuvant l’avenant"]);
  });
});

describe("deleting a draft amendment", () => {
  let world: Setting;
  beforeAll(async () => {
    world = await setting();
    await signContract(world);
  });

  it("a draft never submitted is deleted: the fiches it named stay as they are, its documents stay in the contract, and it is audited", async () => {
    const amendmentId = await newAmendment(world, "Un avenant abandonné.");
    const [added] = await addFiches(world, [4]);
    expect(await mark(world, amendmentId, added.id, "added")).toMatchObject({ ok: true });
    expect(await mark(world, amendmentId, world.fiches[2].id, "closed")).toMatchObject({ ok: true });
    const document = await db().document.create({
      data: { contractId: world.contract.id, kind: "deliberation", title: "Projet de délibération", amendmentId },
    });
    const fichesBefore = await db().ficheAction.findMany({ where: { contractId: world.contract.id }, orderBy: { number: "asc" } });
    expect(await run(deleteAmendment, world.coordinator.actor, { amendmentId, version: "1" })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await run(deleteAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: true,
      message: "L’avenant n°\u00a01 est supprimé.",
    });
    expect(await db().amendment.count({ where: { id: amendmentId } })).toBe(0);
    expect(await db().amendmentFiche.count({ where: { amendmentId } })).toBe(0);
    expect(await db().ficheAction.findMany({ where: { contractId: world.contract.id }, orderBy: { number: "asc" } })).toEqual(fichesBefore);
    expect(await db().document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ amendmentId: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: amendmentId, action: "amendment.delete" } });
    expect(audit.changes).toMatchObject({
      purpose: { before: "Un avenant abandonné.", after: null },
      fiches: { before: expect.stringContaining("Fiche n°\u00a04 «\u00a0Fiche ajoutée 4\u00a0» (Ajoutée par l’avenant)") },
    });
    // The next amendment takes its number.
    const next = await newAmendment(world);
    expect(await db().amendment.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ number: 1 });
  });

  it("an amendment once submitted, or signed, is not deleted; another territory's coordinator does not find it", async () => {
    const amendmentId = (await db().amendment.findFirstOrThrow({ where: { contractId: world.contract.id, status: "draft" } })).id;
    const other = await setting();
    expect(await run(deleteAmendment, other.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(
      await run(submitReviewStage, world.coordinator.actor, { subjectKind: "amendment", subjectId: amendmentId, version: "0" }),
    ).toMatchObject({ ok: true });
    expect(await run(deleteAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("soumis à l’ARS"),
    });
    const stage = (await stageOf(amendmentId))!;
    expect(await run(approveReviewStage, world.officer.actor, { stageId: stage.id, version: String(stage.version) })).toMatchObject({
      ok: true,
    });
    expect(await sign(world, amendmentId)).toMatchObject({ ok: true });
    expect(await run(deleteAmendment, world.coordinator.actor, { amendmentId, version: await versionOf(amendmentId) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("signé"),
    });
    expect(await db().amendment.count({ where: { id: amendmentId } })).toBe(1);
  });
});

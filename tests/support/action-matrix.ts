// The world the authorization matrix and the fuzz test run actions in: two tenants (own and
// foreign), an actor per role, and for every registered action a valid input aimed at a tenant,
// with the outcome each role must get. Fresh records are created on each call.
import { randomUUID } from "node:crypto";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import { PROCONNECT_ID } from "@/lib/auth/proconnect";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { newInvitationToken } from "@/lib/invitations/token";
import { publishFiches } from "@/lib/publication/mutations";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { createContract, createOrganisation, createRegion, createTerritory } from "../fixtures/factories";
import { documentFileRow, pdfBytes, pngBytes } from "./document-files";

/** contributor_pilot: a contributor of the own territory who pilots the fiche concerned. */
export type Role = "anonymous" | MembershipRole | "contributor_pilot";
/** ok: done; denied: answered as not found; refused: authorized, but the action says no (e.g. the link is someone else's). */
export type Outcome = "ok" | "denied" | "refused";
export type Expectation = Record<Exclude<Role, "contributor_pilot">, { own: Outcome; foreign: Outcome }> & {
  contributor_pilot?: { own: Outcome; foreign: Outcome };
};

const all = (own: Outcome, foreign: Outcome = own) => ({ own, foreign });
export const adminOnly: Expectation = {
  anonymous: all("denied"),
  platform_admin: all("ok"),
  ars_officer: all("denied"),
  coordinator: all("denied"),
  contributor: all("denied"),
  partner: all("denied"),
  national_reader: all("denied"),
};
/** The tenant organisation's partners, in their own territory; platform admins anywhere. */
const committedPartners: Expectation = {
  anonymous: all("denied"),
  platform_admin: all("ok"),
  ars_officer: all("denied"),
  coordinator: all("denied"),
  contributor: all("denied"),
  partner: all("ok", "denied"),
  national_reader: all("denied"),
};
/** One's own account: every signed-in user on their own records (own), no one on another's (foreign), admins included. */
const selfOnly: Expectation = {
  anonymous: all("denied"),
  platform_admin: all("ok", "denied"),
  ars_officer: all("ok", "denied"),
  coordinator: all("ok", "denied"),
  contributor: all("ok", "denied"),
  partner: all("ok", "denied"),
  national_reader: all("ok", "denied"),
};
const territoryManagers: Expectation = {
  anonymous: all("denied"),
  platform_admin: all("ok"),
  ars_officer: all("denied"),
  coordinator: all("ok", "denied"),
  contributor: all("denied"),
  partner: all("denied"),
  national_reader: all("denied"),
};

/** The agency's officers of the tenant's region; platform admins anywhere. */
const regionOfficers: Expectation = {
  anonymous: all("denied"),
  platform_admin: all("ok"),
  ars_officer: all("ok", "denied"),
  coordinator: all("denied"),
  contributor: all("denied"),
  partner: all("denied"),
  national_reader: all("denied"),
};

export type Tenant = { regionId: string; territoryId: string; organisationId: string; contractId: string };
export type World = { own: Tenant; foreign: Tenant; actors: Record<Role, Actor> };

/** For each action: who may run it, and a valid input aimed at a tenant (fresh records each call). */
export const MATRIX: Record<
  string,
  { expected: Expectation; input: (world: World, tenant: Tenant, actor: Actor) => Promise<Record<string, unknown>> }
> = {
  "member.invite": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      email: `invite-${randomUUID()}@exemple.test`,
      role: "contributor",
      territoryId: tenant.territoryId,
    }),
  },
  "invitation.revoke": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      invitationId: (await invitation(tenant, `pending-${randomUUID()}@exemple.test`)).id,
      version: "1",
    }),
  },
  // Own: an invitation addressed to the actor; foreign: one addressed to someone else.
  "invitation.accept": {
    expected: {
      anonymous: all("refused"),
      platform_admin: all("ok", "refused"),
      ars_officer: all("ok", "refused"),
      coordinator: all("ok", "refused"),
      contributor: all("ok", "refused"),
      partner: all("ok", "refused"),
      national_reader: all("ok", "refused"),
      contributor_pilot: all("ok", "refused"),
    },
    input: async (world, tenant, actor) => ({
      token: (
        await invitation(
          world.foreign,
          actor === ANONYMOUS || tenant === world.foreign ? `other-${randomUUID()}@exemple.test` : actor.email!,
        )
      ).token,
    }),
  },
  // Own: an invitation for an address without account; foreign: for an address that has one.
  "invitation.register": {
    expected: Object.fromEntries(
      ["anonymous", "platform_admin", "ars_officer", "coordinator", "contributor", "partner", "national_reader", "contributor_pilot"].map(
        (role) => [role, all("ok", "refused")],
      ),
    ) as Expectation,
    input: async (world, tenant) => ({
      token: (await invitation(world.own, tenant === world.own ? `new-${randomUUID()}@exemple.test` : (await user()).email)).token,
      name: "Camille Martin",
      password: "un mot de passe solide",
      passwordConfirmation: "un mot de passe solide",
    }),
  },
  "member.changeRole": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ membershipId: (await contributorOf(tenant)).id, role: "coordinator", version: "1" }),
  },
  "member.revoke": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ membershipId: (await contributorOf(tenant)).id, version: "1" }),
  },
  // Own: a ProConnect agent of the organisation that signs the own tenant's contract asks to join
  // that territory; foreign: a territory where the organisation takes no part.
  "accessRequest.create": {
    expected: {
      anonymous: all("denied"),
      platform_admin: all("ok", "refused"),
      ars_officer: all("ok", "refused"),
      coordinator: all("ok", "refused"),
      contributor: all("ok", "refused"),
      // Already the organisation's partner there.
      partner: all("refused"),
      national_reader: all("ok", "refused"),
    },
    input: async (world, tenant, actor) => {
      if (actor.userId) await proConnectAgentOf(actor.userId, world.own);
      return { territoryId: tenant.territoryId };
    },
  },
  "accessRequest.confirm": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      requestId: (await accessRequestTo(tenant)).id,
      version: "1",
      organisationId: tenant.organisationId,
    }),
  },
  "accessRequest.refuse": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ requestId: (await accessRequestTo(tenant)).id, version: "1" }),
  },
  "commitment.report": {
    expected: committedPartners,
    input: async (_world, tenant) => {
      const fiche = await ficheOf(tenant, null);
      const objective = await db().operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Objectif" } });
      const commitment = await db().commitment.create({
        data: { objectiveId: objective.id, organisationId: tenant.organisationId, description: "Mettre une salle à disposition" },
      });
      return {
        commitmentId: commitment.id,
        version: "1",
        status: "in_progress",
        progress: "40",
        financialAmount: "1 500,50",
        comment: "Salle réservée pour les ateliers.",
        commentedOn: "2026-11-30",
      };
    },
  },
  // A commitment of the tenant's organisation in a fresh contract with an open campaign.
  "contribution.save": {
    expected: committedPartners,
    input: async (_world, tenant) => {
      const campaign = await openCampaignOf(tenant);
      const contract = { ...tenant, contractId: campaign.contractId };
      const commitment = await db().commitment.create({
        data: { ficheId: (await ficheOf(contract, null)).id, organisationId: tenant.organisationId, description: "Animer les ateliers" },
      });
      return {
        campaignId: campaign.id,
        commitmentId: commitment.id,
        version: "0",
        outcome: "partly_kept",
        contribution: "Six ateliers animés sur les dix prévus.",
        amountSpent: "1 500,50",
      };
    },
  },
  "meeting.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      contractId: tenant.contractId,
      kind: "copil",
      heldOn: "2026-03-12",
      decisions: "Valider le programme d’actions.",
      attendances: [{ organisationId: tenant.organisationId, attendeeCount: "2" }],
    }),
  },
  "meeting.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      meetingId: (await meetingOf(tenant)).id,
      version: "1",
      kind: "cotech",
      heldOn: "2026-04-02",
      attendances: [{ organisationId: tenant.organisationId, attendeeCount: "" }],
    }),
  },
  "meeting.delete": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ meetingId: (await meetingOf(tenant)).id, version: "1" }),
  },
  "document.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      contractId: tenant.contractId,
      kind: "deliberation",
      title: "Délibération du conseil municipal",
      issuedOn: "2024-06-14",
      url: "",
      isPublic: "on",
      file: new File([new Uint8Array(pdfBytes())], "deliberation.pdf", { type: "application/pdf" }),
    }),
  },
  "document.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      documentId: (await documentOf(tenant)).id,
      version: "1",
      kind: "contract",
      title: "Contrat local de santé signé",
      url: "https://www.exemple.fr/cls.pdf",
      file: new File([new Uint8Array(pngBytes())], "signatures.png", { type: "image/png" }),
    }),
  },
  "document.removeFile": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ documentId: (await documentOf(tenant)).id, version: "1" }),
  },
  "document.delete": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ documentId: (await documentOf(tenant)).id, version: "1" }),
  },
  "review.thread.open": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({
      contractId: tenant.contractId,
      targetKind: "axis",
      targetId: (await axis(tenant)).id,
      body: "Préciser le public visé par cet axe.",
    }),
  },
  "review.thread.comment": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ threadId: (await reviewThreadOf(tenant)).id, body: "Un complément\u00a0: citer le diagnostic." }),
  },
  "review.thread.answer": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ threadId: (await reviewThreadOf(tenant)).id, body: "C’est corrigé dans la fiche." }),
  },
  "review.thread.resolve": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ threadId: (await reviewThreadOf(tenant)).id, version: "1" }),
  },
  "review.thread.settle": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ threadId: (await reviewThreadOf(tenant)).id, version: "1" }),
  },
  "review.thread.reopen": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ threadId: (await reviewThreadOf(tenant, "resolved")).id, version: "1" }),
  },
  // A fresh draft each time: a subject has one stage.
  "review.stage.submit": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ subjectKind: "draft", subjectId: (await draftOf(tenant)).id, version: "0" }),
  },
  "review.stage.requestChanges": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({
      stageId: (await submittedDraftOf(tenant)).id,
      version: "1",
      reason: "Le budget de l’axe 2 manque.",
    }),
  },
  "review.stage.approve": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ stageId: (await submittedDraftOf(tenant)).id, version: "1" }),
  },
  // A fresh signed contract each time: a contract has one draft amendment at most.
  "amendment.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      contractId: (await createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant) })).id,
      purpose: "Ajouter la fiche sur la santé mentale des jeunes.",
    }),
  },
  "amendment.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      amendmentId: (await draftAmendmentOf(tenant)).amendment.id,
      version: "1",
      purpose: "Annexer le plan d’action au contrat-cadre.",
      councilAdoptedOn: "2026-02-12",
      deliberationReference: "DEL-2026-04",
    }),
  },
  // A fiche created after the amendment's base: the amendment adds it.
  "amendment.markFiche": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const { amendment, contract } = await draftAmendmentOf(tenant);
      return { amendmentId: amendment.id, version: "1", ficheId: (await ficheOf(contract, null)).id, change: "added" };
    },
  },
  "amendment.unmarkFiche": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const { amendment, contract } = await draftAmendmentOf(tenant);
      const fiche = await ficheOf(contract, null);
      await db().amendmentFiche.create({ data: { amendmentId: amendment.id, ficheId: fiche.id, change: "added" } });
      return { amendmentId: amendment.id, version: "1", ficheId: fiche.id };
    },
  },
  // The agency's favourable opinion given: the coordinators record each signatory's signature.
  "amendment.recordSignature": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const { amendment } = await approvedAmendmentOf(tenant);
      return {
        amendmentId: amendment.id,
        organisationId: tenant.organisationId,
        version: "0",
        signerName: "Camille Martin",
        signerTitle: "Directrice",
        signedOn: isoDay(todayInParis()),
        deliberationReference: "DEL-2026-12",
        deliberationDate: isoDay(todayInParis()),
      };
    },
  },
  // Every signatory has signed: the coordinators record the amendment's signature.
  "amendment.sign": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const { amendment } = await approvedAmendmentOf(tenant);
      await db().amendmentSignature.create({
        data: { amendmentId: amendment.id, organisationId: tenant.organisationId, signedOn: todayInParis() },
      });
      return { amendmentId: amendment.id, version: "1" };
    },
  },
  // A draft never submitted to the agency.
  "amendment.delete": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ amendmentId: (await draftAmendmentOf(tenant)).amendment.id, version: "1" }),
  },
  // Own: the actor's notification or account; foreign: another user's.
  "notification.markRead": {
    expected: selfOnly,
    input: async (world, tenant, actor) => ({ notificationId: (await notificationOf(await accountFor(world, tenant, actor))).id }),
  },
  "notification.markAllRead": {
    expected: selfOnly,
    input: async (world, tenant, actor) => {
      const userId = await accountFor(world, tenant, actor);
      await notificationOf(userId);
      return { userId };
    },
  },
  "mailPreference.update": {
    expected: selfOnly,
    input: async (world, tenant, actor) => {
      const userId = await accountFor(world, tenant, actor);
      const saved = await db().mailPreference.findUnique({ where: { userId }, select: { version: true } });
      return { userId, version: String(saved?.version ?? 0), dailyReminders: "on" };
    },
  },
  "region.create": {
    expected: adminOnly,
    input: async () => ({ name: `Région ${randomUUID()}`, inseeCode: String(100 + (regionCodes++ % 900)) }),
  },
  "prsObjective.create": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ regionId: tenant.regionId, code: "", label: `Objectif ${randomUUID()}` }),
  },
  "prsObjective.update": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({
      prsObjectiveId: (await prsObjectiveOf(tenant)).id,
      version: "1",
      code: "",
      label: `Objectif renommé ${randomUUID()}`,
    }),
  },
  "prsObjective.archive": {
    expected: regionOfficers,
    input: async (_world, tenant) => ({ prsObjectiveId: (await prsObjectiveOf(tenant)).id, version: "1", archived: "on" }),
  },
  "territory.create": {
    expected: adminOnly,
    input: async (_world, tenant) => ({ name: `Territoire ${randomUUID()}`, kind: "commune", regionId: tenant.regionId }),
  },
  "territory.update": {
    expected: adminOnly,
    input: async (_world, tenant) => {
      const { version } = await db().territory.findUniqueOrThrow({ where: { id: tenant.territoryId }, select: { version: true } });
      return {
        territoryId: tenant.territoryId,
        version: String(version),
        name: `Territoire ${randomUUID()}`,
        kind: "pays",
        regionId: tenant.regionId,
      };
    },
  },
  "contract.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      territoryId: tenant.territoryId,
      title: "Contrat local de santé",
      generation: String(nextGeneration(tenant)),
      status: "preparation",
      visibility: "draft",
    }),
  },
  // A fresh signed contract each time (a contract has one next contract at most), and a generation
  // kept free for its next one.
  "contract.renew": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const generation = nextGeneration(tenant);
      nextGeneration(tenant);
      const contract = await createContract(db(), { territoryId: tenant.territoryId, generation, status: "signed" });
      const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Accès aux soins" } });
      const fiche = await db().ficheAction.create({
        data: { contractId: contract.id, axisId: axis.id, number: 1, title: "Attirer des médecins", status: "in_progress" },
      });
      return { contractId: contract.id, title: "Contrat local de santé de 2e génération", axisIds: [axis.id], ficheIds: [fiche.id] };
    },
  },
  // A fresh contract each time: a contract holds one campaign of each kind, one open at most.
  "campaign.open": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      contractId: (await createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant) })).id,
      kind: "mid_term",
      periodStart: "2024-01-01",
      periodEnd: "2026-06-30",
      opensOn: "2026-07-01",
      closesOn: "2026-10-31",
    }),
  },
  "campaign.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      campaignId: (await openCampaignOf(tenant)).id,
      version: "1",
      periodStart: "2024-01-01",
      periodEnd: "2026-06-30",
      opensOn: "2026-07-01",
      synthesis: "Synthèse",
    }),
  },
  "campaign.close": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ campaignId: (await openCampaignOf(tenant)).id, version: "1" }),
  },
  // A fresh fiche each time, with a budget line, assessed in the tenant contract's open campaign for the first time.
  "assessment.save": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => {
      const fiche = await ficheOf(tenant, world.actors.contributor_pilot.userId);
      const line = await db().budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "ARS (FIR)", year: 2025, amount: "30000" } });
      return {
        campaignId: (await campaignOf(tenant)).id,
        ficheId: fiche.id,
        version: "0",
        realisationStatus: "partially_completed",
        achievementRate: "60",
        relevanceRating: "3",
        relevanceComment: "L’action répond aux constats du diagnostic.",
        spending: [{ budgetLineId: line.id, spent: "12 500,50" }],
      };
    },
  },
  "contract.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const contract = await createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant) });
      return {
        contractId: contract.id,
        version: "1",
        title: "Nouveau titre",
        generation: String(contract.generation),
        status: "signed",
        visibility: "published",
        signatories: [{ organisationId: tenant.organisationId, signedOn: "2024-06-30" }],
      };
    },
  },
  "axis.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ contractId: tenant.contractId, title: "Accès aux soins" }),
  },
  "axis.update": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ axisId: (await axis(tenant)).id, version: "1", title: "Prévention", isTransversal: "on" }),
  },
  "axis.move": { expected: territoryManagers, input: async (_world, tenant) => ({ axisId: (await axis(tenant)).id, direction: "up" }) },
  "axis.delete": { expected: territoryManagers, input: async (_world, tenant) => ({ axisId: (await axis(tenant)).id, version: "1" }) },
  "fiche.create": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({
      contractId: tenant.contractId,
      axisId: (await axis(tenant)).id,
      title: "Prévenir l’isolement",
      geographicScope: "whole_territory",
      status: "not_started",
    }),
  },
  "fiche.update": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => {
      const fiche = await ficheOf(tenant, world.actors.contributor_pilot.userId);
      return {
        ficheId: fiche.id,
        version: "1",
        axisId: fiche.axisId,
        title: "Prévenir l’isolement des aînés",
        geographicScope: "communes",
        status: "in_progress",
        progress: "40",
      };
    },
  },
  "fiche.delete": {
    expected: territoryManagers,
    input: async (world, tenant) => ({ ficheId: (await ficheOf(tenant, world.actors.contributor_pilot.userId)).id, version: "1" }),
  },
  "trash.restore": {
    expected: territoryManagers,
    input: async (world, tenant) => {
      const fiche = await ficheOf(tenant, world.actors.contributor_pilot.userId);
      await db().ficheAction.update({ where: { id: fiche.id }, data: { deletedAt: new Date() } });
      return { kind: "fiche", id: fiche.id };
    },
  },
  // Publication is the coordinators': a fiche's pilot edits it but does not publish it.
  "fiche.publish": {
    expected: territoryManagers,
    input: async (world, tenant) => ({
      contractId: tenant.contractId,
      fiches: [{ id: (await ficheOf(tenant, world.actors.contributor_pilot.userId)).id, version: "1" }],
    }),
  },
  "fiche.withdraw": {
    expected: territoryManagers,
    input: async (world, tenant) => {
      const fiche = await ficheOf(tenant, world.actors.contributor_pilot.userId);
      const published = await executeAction(
        publishFiches,
        { db: db(), actor: world.actors.platform_admin, ip: null },
        { contractId: tenant.contractId, fiches: [{ id: fiche.id, version: "1" }] },
      );
      if (!published.ok) throw new Error(`could not publish the fiche to withdraw: ${published.message}`);
      return { ficheId: fiche.id };
    },
  },
  "fiche.confidentiality": {
    expected: territoryManagers,
    input: async (world, tenant) => ({
      ficheId: (await ficheOf(tenant, world.actors.contributor_pilot.userId)).id,
      version: "1",
      confidential: "on",
      withheldFields: ["budgetLines"],
    }),
  },
  "indicator.create": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => ({
      ficheId: (await ficheOf(tenant, world.actors.contributor_pilot.userId)).id,
      name: "Nombre de participants",
      level: "process",
      direction: "increase",
      frequency: "yearly",
      targetValue: "120",
    }),
  },
  "indicator.update": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => ({
      indicatorId: (await indicatorOf(tenant, world)).id,
      version: "1",
      name: "Participants",
      level: "result",
      direction: "increase",
      frequency: "quarterly",
    }),
  },
  "indicator.delete": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => ({ indicatorId: (await indicatorOf(tenant, world)).id, version: "1" }),
  },
  "measurement.add": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => ({ indicatorId: (await indicatorOf(tenant, world)).id, measuredOn: "2025-06-30", value: "42,5" }),
  },
  "measurement.delete": {
    expected: { ...territoryManagers, contributor_pilot: all("ok", "denied") },
    input: async (world, tenant) => {
      const indicator = await indicatorOf(tenant, world);
      const measurement = await db().measurement.create({
        data: { indicatorId: indicator.id, measuredOn: new Date("2025-01-01"), value: 1 },
      });
      return { measurementId: measurement.id };
    },
  },
  "fiche.import": {
    expected: territoryManagers,
    input: async (_world, tenant) => {
      const { number } = await axis(tenant);
      const csv = `Numéro;Axe;Intitulé\n${500 + importNumber++};${number};Fiche importée\n`;
      return { contractId: tenant.contractId, mode: "import", file: new File([csv], "fiches.csv", { type: "text/csv" }) };
    },
  },
  "organisation.createForContract": {
    expected: territoryManagers,
    input: async (_world, tenant) => ({ contractId: tenant.contractId, name: `Association ${randomUUID()}`, kind: "association" }),
  },
  "organisation.create": { expected: adminOnly, input: async () => ({ name: `Organisme ${randomUUID()}`, kind: "association" }) },
};

let regionCodes = 500;
let importNumber = 0;
// Contract generations are unique per territory and at most 20: count them per tenant.
const generations = new Map<string, number>();
const nextGeneration = (tenant: Tenant) => {
  const next = (generations.get(tenant.territoryId) ?? 1) + 1;
  generations.set(tenant.territoryId, next);
  return next;
};
const db = () => getDb();
const openCampaignOf = async (tenant: Tenant) =>
  db().evaluationCampaign.create({
    data: {
      contractId: (await createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant) })).id,
      kind: "mid_term",
    },
  });
const reviewThreadOf = (tenant: Tenant, status: "open" | "resolved" = "open") =>
  db().reviewThread.create({
    data: {
      contractId: tenant.contractId,
      targetKind: "contract",
      targetId: tenant.contractId,
      status,
      resolvedAt: status === "resolved" ? new Date() : null,
      comments: { create: { fromAgency: true, body: "Remarque de l’ARS." } },
    },
  });
const draftOf = (tenant: Tenant) =>
  createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant), status: "preparation", visibility: "draft" });
const submittedDraftOf = async (tenant: Tenant) => {
  const draft = await draftOf(tenant);
  return db().reviewStage.create({
    data: { contractId: draft.id, subjectKind: "draft", subjectId: draft.id, state: "submitted", submittedAt: new Date() },
  });
};
/** A document of the tenant's contract with a PDF file. */
const documentOf = (tenant: Tenant) =>
  db().document.create({
    data: {
      contractId: tenant.contractId,
      kind: "contract",
      title: "Contrat signé",
      file: { create: documentFileRow(pdfBytes(), { originalName: "contrat.pdf" }) },
    },
  });
/** A draft amendment of a fresh signed contract of the tenant, from a snapshot of the contract as signed. */
async function draftAmendmentOf(tenant: Tenant) {
  const { id: contractId } = await createContract(db(), { territoryId: tenant.territoryId, generation: nextGeneration(tenant) });
  const amendment = await db().$transaction(async (tx) => {
    const base = await createContractSnapshot(tx, contractId, "signature", { userId: null });
    return tx.amendment.create({ data: { contractId, number: 1, purpose: "Avenant n° 1", baseSnapshotId: base.id } });
  });
  return { amendment, contract: { ...tenant, contractId } };
}
/** A draft amendment the agency approved today, of a fresh signed contract the tenant's organisation signs. */
async function approvedAmendmentOf(tenant: Tenant) {
  const draft = await draftAmendmentOf(tenant);
  await db().signatory.create({ data: { contractId: draft.contract.contractId, organisationId: tenant.organisationId, position: 1 } });
  await db().reviewStage.create({
    data: {
      contractId: draft.contract.contractId,
      subjectKind: "amendment",
      subjectId: draft.amendment.id,
      state: "favourable",
      decidedAt: new Date(),
    },
  });
  return draft;
}
const meetingOf = (tenant: Tenant) =>
  db().meeting.create({ data: { contractId: tenant.contractId, kind: "copil", heldOn: new Date("2026-01-15") } });
/** A fresh PRS objective of the tenant's region. */
const prsObjectiveOf = (tenant: Tenant) =>
  db().prsObjective.create({ data: { regionId: tenant.regionId, label: `Objectif ${randomUUID()}` } });
/** The open mid-term campaign of the tenant's contract, opened the first time. */
const campaignOf = async (tenant: Tenant) =>
  (await db().evaluationCampaign.findFirst({ where: { contractId: tenant.contractId, kind: "mid_term" } })) ??
  db().evaluationCampaign.create({ data: { contractId: tenant.contractId, kind: "mid_term" } });
const user = () => db().user.create({ data: { email: `user-${randomUUID()}@exemple.test` } });

/** The account an own-account action targets: the actor's on the own tenant, someone else's otherwise. */
async function accountFor(world: World, tenant: Tenant, actor: Actor): Promise<string> {
  return tenant === world.own && actor.userId ? actor.userId : (await user()).id;
}

async function notificationOf(userId: string) {
  return db().notification.create({
    data: { userId, kind: "milestone_due", subjectId: randomUUID(), period: randomUUID(), title: "Jalon", href: "/fiches" },
  });
}

async function invitation(tenant: Tenant, email: string) {
  const { token, tokenHash } = newInvitationToken();
  const created = await db().invitation.create({
    data: { email, role: "contributor", territoryId: tenant.territoryId, tokenHash, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return { id: created.id, token };
}

let sirens = 0;
/** The tenant organisation's SIREN, given one the first time (9 digits, unique per organisation). */
async function sirenOf(tenant: Tenant): Promise<string> {
  const organisation = await db().organisation.findUniqueOrThrow({ where: { id: tenant.organisationId }, select: { siren: true } });
  if (organisation.siren) return organisation.siren;
  const siren = String(200_000_000 + sirens++);
  await db().organisation.update({ where: { id: tenant.organisationId }, data: { siren } });
  return siren;
}

/**
 * Makes the user a ProConnect agent of the tenant's organisation (their account's SIRET starts
 * with its SIREN), with no request pending yet: each valid input starts afresh.
 */
async function proConnectAgentOf(userId: string, tenant: Tenant) {
  const siret = `${await sirenOf(tenant)}00013`;
  await db().account.upsert({
    where: { provider_providerAccountId: { provider: PROCONNECT_ID, providerAccountId: `agent-${userId}` } },
    create: { userId, provider: PROCONNECT_ID, providerAccountId: `agent-${userId}`, siret },
    update: { siret },
  });
  await db().accessRequest.deleteMany({ where: { userId, status: "pending" } });
  return siret;
}

/** A pending request of a new agent of the tenant's organisation, to join the tenant's territory. */
async function accessRequestTo(tenant: Tenant) {
  const agent = await user();
  const siret = await proConnectAgentOf(agent.id, tenant);
  return db().accessRequest.create({
    data: { userId: agent.id, territoryId: tenant.territoryId, proposedOrganisationId: tenant.organisationId, siret },
  });
}

async function axis(tenant: Tenant) {
  const position = (await db().axis.count({ where: { contractId: tenant.contractId } })) + 1;
  return db().axis.create({ data: { contractId: tenant.contractId, position, number: position, title: `Axe ${position}` } });
}

async function ficheOf(tenant: Tenant, pilotUserId: string | null) {
  const { id: axisId } = await axis(tenant);
  const number = (await db().ficheAction.count({ where: { contractId: tenant.contractId } })) + 1;
  return db().ficheAction.create({ data: { contractId: tenant.contractId, axisId, number, title: `Fiche ${number}`, pilotUserId } });
}

async function indicatorOf(tenant: Tenant, world: World) {
  const fiche = await ficheOf(tenant, world.actors.contributor_pilot.userId);
  return db().indicator.create({ data: { ficheId: fiche.id, name: "Indicateur", level: "result" } });
}

async function contributorOf(tenant: Tenant) {
  return db().membership.create({ data: { userId: (await user()).id, role: "contributor", territoryId: tenant.territoryId } });
}

async function tenant(): Promise<Tenant> {
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const organisation = await createOrganisation(db());
  const contract = await createContract(db(), { territoryId: territory.id });
  await db().signatory.create({ data: { contractId: contract.id, organisationId: organisation.id, position: 1 } });
  // A second coordinator, so that no test trips the "last coordinator" guard.
  await db().membership.create({ data: { userId: (await user()).id, role: "coordinator", territoryId: territory.id } });
  return { regionId: region.id, territoryId: territory.id, organisationId: organisation.id, contractId: contract.id };
}

async function actorWith(role: MembershipRole, scope: Partial<Tenant>): Promise<Actor> {
  const member = await user();
  await db().membership.create({ data: { userId: member.id, role, ...scope } });
  return actorForUser(member.id);
}

/** Every role of the matrix: the signed-out visitor, each membership role, and a pilot. */
export const ROLES: readonly Role[] = [...(Object.keys(adminOnly) as Role[]), "contributor_pilot"];

/** Two tenants and an actor per role, the actors' memberships on the own tenant. */
export async function buildWorld(): Promise<World> {
  const own = await tenant();
  const foreign = await tenant();
  return {
    own,
    foreign,
    actors: {
      anonymous: ANONYMOUS,
      platform_admin: await actorWith("platform_admin", {}),
      ars_officer: await actorWith("ars_officer", { regionId: own.regionId }),
      coordinator: await actorWith("coordinator", { territoryId: own.territoryId }),
      contributor: await actorWith("contributor", { territoryId: own.territoryId }),
      contributor_pilot: await actorWith("contributor", { territoryId: own.territoryId }),
      partner: await actorWith("partner", { territoryId: own.territoryId, organisationId: own.organisationId }),
      national_reader: await actorWith("national_reader", {}),
    },
  };
}

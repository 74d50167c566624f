// Every server action of the app. The authorization matrix test (tests/integration/
// action-matrix.test.ts) runs each one for every role, and checks that every "use server"
// module only exports actions listed here.
import type { ActionDefinition } from "./define";
import { confirmAccessRequest, refuseAccessRequest, requestAccess } from "@/lib/access-requests/mutations";
import {
  createAmendment,
  deleteAmendment,
  markAmendmentFiche,
  recordAmendmentSignature,
  signAmendment,
  unmarkAmendmentFiche,
  updateAmendment,
} from "@/lib/amendments/mutations";
import { saveAssessment } from "@/lib/assessments/mutations";
import { createAxis, deleteAxis, moveAxis, updateAxis } from "@/lib/axes/mutations";
import { closeCampaign, openCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { reportCommitment } from "@/lib/commitments/mutations";
import { saveContribution } from "@/lib/contributions/mutations";
import { createContract, updateContract } from "@/lib/contracts/mutations";
import { createFiche, deleteFiche, updateFiche } from "@/lib/fiches/mutations";
import { importFiches } from "@/lib/fiches/import";
import { restoreFromTrash } from "@/lib/fiches/trash";
import { addMeasurement, createIndicator, deleteIndicator, deleteMeasurement, updateIndicator } from "@/lib/indicators/mutations";
import { acceptInvitation, inviteMember, registerWithInvitation, revokeInvitation } from "@/lib/invitations/mutations";
import { createDocument, deleteDocument, removeDocumentFile, updateDocument } from "@/lib/documents/mutations";
import { createMeeting, deleteMeeting, updateMeeting } from "@/lib/meetings/mutations";
import { changeMemberRole, revokeMember } from "@/lib/memberships/mutations";
import { markAllNotificationsRead, markNotificationRead, updateMailPreferences } from "@/lib/notifications/mutations";
import { createContractOrganisation, createOrganisation } from "@/lib/organisations/mutations";
import { publishFiches, setFicheConfidentiality, withdrawFiche } from "@/lib/publication/mutations";
import { archivePrsObjective, createPrsObjective, updatePrsObjective } from "@/lib/prs-objectives/mutations";
import { createRegion } from "@/lib/regions/mutations";
import { renewContract } from "@/lib/renewal/mutations";
import {
  answerReviewThread,
  approveReviewStage,
  commentReviewThread,
  openReviewThread,
  reopenReviewThread,
  requestReviewChanges,
  resolveReviewThread,
  settleReviewThread,
  submitReviewStage,
} from "@/lib/reviews/mutations";
import { createTerritory, updateTerritory } from "@/lib/territories/mutations";

export const ACTIONS: readonly ActionDefinition[] = [
  inviteMember,
  revokeInvitation,
  acceptInvitation,
  registerWithInvitation,
  changeMemberRole,
  revokeMember,
  requestAccess,
  confirmAccessRequest,
  refuseAccessRequest,
  createRegion,
  createPrsObjective,
  updatePrsObjective,
  archivePrsObjective,
  createTerritory,
  updateTerritory,
  createOrganisation,
  createContract,
  updateContract,
  renewContract,
  createAxis,
  updateAxis,
  moveAxis,
  deleteAxis,
  createFiche,
  updateFiche,
  deleteFiche,
  restoreFromTrash,
  publishFiches,
  withdrawFiche,
  setFicheConfidentiality,
  createIndicator,
  updateIndicator,
  deleteIndicator,
  addMeasurement,
  deleteMeasurement,
  importFiches,
  createContractOrganisation,
  reportCommitment,
  openCampaign,
  updateCampaign,
  closeCampaign,
  saveContribution,
  createMeeting,
  updateMeeting,
  deleteMeeting,
  createDocument,
  updateDocument,
  removeDocumentFile,
  deleteDocument,
  saveAssessment,
  markNotificationRead,
  markAllNotificationsRead,
  updateMailPreferences,
  openReviewThread,
  commentReviewThread,
  answerReviewThread,
  resolveReviewThread,
  settleReviewThread,
  reopenReviewThread,
  submitReviewStage,
  requestReviewChanges,
  approveReviewStage,
  createAmendment,
  updateAmendment,
  markAmendmentFiche,
  unmarkAmendmentFiche,
  recordAmendmentSignature,
  signAmendment,
  deleteAmendment,
];

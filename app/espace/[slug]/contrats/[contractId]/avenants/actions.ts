"use server";

// The amendments' actions, from the contract page (preparing one) and each amendment's page.
import { serverAction } from "@/lib/actions/server";
import {
  createAmendment,
  deleteAmendment,
  markAmendmentFiche,
  recordAmendmentSignature,
  signAmendment,
  unmarkAmendmentFiche,
  updateAmendment,
} from "@/lib/amendments/mutations";

export const createAmendmentAction = serverAction(createAmendment);
export const updateAmendmentAction = serverAction(updateAmendment);
export const markAmendmentFicheAction = serverAction(markAmendmentFiche);
export const unmarkAmendmentFicheAction = serverAction(unmarkAmendmentFiche);
export const recordAmendmentSignatureAction = serverAction(recordAmendmentSignature);
export const signAmendmentAction = serverAction(signAmendment);
export const deleteAmendmentAction = serverAction(deleteAmendment, { refreshPage: false });

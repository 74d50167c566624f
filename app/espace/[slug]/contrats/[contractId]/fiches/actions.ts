"use server";

import { serverAction } from "@/lib/actions/server";
import { createFiche, deleteFiche, updateFiche } from "@/lib/fiches/mutations";
import { createContractOrganisation } from "@/lib/organisations/mutations";
import { publishFiches, setFicheConfidentiality, withdrawFiche } from "@/lib/publication/mutations";
import { addMeasurement, createIndicator, deleteIndicator, deleteMeasurement, updateIndicator } from "@/lib/indicators/mutations";

// Creation and deletion navigate away themselves.
export const createFicheAction = serverAction(createFiche, { refreshPage: false });
export const updateFicheAction = serverAction(updateFiche);
export const deleteFicheAction = serverAction(deleteFiche, { refreshPage: false });
export const createIndicatorAction = serverAction(createIndicator);
export const updateIndicatorAction = serverAction(updateIndicator);
export const deleteIndicatorAction = serverAction(deleteIndicator);
export const addMeasurementAction = serverAction(addMeasurement);
export const deleteMeasurementAction = serverAction(deleteMeasurement);
export const createOrganisationAction = serverAction(createContractOrganisation);
export const publishFichesAction = serverAction(publishFiches);
export const withdrawFicheAction = serverAction(withdrawFiche);
export const ficheConfidentialityAction = serverAction(setFicheConfidentiality);

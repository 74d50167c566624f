"use server";

import { serverAction } from "@/lib/actions/server";
import { createFiche, deleteFiche, updateFiche } from "@/lib/fiches/mutations";

// Creation and deletion navigate away themselves.
export const createFicheAction = serverAction(createFiche, { refreshPage: false });
export const updateFicheAction = serverAction(updateFiche);
export const deleteFicheAction = serverAction(deleteFiche, { refreshPage: false });

"use server";

import { serverAction } from "@/lib/actions/server";
import { archivePrsObjective, createPrsObjective, updatePrsObjective } from "@/lib/prs-objectives/mutations";

export const createPrsObjectiveAction = serverAction(createPrsObjective);
export const updatePrsObjectiveAction = serverAction(updatePrsObjective);
export const archivePrsObjectiveAction = serverAction(archivePrsObjective);

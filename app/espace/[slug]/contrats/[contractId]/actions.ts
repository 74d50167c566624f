"use server";

import { serverAction } from "@/lib/actions/server";
import { createAxis, deleteAxis, moveAxis, updateAxis } from "@/lib/axes/mutations";
import { closeCampaign, openCampaign, updateCampaign } from "@/lib/campaigns/mutations";

export const createAxisAction = serverAction(createAxis);
export const updateAxisAction = serverAction(updateAxis);
export const moveAxisAction = serverAction(moveAxis);
export const deleteAxisAction = serverAction(deleteAxis);
export const openCampaignAction = serverAction(openCampaign);
export const updateCampaignAction = serverAction(updateCampaign);
export const closeCampaignAction = serverAction(closeCampaign);

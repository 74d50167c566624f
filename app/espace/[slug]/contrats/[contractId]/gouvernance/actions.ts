"use server";

import { serverAction } from "@/lib/actions/server";
import { createMeeting, deleteMeeting, updateMeeting } from "@/lib/meetings/mutations";

export const createMeetingAction = serverAction(createMeeting);
export const updateMeetingAction = serverAction(updateMeeting);
export const deleteMeetingAction = serverAction(deleteMeeting);

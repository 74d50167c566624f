"use server";

import { requestAccess } from "@/lib/access-requests/mutations";
import { serverAction } from "@/lib/actions/server";

export const requestAccessAction = serverAction(requestAccess);

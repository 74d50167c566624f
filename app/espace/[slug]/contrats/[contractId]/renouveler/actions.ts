"use server";

import { serverAction } from "@/lib/actions/server";
import { renewContract } from "@/lib/renewal/mutations";

export const renewContractAction = serverAction(renewContract);

"use server";

import { serverAction } from "@/lib/actions/server";
import { reportCommitment } from "@/lib/commitments/mutations";
import { saveContribution } from "@/lib/contributions/mutations";

export const reportCommitmentAction = serverAction(reportCommitment);
export const saveContributionAction = serverAction(saveContribution);

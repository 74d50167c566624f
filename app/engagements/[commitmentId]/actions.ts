"use server";

import { serverAction } from "@/lib/actions/server";
import { reportCommitment } from "@/lib/commitments/mutations";

export const reportCommitmentAction = serverAction(reportCommitment);

"use server";

import { serverAction } from "@/lib/actions/server";
import { createContract, updateContract } from "@/lib/contracts/mutations";

// Creation navigates to the new contract itself.
export const createContractAction = serverAction(createContract, { refreshPage: false });
export const updateContractAction = serverAction(updateContract);

"use server";

import { serverAction } from "@/lib/actions/server";
import { restoreFromTrash } from "@/lib/fiches/trash";

export const restoreAction = serverAction(restoreFromTrash);

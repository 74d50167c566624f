"use server";

import { serverAction } from "@/lib/actions/server";
import { importFiches } from "@/lib/fiches/import";

export const importFichesAction = serverAction(importFiches);

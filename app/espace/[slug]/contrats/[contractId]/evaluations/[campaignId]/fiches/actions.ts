"use server";

import { serverAction } from "@/lib/actions/server";
import { saveAssessment } from "@/lib/assessments/mutations";

export const saveAssessmentAction = serverAction(saveAssessment);

// A fiche as its history shows it, walked from the field catalogue (./schema.ts): one readable
// value per field, lists as lines. Read inside the transaction that changes the fiche.
import { historySnapshot } from "@/lib/catalogue";
import { ficheLabel } from "@/lib/contracts/labels";
import type { Tx } from "@/lib/db/client";
import { FICHE_FIELDS } from "./schema";
import { ficheRecordSelect } from "./selects";

export async function ficheSnapshot(tx: Tx, ficheId: string) {
  const fiche = await tx.ficheAction.findUniqueOrThrow({ relationLoadStrategy: "join", where: { id: ficheId }, select: ficheRecordSelect });
  return historySnapshot(FICHE_FIELDS, fiche);
}

/** How the audit log names a fiche: "Fiche n° 3 Prévenir les chutes". */
export const ficheEntityLabel = (number: number, title: string) => `${ficheLabel(number)} ${title}`;

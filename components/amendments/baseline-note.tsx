// What an amendment's differences are measured from, said honestly: the contract as signed (its
// signature's snapshot), the previous amendment, or, for a contract signed before amendments were
// recorded, the contract as it stood when its first amendment was created.
import type { Baseline } from "@/lib/amendments/queries";
import { amendmentLabel } from "@/lib/amendments/labels";
import { formatDate } from "@/lib/format";

export function BaselineNote({ base, number, after }: { base: Baseline; number: number; after: string }) {
  const from =
    base.reason === "signature"
      ? `le contrat tel que signé (figé le ${formatDate(base.createdAt)})`
      : base.asSigned
        ? `le contrat tel que l’${amendmentLabel(number - 1).toLowerCase()} l’a laissé`
        : `le contrat tel qu’il était le ${formatDate(base.createdAt)}, à la création de cet avenant`;
  return (
    <p>
      Entre {from} et {after}.
      {base.asSigned ? null : (
        <>
          {" "}
          Ce contrat a été signé avant que la plateforme n’enregistre les avenants&#8239;: aucun instantané n’a été pris à sa signature, et
          c’est cet état qui en tient lieu.
        </>
      )}
    </p>
  );
}

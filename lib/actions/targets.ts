// The targets several concepts' actions share, each with the operation it needs and how its
// scope is found (see actionsOn). Targets of one concept's actions only live in its mutations.
import { loadContractResource } from "@/lib/contracts/resource";
import { loadFicheResource } from "@/lib/fiches/resource";
import { actionsOn } from "./define";

/** Regions, territories, organisations of the platform: admins only. */
export const onPlatform = actionsOn("platform.administer", async () => ({}));
/** A contract and what it holds (axes, new fiches, its organisations), edited by its territory's coordinators. */
export const onContract = actionsOn("contract.edit", (db, { contractId }: { contractId: string }) => loadContractResource(db, contractId));
/** One fiche and its indicators, edited by coordinators and by the contributor who pilots it. */
export const onFiche = actionsOn("fiche.edit", (db, { ficheId }: { ficheId: string }) => loadFicheResource(db, ficheId));

import type { TerritoryKind } from "@/lib/db/generated/enums";

export const TERRITORY_KIND_LABELS = {
  commune: "Commune",
  communaute_communes: "Communauté de communes",
  communaute_agglomeration: "Communauté d’agglomération",
  communaute_urbaine: "Communauté urbaine",
  metropole: "Métropole",
  petr: "Pôle d’équilibre territorial et rural (PETR)",
  pays: "Pays",
  other: "Territoire",
} satisfies Record<TerritoryKind, string>;

import { FilterForm } from "@/components/ui/filter-form";
import { SelectField } from "@/components/ui/select-field";
import { formatCount, formatNumber } from "@/lib/format";
import type { RegionFacet } from "@/lib/territories/paging";

/** Narrows a list of territories to one region (a GET form: the filter is in the URL), and says how many it keeps. */
export function RegionFilter({
  regions,
  selected,
  total,
  action,
}: {
  regions: readonly RegionFacet[];
  selected: RegionFacet | undefined;
  /** Territories the filter keeps. */
  total: number;
  action: string;
}) {
  if (regions.length < 2) return null;
  return (
    <>
      <div className="mt-4">
        <FilterForm action={action} submitLabel="Afficher">
          <SelectField
            label="Région"
            name="region"
            defaultValue={selected?.slug ?? ""}
            placeholder="Toutes les régions"
            options={regions.map((region) => ({ value: region.slug, label: `${region.name} (${formatNumber(region.territories)})` }))}
          />
        </FilterForm>
      </div>
      {selected ? (
        <p className="mt-4 text-slate-700" role="status">
          {selected.name}&nbsp;: {formatCount(total, "territoire", "territoires")}.
        </p>
      ) : null}
    </>
  );
}

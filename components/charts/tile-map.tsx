// A tile-grid map: a region's départements (lib/portfolio/departments.ts) or France's regions
// (lib/regions/tiles.ts), each tile shaded by how many items the filters select there. Drawn on
// the server as plain SVG; hidden from assistive technologies, which read the table beside it.

/** A place on the grid: its code, the short text its tile shows (the code if none), its cell. */
export type MapTile = { code: string; label?: string; column: number; row: number };

const TILE = 64;
const GAP = 6;
// From no contract to the most: slate, then the brand's tints to its darkest.
const SHADES = ["#f1f5f9", "#d5e9ec", "#8fc3cc", "#1a6b7c", "#0b333c"] as const;

export function shadeOf(count: number, max: number): string {
  if (!count || !max) return SHADES[0];
  return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor(((count - 1) / max) * (SHADES.length - 1)))];
}

export function TileMap({
  tiles,
  counts,
  selected,
}: {
  tiles: readonly MapTile[];
  counts: Readonly<Record<string, number>>;
  /** The place the filter selects, outlined. */
  selected?: string;
}) {
  const columns = Math.max(...tiles.map((tile) => tile.column)) + 1;
  const rows = Math.max(...tiles.map((tile) => tile.row)) + 1;
  const max = Math.max(0, ...Object.values(counts));
  const step = TILE + GAP;
  return (
    <svg
      viewBox={`0 0 ${columns * step} ${rows * step}`}
      width="100%"
      style={{ maxWidth: columns * step, maxHeight: 420 }}
      role="presentation"
    >
      {tiles.map((tile) => {
        const count = counts[tile.code] ?? 0;
        const fill = shadeOf(count, max);
        const dark = fill === SHADES[3] || fill === SHADES[4];
        return (
          <g key={tile.code} transform={`translate(${tile.column * step} ${tile.row * step})`}>
            <rect
              width={TILE}
              height={TILE}
              rx={6}
              fill={fill}
              stroke={tile.code === selected ? "#b45309" : "#94a3b8"}
              strokeWidth={tile.code === selected ? 4 : 1}
            />
            <text x={TILE / 2} y={26} textAnchor="middle" fontSize={16} fontWeight={700} fill={dark ? "#ffffff" : "#0f172a"}>
              {tile.label ?? tile.code}
            </text>
            <text x={TILE / 2} y={48} textAnchor="middle" fontSize={14} fill={dark ? "#ffffff" : "#0f172a"}>
              {count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

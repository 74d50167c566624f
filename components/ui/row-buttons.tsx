import { Button } from "./button";

/**
 * Move up, move down and remove one row of a repeatable part of a form, named after their row
 * for screen readers. `data-row-move` lets useRows put focus back on the button pressed once the
 * row has moved.
 */
export function RowButtons({
  index,
  count,
  what,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  what: string;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <div className="flex shrink-0 gap-2">
      <Button
        variant="secondary"
        className="px-3"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={`Monter ${what}`}
        data-row-move="up"
      >
        ↑
      </Button>
      <Button
        variant="secondary"
        className="px-3"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={`Descendre ${what}`}
        data-row-move="down"
      >
        ↓
      </Button>
      <Button variant="secondary" onClick={onRemove} aria-label={`Retirer ${what}`}>
        Retirer
      </Button>
    </div>
  );
}

"use client";

// A repeatable part of a form (partners, milestones, signatories…): the numbered list of its
// rows, each with its move and remove buttons, then the button that adds a row; the texts come
// from the list field's catalogue entry. The ids and data attributes are those useRows moves the
// focus with. Two layouts: lines of a few inputs under the title, their buttons beside them; or
// cards of many inputs, their buttons under them.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { RowButtons } from "@/components/ui/row-buttons";
import type { FormList } from "@/lib/catalogue";
import type { Rows } from "./use-rows";
import type { Edit } from "./use-unsaved-changes";

type Layout =
  /** Lines under the title; `className` is the block's (title, list and add button). */
  | { cards?: false; className?: string; footer?: never }
  /** Cards; `footer` is shown between the list and the add button (the budget's total). */
  | { cards: true; className?: never; footer?: ReactNode };

export function RowList<Row>({
  rows,
  field: { label, list },
  edit,
  what = (index) => `${list.row} ${index + 1}`,
  rowClassName,
  onRemove,
  children,
  ...layout
}: Layout & {
  rows: Rows<Row>;
  field: { label: string; list: FormList };
  edit: Edit;
  /** The row as its buttons name it for screen readers, when more than its number ("l’engagement 2 de l’objectif 1"). */
  what?: (index: number) => string;
  rowClassName: string;
  /** Instead of removing the row at once (a saved objective asks first). */
  onRemove?: (key: string, row: Row) => void;
  children: (row: Row, index: number, key: string) => ReactNode;
}) {
  const lines = !layout.cards;
  const items = (
    <>
      <ol id={rows.listId} className={lines ? "mt-2 space-y-3" : "space-y-4"}>
        {rows.rows.map(({ key, row }, index) => {
          const buttons = (
            <RowButtons
              index={index}
              count={rows.rows.length}
              what={what(index)}
              onMove={edit((offset) => rows.move(key, offset))}
              onRemove={edit(() => (onRemove ? onRemove(key, row) : rows.remove(key)))}
            />
          );
          return (
            <li key={key} data-row={key} className={rowClassName}>
              {children(row, index, key)}
              {lines ? buttons : <div className="mt-3">{buttons}</div>}
            </li>
          );
        })}
      </ol>
      {layout.footer}
      <Button variant="secondary" className={lines ? "mt-3" : undefined} data-adds-to={rows.listId} onClick={edit(rows.add)}>
        {list.add}
      </Button>
    </>
  );
  if (!lines) return items;
  return (
    <div className={layout.className}>
      <p className="font-medium text-slate-900">{list.title ?? label}</p>
      {items}
    </div>
  );
}

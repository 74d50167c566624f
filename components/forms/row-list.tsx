"use client";

// A repeatable part of a form (partners, milestones, signatories…): the numbered list of its
// rows, each with its move and remove buttons, then the button that adds a row. The ids and data
// attributes are those useRows moves the focus with. Two layouts: lines of a few inputs under a
// title, their buttons beside them; or cards of many inputs, their buttons under them.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { RowButtons } from "@/components/ui/row-buttons";
import type { Rows } from "./use-rows";
import type { Edit } from "./use-unsaved-changes";

type Layout =
  /** Lines under a title; `className` is the block's (title, list and add button). */
  | { title: string; className?: string; footer?: never }
  /** Cards; `footer` is shown between the list and the add button (the budget's total). */
  | { title?: never; className?: never; footer?: ReactNode };

export function RowList<Row>({
  rows,
  edit,
  what,
  add,
  rowClassName,
  onRemove,
  children,
  ...layout
}: Layout & {
  rows: Rows<Row>;
  edit: Edit;
  /** The row as its buttons name it for screen readers, e.g. "le partenaire 2". */
  what: (index: number) => string;
  /** The add button's text. */
  add: string;
  rowClassName: string;
  /** Instead of removing the row at once (a saved objective asks first). */
  onRemove?: (key: string, row: Row) => void;
  children: (row: Row, index: number, key: string) => ReactNode;
}) {
  const lines = layout.title !== undefined;
  const list = (
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
        {add}
      </Button>
    </>
  );
  if (!lines) return list;
  return (
    <div className={layout.className}>
      <p className="font-medium text-slate-900">{layout.title}</p>
      {list}
    </div>
  );
}

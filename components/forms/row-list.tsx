"use client";

// A repeatable part of a form (partners, milestones, signatories…): the numbered list of its
// rows, each with its move and remove buttons, then the button that adds a row. The ids and data
// attributes are those useRows moves the focus with.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { RowButtons } from "@/components/ui/row-buttons";
import type { Rows } from "./use-rows";
import type { Edit } from "./use-unsaved-changes";

export function RowList<Row>({
  rows,
  edit,
  what,
  add,
  className,
  rowClassName,
  buttonsBelow = false,
  addClassName,
  footer,
  onRemove,
  children,
}: {
  rows: Rows<Row>;
  edit: Edit;
  /** The row as its buttons name it for screen readers, e.g. "le partenaire 2". */
  what: (index: number) => string;
  /** The add button's text. */
  add: string;
  className: string;
  rowClassName: string;
  /** The row's buttons on a line of their own under its fields, rather than beside them. */
  buttonsBelow?: boolean;
  addClassName?: string;
  /** Shown between the list and the add button (the budget's total). */
  footer?: ReactNode;
  /** Instead of removing the row at once (a saved objective asks first). */
  onRemove?: (key: string, row: Row) => void;
  children: (row: Row, index: number, key: string) => ReactNode;
}) {
  return (
    <>
      <ol id={rows.listId} className={className}>
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
              {buttonsBelow ? <div className="mt-3">{buttons}</div> : buttons}
            </li>
          );
        })}
      </ol>
      {footer}
      <Button variant="secondary" className={addClassName} data-adds-to={rows.listId} onClick={edit(rows.add)}>
        {add}
      </Button>
    </>
  );
}

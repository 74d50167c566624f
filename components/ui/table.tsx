// A data table: its name (a caption, shown or for screen readers only), its column headers
// (scope="col"), and the rows the caller writes, with a row header cell (scope="row") where a row has one.
// A table without a caption is one its surroundings name (a history entry's line above it).
import type { ReactNode } from "react";

export type TableColumn = {
  label: ReactNode;
  /** The column's own classes: width, alignment, visibility ("w-1/5", "text-right", "hidden sm:table-cell"). */
  className?: string;
};

export function Table({
  caption,
  showCaption = false,
  columns,
  className,
  headRowClassName,
  headCellClassName,
  bodyClassName,
  children,
}: {
  caption?: ReactNode;
  /** The caption is shown above the table; otherwise only screen readers read it. */
  showCaption?: boolean;
  columns: TableColumn[];
  /** Added to the table's: its margin, fixed layout, wrapping. */
  className?: string;
  /** The header row's own classes, beside the table's rule and colour (app/globals.css, .data-table). */
  headRowClassName?: string;
  /** Every header cell's own padding and weight, beside the table's (app/globals.css, .data-table). */
  headCellClassName?: string;
  bodyClassName?: string;
  /** The rows: `<tr>` elements. */
  children: ReactNode;
}) {
  return (
    <table className={classes("data-table w-full border-collapse text-left text-sm", className)}>
      {caption ? (
        <caption className={showCaption ? "px-3 py-2 text-left font-semibold text-slate-900" : "sr-only"}>{caption}</caption>
      ) : null}
      <thead>
        <tr className={headRowClassName}>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={classes(column.className, headCellClassName)}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={bodyClassName}>{children}</tbody>
    </table>
  );
}

const classes = (...names: Array<string | undefined>) => names.filter(Boolean).join(" ");

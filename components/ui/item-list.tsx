// A list of records separated by rules: each row shows its text, with its actions beside it
// from 640 px on. With no record, one sentence says so instead.
import type { ReactNode } from "react";

type Props<T extends { id: string }> = {
  items: readonly T[];
  /** The sentence shown when there is nothing to list. */
  empty: string;
  children: (item: T) => ReactNode;
};

export function ItemList<T extends { id: string }>({ items, empty, children }: Props<T>) {
  if (!items.length) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

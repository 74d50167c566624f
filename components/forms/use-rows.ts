"use client";

// Rows of a repeatable part of a form (findings, signatories, objectives…): stable keys so that
// inputs keep what was typed when rows are added, removed or moved; names follow the order.
import { useState } from "react";

let nextKey = 0;
const keyed = <Row>(row: Row) => ({ key: `row-${nextKey++}`, row });

export function useRows<Row>(initial: readonly Row[], blank: () => Row) {
  const [rows, setRows] = useState(() => initial.map(keyed));
  return {
    rows,
    add: () => setRows((current) => [...current, keyed(blank())]),
    remove: (key: string) => setRows((current) => current.filter((item) => item.key !== key)),
    move: (key: string, offset: -1 | 1) =>
      setRows((current) => {
        const index = current.findIndex((item) => item.key === key);
        const target = index + offset;
        if (index < 0 || target < 0 || target >= current.length) return current;
        const next = [...current];
        [next[index], next[target]] = [next[target], next[index]];
        return next;
      }),
  };
}

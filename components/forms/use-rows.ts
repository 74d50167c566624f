"use client";

// Rows of a repeatable part of a form (findings, signatories, objectives…): stable keys so that
// inputs keep what was typed when rows are added, removed or moved; names follow the order.
// Focus follows the change, so that a keyboard user never lands on nothing: a new row's first
// field, the pressed arrow of a moved row, the next row (or the add button) after a removal.
// The list gets `id={listId}`, each row `data-row={key}`, the add button `data-adds-to={listId}`.
import { useEffect, useId, useRef, useState } from "react";

let nextKey = 0;
const keyed = <Row>(row: Row) => ({ key: `row-${nextKey++}`, row });

type FocusTarget = { key: string; on: "field" | "up" | "down" } | "add";

const FIRST_FIELD = "input:not([type=hidden]), select, textarea";

export type Rows<Row> = ReturnType<typeof useRows<Row>>;

export function useRows<Row>(initial: readonly Row[], blank: () => Row) {
  const [rows, setRows] = useState(() => initial.map(keyed));
  const listId = useId();
  const focusTarget = useRef<FocusTarget | null>(null);

  useEffect(() => {
    const target = focusTarget.current;
    focusTarget.current = null;
    if (!target) return;
    if (target === "add") return document.querySelector<HTMLElement>(`[data-adds-to="${listId}"]`)?.focus();
    const row = document.getElementById(listId)?.querySelector<HTMLElement>(`[data-row="${target.key}"]`);
    if (!row) return;
    if (target.on === "field") return row.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    // The row's own arrows come last (an objective holds its commitments' rows before them). At
    // the top or the bottom the pressed arrow is disabled: the other one takes the focus.
    const arrow = (way: string) => [...row.querySelectorAll<HTMLButtonElement>(`[data-row-move="${way}"]`)].at(-1);
    const buttons = [arrow(target.on), arrow(target.on === "up" ? "down" : "up")];
    buttons.find((button) => button && !button.disabled)?.focus();
  }, [rows, listId]);

  return {
    rows,
    listId,
    add: () => {
      const added = keyed(blank());
      focusTarget.current = { key: added.key, on: "field" };
      setRows((current) => [...current, added]);
    },
    remove: (key: string) => {
      const index = rows.findIndex((item) => item.key === key);
      const neighbour = rows[index + 1] ?? rows[index - 1];
      focusTarget.current = neighbour && neighbour.key !== key ? { key: neighbour.key, on: "field" } : "add";
      setRows((current) => current.filter((item) => item.key !== key));
    },
    move: (key: string, offset: -1 | 1) => {
      focusTarget.current = { key, on: offset < 0 ? "up" : "down" };
      setRows((current) => {
        const index = current.findIndex((item) => item.key === key);
        const target = index + offset;
        if (index < 0 || target < 0 || target >= current.length) return current;
        const next = [...current];
        [next[index], next[target]] = [next[target], next[index]];
        return next;
      });
    },
  };
}

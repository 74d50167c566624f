"use client";

// Charts draw in the browser only: recharts' server-side SVG made the dashboards' HTML and render
// time several times larger, while the summary and the data table beside each chart (rendered on
// the server) already say what it shows. The frame keeps the chart's height so nothing moves.
import { useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/** True in the browser once hydrated, false while rendering on the server. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function ChartFrame({ height, children }: { height: number; children: () => ReactNode }) {
  const hydrated = useHydrated();
  return <div style={{ height }}>{hydrated ? children() : null}</div>;
}

import type { ReactNode } from "react";

/**
 * The save button of a long form, kept in sight at the bottom of the window. While it is on the
 * page, the page's scroll padding reserves its height (app/globals.css, `data-save-bar`), so the
 * browser never scrolls a focused field under it (WCAG 2.4.11 Focus Not Obscured).
 */
export function SaveBar({ children }: { children: ReactNode }) {
  return (
    <div
      data-save-bar=""
      className="sticky bottom-0 z-10 -mx-4 h-(--save-bar-height) border-t border-slate-200 bg-slate-50/95 px-4 py-3 sm:mx-0 sm:rounded-lg sm:border"
    >
      {children}
    </div>
  );
}

"use client";

// Asks before leaving a form with unsaved changes: closing or reloading the tab, or following
// a link inside the app (the App Router has no navigation guard, so clicks are intercepted).
import { useEffect, useRef, type RefObject } from "react";

export const LEAVE_QUESTION = "Vous avez des modifications non enregistrées. Quitter la page sans les enregistrer\u00a0?";

/** Wraps a change made outside the inputs (a row added, moved or removed): it marks the form changed first. */
export type Edit = <Args extends unknown[]>(change: (...args: Args) => void) => (...args: Args) => void;

export function useUnsavedChanges(formRef: RefObject<HTMLFormElement | null>) {
  const dirty = useRef(false);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const markDirty = () => (dirty.current = true);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (!dirty.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || form.contains(link)) return;
      if (!window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    form.addEventListener("input", markDirty);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      form.removeEventListener("input", markDirty);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [formRef]);

  return {
    /** After a successful save: leaving is fine again. */
    markSaved: () => (dirty.current = false),
    markDirty: () => (dirty.current = true),
    /** Drops the changes (after a conflict): the page is loaded again from the server, without asking. */
    discard: () => {
      dirty.current = false;
      window.location.reload();
    },
    edit: ((change) =>
      (...args) => {
        dirty.current = true;
        change(...args);
      }) as Edit,
  };
}

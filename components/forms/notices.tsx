"use client";

// Confirmations of what just happened (created, moved to the trash, restored), in one polite
// live region between the header and the page, kept across client-side navigation: an action
// that leaves the page (a fiche moved to the trash) confirms on the page it lands on. The
// notice takes the focus, so a keyboard user finds its "Annuler" button first; it ends when
// the user leaves the page it was shown on.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

export type Notice = {
  message: string;
  tone?: "info" | "error";
  /** Shown only once this path is displayed (the page an action navigates to). */
  path?: string;
  /** Undoes what the notice confirms; "Annuler" runs it. */
  undo?: () => Promise<void>;
};

type Shown = Notice & { id: number };

// Kept across a full reload (an undo that has to reload the page) for this tab only.
const STORAGE_KEY = "opencls-notice";

let current: Shown | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function announce(notice: Notice): void {
  current = { ...notice, id: nextId++ };
  emit();
}

/** A notice for the page after a full reload (no undo: functions do not survive it). */
export function announceAfterReload(notice: Omit<Notice, "undo">): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(notice));
}

function dismiss(id: number) {
  if (current?.id !== id) return;
  current = null;
  emit();
}

export function NoticeRegion() {
  const notice = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  const pathname = usePathname();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const shownOn = useRef<{ id: number; path: string } | null>(null);
  const shown = notice && (!notice.path || notice.path === pathname) ? notice : null;

  useEffect(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return;
    sessionStorage.removeItem(STORAGE_KEY);
    announce(JSON.parse(stored) as Notice);
  }, []);

  useEffect(() => {
    if (!shown || shownOn.current?.id === shown.id) return;
    shownOn.current = { id: shown.id, path: pathname };
    ref.current?.focus();
  }, [shown, pathname]);

  // Leaving the page where a notice was shown ends it, whatever comes next.
  useEffect(() => {
    if (current && shownOn.current?.id === current.id && shownOn.current.path !== pathname) dismiss(current.id);
  }, [pathname]);

  async function undo(target: Shown) {
    if (!target.undo) return;
    setBusy(true);
    try {
      await target.undo();
    } finally {
      setBusy(false);
    }
  }

  return (
    // A polite live region, present before any message so that screen readers announce what
    // appears in it. Not role="status": the pages' own form statuses stay the only ones.
    <div aria-live="polite">
      {shown ? (
        <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
          <div
            ref={ref}
            tabIndex={-1}
            className={`flex flex-wrap items-center gap-3 rounded-md border-l-4 px-4 py-3 ${
              shown.tone === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-brand-600 bg-brand-50 text-brand-900"
            }`}
          >
            <p className="grow">{shown.message}</p>
            {shown.undo ? (
              <Button variant="secondary" disabled={busy} onClick={() => undo(shown)}>
                {busy ? "Annulation…" : "Annuler"}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

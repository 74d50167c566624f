"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/**
 * The ProConnect button, after the federation's own: its wording ("S’identifier avec
 * ProConnect"), blue #000091, two lines, and "Qu’est-ce que ProConnect ?" beneath. A real button
 * with text, so its accessible name reads as one sentence.
 */
export function ProConnectButton({ callbackPath }: { callbackPath: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("proconnect", { callbackUrl: callbackPath });
        }}
        className="inline-flex min-h-14 w-full flex-col items-start justify-center rounded-none bg-[#000091] px-5 py-2 text-left leading-tight text-white hover:bg-[#1212ff] disabled:cursor-wait disabled:opacity-80 sm:w-auto sm:min-w-60"
      >
        <span className="text-[0.9375rem]">S’identifier avec</span> <span className="text-lg font-bold">ProConnect</span>
      </button>
      <p className="text-sm">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer">
          Qu’est-ce que ProConnect&nbsp;?<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </div>
  );
}

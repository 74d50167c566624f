"use client";

import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/errors";

// Unexpected server errors: a French message, never a stack trace. An unreachable database
// (digest set by lib/db/client.ts) is an outage, not a bug: say so and offer to retry. Other
// errors show their digest, which lets an operator find the logged error.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <title>Service temporairement indisponible · OpenCLS</title>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Service temporairement indisponible</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">
          OpenCLS ne parvient pas à joindre sa base de données pour le moment. Aucune donnée enregistrée n’est perdue&#8239;; réessayez dans
          quelques instants.
        </p>
        {/* A plain link reloads the page from the server, which a client-side reset would not. */}
        <a
          href=""
          className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          Réessayer
        </a>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Une erreur est survenue</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">
        La page n’a pas pu être affichée. Réessayez dans un instant&#8239;; si le problème persiste, signalez-le avec la référence
        ci-dessous.
      </p>
      {error.digest ? <p className="mt-2 text-sm text-slate-600">Référence&nbsp;: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Réessayer
      </button>
    </div>
  );
}

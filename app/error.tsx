"use client";

// Unexpected server errors: a French message, never a stack trace. The digest lets an
// operator find the logged error.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Une erreur est survenue</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">
        La page n’a pas pu être affichée. Réessayez dans un instant&#8239;; si le problème persiste, signalez-le avec la référence ci-dessous.
      </p>
      {error.digest ? <p className="mt-2 text-sm text-slate-600">Référence&nbsp;: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        Réessayer
      </button>
    </div>
  );
}

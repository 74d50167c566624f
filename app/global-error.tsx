"use client";

import ErrorPage from "./error";
import "./globals.css";

// Errors the root layout itself hits (its header reads the signed-in account, so an
// unreachable database lands here): the same French page, in a document of its own because
// this replaces the root layout.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="min-h-screen">
        <main id="contenu">
          <ErrorPage error={error} reset={reset} />
        </main>
      </body>
    </html>
  );
}

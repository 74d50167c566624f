import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OpenCLS · Contrats locaux de santé", template: "%s · OpenCLS" },
  description: "Plateforme ouverte de suivi des contrats locaux de santé : axes, fiches actions, partenaires et évaluation.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only z-50 rounded bg-white px-4 py-2 font-medium focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
        >
          Aller au contenu principal
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
            <Link href="/" className="flex items-baseline gap-2 text-slate-900 no-underline hover:text-brand-800">
              <span className="text-xl font-bold tracking-tight">OpenCLS</span>
              <span className="hidden text-sm text-slate-600 sm:inline">Contrats locaux de santé</span>
            </Link>
            <nav aria-label="Navigation principale">
              <ul className="flex gap-6 text-sm font-medium">
                <li>
                  <Link href="/#territoires" className="text-slate-700 no-underline hover:text-brand-800 hover:underline">
                    Territoires
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="contenu" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <footer className="mt-16 border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
            <p>OpenCLS, logiciel libre de suivi des contrats locaux de santé.</p>
            <ul className="flex gap-6">
              <li>
                <Link href="/accessibilite">Accessibilité : non conforme</Link>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

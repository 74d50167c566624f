import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NoticeRegion } from "@/components/forms/notices";
import { SiteHeader } from "@/components/layout/site-header";
import { FOOTER_CONFORMITY_LABEL } from "@/lib/accessibility/statement";
import { publicBaseUrl } from "@/lib/http/public-url";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "@/lib/public-pages/metadata";
import "./globals.css";

// Read on each request, not at build time: canonical and Open Graph URLs follow the address the
// operator gives the running app (NEXTAUTH_URL), whatever it was when the app was built.
export function generateMetadata(): Metadata {
  return {
    metadataBase: publicBaseUrl(),
    title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
  };
}

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
        <SiteHeader />
        <NoticeRegion />
        <main id="contenu" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <footer className="mt-16 border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
            <p>OpenCLS, logiciel libre de suivi des contrats locaux de santé.</p>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <Link href="/donnees">Données ouvertes</Link>
              </li>
              <li>
                <Link href="/accessibilite">{FOOTER_CONFORMITY_LABEL}</Link>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

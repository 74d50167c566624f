import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentActor, currentUnreadNotifications } from "@/lib/auth/session";
import { reportsAsPartner } from "@/lib/commitments/queries";
import { pilotsFiches } from "@/lib/fiches/queries";
import { formatNumber } from "@/lib/format";
import { followsPortfolio } from "@/lib/portfolio/resource";

const navLink = "text-slate-700 no-underline hover:text-brand-800 hover:underline";

export async function SiteHeader() {
  const [actor, unread] = await Promise.all([currentActor(), currentUnreadNotifications()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-baseline gap-2 text-slate-900 no-underline hover:text-brand-800">
          <span className="text-xl font-bold tracking-tight">OpenCLS</span>
          <span className="hidden text-sm text-slate-600 sm:inline">Contrats locaux de santé</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm font-medium">
            <li>
              <Link href="/#territoires" className={navLink}>
                Territoires
              </Link>
            </li>
            {actor.userId ? (
              <>
                <li>
                  <Link href="/espace" className={navLink}>
                    Mon espace
                  </Link>
                </li>
                {followsPortfolio(actor) ? (
                  <li>
                    <Link href="/portefeuille" className={navLink}>
                      Portefeuille régional
                    </Link>
                  </li>
                ) : null}
                {pilotsFiches(actor) ? (
                  <li>
                    <Link href="/fiches" className={navLink}>
                      Mes fiches
                    </Link>
                  </li>
                ) : null}
                {reportsAsPartner(actor) ? (
                  <li>
                    <Link href="/engagements" className={navLink}>
                      Mes engagements
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/notifications" className={navLink}>
                    Notifications
                    {unread ? (
                      <>
                        {" "}
                        <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                          {formatNumber(unread)}
                        </span>
                        <span className="sr-only"> non {unread > 1 ? "lues" : "lue"}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
                <li className="flex items-center gap-3">
                  <span className="hidden text-slate-600 md:inline">{actor.email}</span>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <li>
                <Link href="/connexion" className={navLink}>
                  Se connecter
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

import type { Metadata } from "next";
import { MailPreferencesForm } from "@/components/notifications/mail-preferences-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/auth/require";
import { getMailPreferences } from "@/lib/notifications/queries";
import { updateMailPreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Préférences d’e-mail" };
export const dynamic = "force-dynamic";

export default async function MailPreferencesPage() {
  const actor = await requireSignedIn("/notifications/preferences");
  const preferences = await getMailPreferences(actor);
  return (
    <>
      <PageHeader
        title="Préférences d’e-mail"
        eyebrow={<Breadcrumb items={[{ label: "Notifications", href: "/notifications" }, { label: "Préférences" }]} />}
      >
        <p>Vos notifications restent toujours visibles dans OpenCLS&nbsp;; choisissez ici celles que vous recevez aussi par e-mail.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <MailPreferencesForm action={updateMailPreferencesAction} preferences={preferences} />
        </div>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextField } from "@/components/ui/text-field";
import { requireSignedIn } from "@/lib/auth/require";
import { NotFoundError } from "@/lib/authz";
import { formatDateTime } from "@/lib/format";
import { DEV_MAILBOX_LIMIT, DEV_MAILBOX_PATH, devMailboxFilterSchema, listDevEmails } from "@/lib/mail/dev-mailbox";
import { isDevelopmentMode } from "@/lib/mail/send";
import { splitLinks } from "@/lib/text/links";

export const metadata: Metadata = { title: "Boîte de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadEmails(filter: { to?: string }) {
  // Outside development mode the page does not exist, even for signed-out visitors.
  if (!isDevelopmentMode()) notFound();
  const actor = await requireSignedIn(DEV_MAILBOX_PATH);
  try {
    return await listDevEmails(actor, filter);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function DevMailboxPage({ searchParams }: Props) {
  const { destinataire } = await searchParams;
  const filter = devMailboxFilterSchema.parse({ to: typeof destinataire === "string" ? destinataire : undefined });
  const emails = await loadEmails(filter);
  return (
    <>
      <PageHeader title="Boîte de développement">
        <p>
          Sans serveur SMTP (variable SMTP_URL), les e-mails de l’application ne partent pas&nbsp;: ils sont gardés ici, les{" "}
          {DEV_MAILBOX_LIMIT} plus récents en premier. Cette page n’existe qu’en mode développement.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <FilterForm action={DEV_MAILBOX_PATH} submitLabel="Filtrer">
          <TextField label="Destinataire" name="destinataire" type="email" defaultValue={filter.to ?? ""} hint="Son adresse exacte." />
        </FilterForm>
        {emails.length ? (
          <ol aria-label="E-mails gardés" className="max-w-3xl space-y-4">
            {emails.map((email) => (
              <li key={email.id}>
                <article aria-labelledby={`email-${email.id}`} className="rounded-lg border border-slate-200 bg-white p-5">
                  <h2 id={`email-${email.id}`} className="text-lg font-semibold text-slate-900">
                    {email.subject}
                  </h2>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-600">À</dt>
                    <dd className="break-all text-slate-900">{email.to}</dd>
                    <dt className="text-slate-600">Date</dt>
                    <dd className="text-slate-900">
                      <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt)}</time>
                    </dd>
                    {email.headers.map(([name, value]) => (
                      <Fragment key={name}>
                        <dt className="text-slate-600">{name}</dt>
                        <dd className="break-all text-slate-900">{value}</dd>
                      </Fragment>
                    ))}
                  </dl>
                  <p className="mt-4 whitespace-pre-wrap break-words border-t border-slate-200 pt-4 text-slate-800">
                    {splitLinks(email.text).map((part, index) =>
                      part.href ? (
                        <a key={index} href={part.href} className="break-all">
                          {part.text}
                        </a>
                      ) : (
                        part.text
                      ),
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-700">{filter.to ? `Aucun e-mail pour ${filter.to}.` : "Aucun e-mail pour le moment."}</p>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page introuvable">
        <p>L’adresse demandée ne correspond à aucune page d’OpenCLS. Elle a pu être modifiée, ou le contrat n’est pas publié.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <p>
          <Link href="/">Revenir à la liste des territoires</Link>
        </p>
      </div>
    </>
  );
}

// The bench's baseline (tests/bench/run.ts): an empty page of this app, rendered on each request
// like every other page, within the same layout. Not found unless the server runs for the bench.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { benchEnabled } from "@/lib/config/bench";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Page vide" };

export default function EmptyPage() {
  if (!benchEnabled()) notFound();
  return <p className="mx-auto max-w-6xl px-4 py-8 sm:px-6">Page vide.</p>;
}

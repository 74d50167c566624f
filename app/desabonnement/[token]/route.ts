// One-click unsubscription (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click` here with no
// Origin header: the one request lib/http/cross-site.ts lets through that way, because the token
// in the URL authenticates it and stopping an e-mail is all it can do. A GET (a person clicking
// the link) only shows the confirmation page: link scanners must not unsubscribe anyone.
import { NextResponse } from "next/server";
import { assertCan, NotFoundError } from "@/lib/authz";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { stopMail } from "@/lib/notifications/mutations";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";

type Context = { params: Promise<{ token: string }> };

const notFound = () =>
  new NextResponse("Lien de désabonnement inconnu.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  if (!readUnsubscribeToken(token)) return notFound();
  return new NextResponse(null, { status: 303, headers: { Location: `/desabonnement/${token}/confirmation` } });
}

export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  try {
    assertCan(await currentActor(), "mail.unsubscribe");
    const target = readUnsubscribeToken(token);
    if (!target) throw new NotFoundError();
    await stopMail(getDb(), target);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  // The confirmation page's own button comes back to it; a mail client gets a plain answer.
  if (request.headers.get("accept")?.includes("text/html")) {
    return new NextResponse(null, { status: 303, headers: { Location: `/desabonnement/${token}/confirmation` } });
  }
  return new NextResponse("Désabonnement enregistré.", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// One-click unsubscription (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click` here with no
// Origin header: the one request lib/http/cross-site.ts lets through that way, because the token
// in the URL authenticates it and stopping an e-mail is all it can do. A GET (a person clicking
// the link) only shows the confirmation page: link scanners must not unsubscribe anyone.
import { NextResponse } from "next/server";
import { NotFoundError } from "@/lib/authz";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { stopMail } from "@/lib/notifications/mutations";
import { loadUnsubscribeResource } from "@/lib/notifications/resource";

type Context = { params: Promise<{ token: string }> };

const notFound = () =>
  new NextResponse("Lien de désabonnement inconnu.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const toConfirmation = (token: string) =>
  new NextResponse(null, { status: 303, headers: { Location: `/desabonnement/${token}/confirmation` } });

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  try {
    loadUnsubscribeResource(token);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  return toConfirmation(token);
}

export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  try {
    await stopMail(getDb(), await currentActor(), token);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  // The confirmation page's own button comes back to it; a mail client gets a plain answer.
  if (request.headers.get("accept")?.includes("text/html")) return toConfirmation(token);
  return new NextResponse("Désabonnement enregistré.", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Signing in over plain HTTP, as the sign-in form does through next-auth: for the bench and for
// tests that drive several app instances without a browser.
export type HttpSignIn = { cookie: string } | { cookie: undefined; status: number; error: string | null };

/** next-auth's credentials sign-in: its CSRF token, then the credentials; the session cookie when it opened one. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<HttpSignIn> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (session) return { cookie: session.split(";")[0] };
  // With json=true next-auth answers { url } where the form would be redirected: the error is in it.
  const { url } = (await response.json().catch(() => ({ url: response.headers.get("location") }))) as { url?: string | null };
  return { cookie: undefined, status: response.status, error: url ? new URL(url, base).searchParams.get("error") : null };
}

/** Asks next-auth for a sign-in link by e-mail, as the link form does. */
export async function requestSignInLink(base: string, email: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, email, json: "true", callbackUrl: base }),
  });
  return response.status;
}

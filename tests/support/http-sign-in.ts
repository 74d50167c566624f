// Signing in over plain HTTP, as the sign-in form does through next-auth: for the bench and for
// tests that drive several app instances without a browser.
export type HttpSignIn = { cookie: string } | { cookie: undefined; status: number; error: string | null };

/** Posts a form to a next-auth endpoint as its forms do: with the CSRF token and its cookie. */
async function postAuthForm(base: string, endpoint: string, fields: Record<string, string>): Promise<Response> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return fetch(`${base}/api/auth/${endpoint}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true", callbackUrl: base }),
  });
}

/** next-auth's credentials sign-in: the session cookie when it opened one, else the error it gave. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<HttpSignIn> {
  const response = await postAuthForm(base, "callback/credentials", { email, password });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (session) return { cookie: session.split(";")[0] };
  // With json=true next-auth answers { url } where the form would be redirected: the error is in it.
  const { url } = (await response.json().catch(() => ({ url: response.headers.get("location") }))) as { url?: string | null };
  return { cookie: undefined, status: response.status, error: url ? new URL(url, base).searchParams.get("error") : null };
}

/** Asks next-auth for a sign-in link by e-mail, as the link form does. */
export async function requestSignInLink(base: string, email: string): Promise<number> {
  return (await postAuthForm(base, "signin/email", { email })).status;
}

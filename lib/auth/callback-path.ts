// Where a visitor goes after signing in: only a path of this site, whatever the encoding. A value
// such as "//evil.test", "/\evil.test" or "/.//evil.test" (which URL parsing turns into
// "//evil.test") would be read by browsers as another host, so it falls back.

const PROBE_ORIGIN = "http://opencls.invalid";
// Tabs and newlines are dropped by URL parsers (so "/\t/evil.test" is "//evil.test"), and
// backslashes read as slashes: no control character or backslash survives in a callback path.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;
export const DEFAULT_CALLBACK_PATH = "/espace";
const MAX_LENGTH = 2_000;

export function safeCallbackPath(value: string | null | undefined, fallback = DEFAULT_CALLBACK_PATH): string {
  if (!value || value.length > MAX_LENGTH || UNSAFE_CHARACTERS.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The result, and what it becomes once decoded (next-auth and proxies decode callback URLs,
  // and a stray "%" makes them throw), must each be a path that stays here.
  const decoded = decodedForms(path);
  if (!decoded || !decoded.every(isLocalPath)) return fallback;
  return path;
}

const isLocalPath = (path: string) => path.startsWith("/") && !path.startsWith("//") && !UNSAFE_CHARACTERS.test(path);

/** The path and its successive decodings ("%252F" → "%2F" → "/"), or null when one is malformed. */
function decodedForms(path: string): string[] | null {
  const forms = [path];
  try {
    for (let round = 0; round < 3; round++) {
      const next = decodeURIComponent(forms.at(-1)!);
      if (next === forms.at(-1)) break;
      forms.push(next);
    }
  } catch {
    return null;
  }
  return forms;
}

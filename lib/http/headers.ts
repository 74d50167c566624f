// Request headers as the app receives them: a fetch `Headers` (route handlers, server actions'
// `headers()`) or Node's plain object (next-auth's `authorize()`).

export type RequestHeaders = Record<string, string | string[] | undefined> | Headers | undefined;

/** One header's value; repeated headers joined with commas, as HTTP defines. */
export function readHeader(headers: RequestHeaders, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(",") : value;
}

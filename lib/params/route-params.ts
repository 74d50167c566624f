// The dynamic segments of the app's URLs, each with the shape its records' keys have. A value no
// record can have (an id that is not a UUID, a slug with a NUL byte or 2,000 characters) is "not
// found", like an unknown record, instead of reaching PostgreSQL and failing there with a 500.
import { z } from "zod";
import { NotFoundError } from "@/lib/authz";

const id = z.uuid();

export const ROUTE_PARAMS = {
  /** A territory's slug, as lib/text/slug.ts and the seed schema make them (Territory.slug is VARCHAR(80)). */
  slug: z.string().regex(/^[a-z0-9-]{1,80}$/),
  contractId: id,
  ficheId: id,
  commitmentId: id,
  campaignId: id,
  documentId: id,
  amendmentId: id,
  /** An invitation link's token: 32 random bytes in base64url (lib/invitations/token.ts). */
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
} satisfies Record<string, z.ZodType<string>>;

export type RouteParamName = keyof typeof ROUTE_PARAMS;
export type RouteParams = Partial<Record<RouteParamName, string>>;

/** Whether every param has a shape some record could have. */
export function wellFormed(params: RouteParams): boolean {
  return Object.entries(params).every(
    ([name, value]) => Object.hasOwn(ROUTE_PARAMS, name) && ROUTE_PARAMS[name as RouteParamName].safeParse(value).success,
  );
}

/** The params unchanged, or a NotFoundError when one of them cannot name a record. */
export function checkRouteParams<P extends RouteParams>(params: P): P {
  if (!wellFormed(params)) throw new NotFoundError("Malformed route param");
  return params;
}

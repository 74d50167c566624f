// Recognising database errors that are the user's to fix (a duplicate value), not ours.

type DriverMeta = { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } };

/**
 * For a unique-constraint violation, the constraint's name or columns as one string (e.g.
 * "Region_inseeCode_key"), so that callers can tell which field was duplicated; null for any
 * other error.
 */
export function uniqueViolationTarget(error: unknown): string | null {
  if (typeof error !== "object" || error === null || (error as { code?: string }).code !== "P2002") return null;
  const meta = (error as { meta?: DriverMeta }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  return [constraint?.index, ...(constraint?.fields ?? []), ...(Array.isArray(meta?.target) ? meta.target : [])].filter(Boolean).join(" ");
}

// Form fields as a plain object for zod, the same in the browser and on the server.
import { assertAllowedKey, objectFromInputEntries, UnsafeInputError } from "@/lib/input/object-keys";

type Value = string | File | string[] | FormObject | Value[];
type FormObject = { [key: string]: Value };

/** No form of ours nests deeper or repeats rows more than this; beyond, the input is hostile. */
export const FORM_LIMITS = { depth: 8, rowIndex: 9_999 } as const;

/**
 * Repeated names become arrays (checkbox groups); dotted names nest, with numeric segments as
 * array indexes: "objectives.0.title" → { objectives: [{ title }] }, which is also the path zod
 * reports errors at. Files stay File objects; Next.js's own fields ($ACTION_…) are dropped.
 * Built on null-prototype objects, and a segment such as "__proto__" throws UnsafeInputError:
 * a field name must never reach Object.prototype.
 */
export function formDataToObject(formData: FormData): Record<string, Value> {
  const object: FormObject = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const path = key.split(".").map(assertAllowedKey);
    if (path.length > FORM_LIMITS.depth) throw new UnsafeInputError(`field name nested ${path.length} deep`);
    let parent: FormObject | Value[] = object;
    for (let index = 0; index < path.length - 1; index++) {
      const segment = indexOrKey(parent, path[index]);
      const nextIsIndex = /^\d+$/.test(path[index + 1]);
      const container = Object.hasOwn(parent, segment) ? (parent as FormObject)[segment] : undefined;
      if (
        container === undefined ||
        typeof container !== "object" ||
        container instanceof File ||
        Array.isArray(container) !== nextIsIndex
      ) {
        (parent as FormObject)[segment] = nextIsIndex ? [] : Object.create(null);
      }
      parent = (parent as FormObject)[segment] as FormObject | Value[];
    }
    const last = indexOrKey(parent, path.at(-1)!);
    const existing = Object.hasOwn(parent, last) ? (parent as FormObject)[last] : undefined;
    (parent as FormObject)[last] =
      existing === undefined ? value : Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
  }
  // Rows removed in the browser leave holes in the indexes: compact them.
  return compact(object) as Record<string, Value>;
}

/** Arrays take bounded numeric indexes only; objects take any allowed key. */
function indexOrKey(parent: FormObject | Value[], segment: string): string {
  if (!Array.isArray(parent)) return segment;
  if (!/^\d{1,4}$/.test(segment) || Number(segment) > FORM_LIMITS.rowIndex) throw new UnsafeInputError(`row index "${segment}"`);
  return segment;
}

function compact(value: Value): Value {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (typeof value === "object" && !(value instanceof File))
    return objectFromInputEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

// Form fields as a plain object for zod, the same in the browser and on the server.

type Value = string | File | string[] | FormObject | Value[];
type FormObject = { [key: string]: Value };

/**
 * Repeated names become arrays (checkbox groups); dotted names nest, with numeric segments as
 * array indexes: "objectives.0.title" → { objectives: [{ title }] }, which is also the path zod
 * reports errors at. Files stay File objects; Next.js's own fields ($ACTION_…) are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, Value> {
  const object: FormObject = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const path = key.split(".");
    let parent: FormObject | Value[] = object;
    for (let index = 0; index < path.length - 1; index++) {
      const segment = path[index];
      const nextIsIndex = /^\d+$/.test(path[index + 1]);
      const container = (parent as FormObject)[segment] as FormObject | Value[] | undefined;
      if (container === undefined || typeof container !== "object") (parent as FormObject)[segment] = nextIsIndex ? [] : {};
      parent = (parent as FormObject)[segment] as FormObject | Value[];
    }
    const last = path.at(-1)!;
    const existing = (parent as FormObject)[last];
    (parent as FormObject)[last] = existing === undefined ? value : Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
  }
  // Rows removed in the browser leave holes in the indexes: compact them.
  return compact(object) as Record<string, Value>;
}

function compact(value: Value): Value {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (typeof value === "object" && !(value instanceof File)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

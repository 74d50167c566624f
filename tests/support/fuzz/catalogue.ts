// The form fields an action reads, found by walking its zod input schema: the names its real
// form posts ("objectives.#.title", "#" standing for a row index), with the enum values a field
// accepts, so that the fuzzer can send both valid values (to reach the code behind the
// validation) and hostile ones.
import type { z } from "zod";

export type FieldKind = "text" | "id" | "date" | "number" | "file" | "enum";

export type Field = {
  /** Dotted form name, "#" for a row index: "signatories.#.signedOn". */
  name: string;
  kind: FieldKind;
  /** Values the schema accepts as they are (enum entries, literals). */
  options: string[];
};

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const NUMBER_NAMES =
  /^(version|generation|number|progress|weight|year|diagnosisYear|amount|financialAmount|value|baselineValue|targetValue|inseeCode|siren)$/;

function kindOf(name: string, leaf: Def): FieldKind {
  const last = name.split(".").at(-1)!;
  if (leaf.type === "custom" || leaf.type === "file") return "file";
  if (leaf.type === "enum" || leaf.type === "literal") return "enum";
  if (leaf.format === "uuid" || /(^id$|Id$|Ids$)/.test(last)) return "id";
  if (/(On|Date)$/.test(last)) return "date";
  if (leaf.type === "number" || NUMBER_NAMES.test(last)) return "number";
  return "text";
}

/** Every field of a schema, in declaration order. */
export function fieldsOf(schema: z.ZodType): Field[] {
  const fields = new Map<string, Field>();
  const walk = (node: unknown, path: string[]) => {
    const def = defOf(node);
    switch (def.type) {
      case "object":
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) walk(child, [...path, key]);
        return;
      case "intersection":
        walk(def.left, path);
        walk(def.right, path);
        return;
      case "pipe":
        walk(def.in, path);
        walk(def.out, path);
        return;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        walk(def.innerType, path);
        return;
      case "lazy":
        walk((def.getter as () => unknown)(), path);
        return;
      case "array":
        walk(def.element, [...path, "#"]);
        return;
      case "union":
        for (const option of def.options as unknown[]) walk(option, path);
        return;
      case "transform":
        return;
      default: {
        if (path.length === 0) return;
        // A list of strings posts its items under the list's own name (checkbox groups).
        const name = (path.at(-1) === "#" ? path.slice(0, -1) : path).join(".");
        const field = fields.get(name) ?? { name, kind: kindOf(name, def), options: [] };
        if (field.kind === "text" && kindOf(name, def) !== "text") field.kind = kindOf(name, def);
        const values =
          def.type === "enum"
            ? Object.values(def.entries as Record<string, string>)
            : def.type === "literal"
              ? (def.values as unknown[]).map(String)
              : [];
        field.options = [...new Set([...field.options, ...values])];
        fields.set(name, field);
      }
    }
  };
  walk(schema, []);
  return [...fields.values()];
}

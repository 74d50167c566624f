// Each collection's CSV described as a Table Schema (Frictionless Data, the format of
// schema.data.gouv.fr), from the same columns as the file: same names, same order.
import { appUrl } from "@/lib/mail/app-url";
import { describe, LIST_SEPARATOR, type Column, type ColumnType } from "./columns";
import { COLLECTIONS, type CollectionName } from "./schema";

type TableSchemaField = {
  name: string;
  title: string;
  description?: string;
  type: "string" | "integer" | "number" | "date" | "datetime" | "boolean";
  format?: "uuid" | "uri";
  constraints?: { required?: true; enum?: string[]; pattern?: string };
};

const TYPES: Record<ColumnType, Pick<TableSchemaField, "type" | "format">> = {
  string: { type: "string" },
  uuid: { type: "string", format: "uuid" },
  uri: { type: "string", format: "uri" },
  integer: { type: "integer" },
  decimal: { type: "number" },
  date: { type: "date" },
  datetime: { type: "datetime" },
  boolean: { type: "boolean" },
  // Joined in one cell: a string to a validator.
  list: { type: "string" },
};

/**
 * A list cell of codes among `codes`, as the CSV joins them: a pattern, since a Table Schema's
 * enum holds whole cells. In XML Schema's syntax, as the specification asks: anchored at both
 * ends by definition, no non-capturing groups. Codes are snake_case, so none needs escaping.
 */
export function listPattern(codes: readonly string[]): string {
  const unfit = codes.find((code) => !/^[a-z0-9_]+$/.test(code));
  if (unfit !== undefined) throw new Error(`open data: the code "${unfit}" is not snake_case`);
  const code = `(${codes.join("|")})`;
  return `${code}(${LIST_SEPARATOR}${code})*`;
}

export function tableSchemaField(col: Column<never>): TableSchemaField {
  const description = describe(col);
  const constraints = {
    ...(col.required ? { required: true as const } : {}),
    ...(col.choices ? (col.type === "list" ? { pattern: listPattern(Object.keys(col.choices)) } : { enum: Object.keys(col.choices) }) : {}),
  };
  return {
    name: col.name,
    title: col.title,
    ...(description ? { description } : {}),
    ...TYPES[col.type],
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Table Schema of a collection's CSV file. */
export function tableSchema(name: CollectionName) {
  const collection = COLLECTIONS[name];
  return {
    $schema: "https://frictionlessdata.io/schemas/table-schema.json",
    name: `opencls-${name}`,
    title: `OpenCLS – ${collection.title}`,
    description: collection.description,
    countryCode: "FR",
    path: appUrl(`/api/v1/${name}.schema.json`),
    resources: [{ title: collection.title, path: appUrl(`/api/v1/${name}.csv`) }],
    fields: (collection.columns as ReadonlyArray<Column<never>>).map(tableSchemaField),
    primaryKey: [...collection.primaryKey],
    // Between the collections' files, as a data package of them would name its resources.
    foreignKeys: collection.foreignKeys.map((key) => ({
      fields: [...key.fields],
      reference: { ...key.reference, fields: [...key.reference.fields] },
    })),
    missingValues: [""],
  };
}

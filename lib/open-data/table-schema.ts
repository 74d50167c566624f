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

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A list cell of codes among `codes`, as the CSV joins them: a pattern, since a Table Schema's enum holds whole cells. */
export function listPattern(codes: readonly string[]): string {
  const code = `(?:${codes.map(literally).join("|")})`;
  return `^${code}(?:${literally(LIST_SEPARATOR)}${code})*$`;
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

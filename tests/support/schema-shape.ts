// Two views of the same database shape, for the drift test: what prisma/schema.prisma
// declares (its DMMF, computed by Prisma's own schema WASM) and what PostgreSQL holds.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";

export type Shape = {
  enums: Record<string, string[]>;
  tables: Record<string, Record<string, { type: string; nullable: boolean; default: string | null }>>;
  indexes: string[];
  foreignKeys: string[];
};

type DmmfField = {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type Dmmf = {
  datamodel: {
    enums: Array<{ name: string; values: Array<{ name: string }> }>;
    models: Array<{ name: string; fields: DmmfField[] }>;
    indexes: Array<{ model: string; type: "id" | "unique" | "normal"; fields: Array<{ name: string; sortOrder?: "asc" | "desc" }> }>;
  };
};

export async function shapeFromSchema(schemaPath = path.resolve("prisma/schema.prisma")): Promise<Shape> {
  const schema = await readFile(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
  const { enums, models, indexes } = dmmf.datamodel;
  const enumNames = new Set(enums.map((e) => e.name));

  const tables: Shape["tables"] = {};
  const foreignKeys: string[] = [];
  for (const model of models) {
    tables[model.name] = {};
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
          const onUpdate = field.relationOnUpdate ?? "Cascade";
          foreignKeys.push(fk(model.name, field.relationFromFields, field.type, field.relationToFields!, onDelete, onUpdate));
        }
        continue;
      }
      tables[model.name][field.name] = {
        type: columnType(field, enumNames),
        // Prisma creates scalar-list columns without NOT NULL.
        nullable: field.isList || !field.isRequired,
        default: columnDefault(field),
      };
    }
  }
  // The DMMF leaves out Unsupported("…") fields (e.g. a generated tsvector): read them from the text.
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    for (const [, name, type, optional] of body.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?/gm)) {
      tables[model][name] = { type, nullable: optional === "?", default: null };
    }
  }
  return {
    enums: Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.name)])),
    tables,
    indexes: indexes
      .map((index) =>
        indexKey(
          index.model,
          index.type === "id" ? "primary" : index.type,
          index.fields.map((f) => `${f.name}${f.sortOrder === "desc" ? " DESC" : ""}`),
        ),
      )
      .sort(),
    foreignKeys: foreignKeys.sort(),
  };
}

/** PostgreSQL's type for a Prisma scalar without a native type attribute. */
const PLAIN_COLUMN_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

function columnType(field: DmmfField, enumNames: Set<string>): string {
  const base = (() => {
    if (field.kind === "enum" || enumNames.has(field.type)) return field.type;
    const [native, args = []] = field.nativeType ?? [];
    if (!native && PLAIN_COLUMN_TYPES[field.type]) return PLAIN_COLUMN_TYPES[field.type];
    if (field.type === "String" && native === "VarChar") return `varchar(${args[0]})`;
    if (field.type === "String" && native === "Uuid") return "uuid";
    if (field.type === "Decimal" && native === "Decimal") return `numeric(${args[0]},${args[1]})`;
    if (field.type === "DateTime" && native === "Date") return "date";
    if (field.type === "DateTime" && native === "Timestamptz") return `timestamptz(${args[0] ?? 6})`;
    throw new Error(`The drift test does not know how Prisma maps ${field.type} @db.${native}: extend columnType()`);
  })();
  return field.isList ? `${base}[]` : base;
}

function columnDefault(field: DmmfField): string | null {
  if (!field.hasDefaultValue) return null;
  const value = field.default;
  if (field.isList && Array.isArray(value) && value.length === 0)
    return `ARRAY[]::${field.type === "String" ? "text" : field.type.toLowerCase()}[]`;
  if (typeof value === "object" && value !== null && "name" in value) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    throw new Error(`The drift test does not know the default ${fn.name}(): extend columnDefault()`);
  }
  if (field.kind === "enum") return `'${String(value)}'::"${field.type}"`;
  if (field.type === "Json") return `'${String(value)}'::jsonb`;
  if (field.type === "String") return `'${String(value)}'::${field.nativeType?.[0] === "VarChar" ? "character varying" : "text"}`;
  return String(value);
}

export async function shapeFromDatabase(connectionString: string): Promise<Shape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const enumRows = await client.query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
    const columnRows = await client.query<{
      table_name: string;
      column_name: string;
      is_nullable: string;
      data_type: string;
      udt_name: string;
      character_maximum_length: number | null;
      numeric_precision: number | null;
      numeric_scale: number | null;
      datetime_precision: number | null;
      column_default: string | null;
    }>(`
      SELECT c.table_name, c.column_name, c.is_nullable, c.data_type, c.udt_name, c.character_maximum_length,
             c.numeric_precision, c.numeric_scale, c.datetime_precision, c.column_default
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`);
    const arrayElementRows = await client.query<{ table_name: string; column_name: string; udt_name: string }>(`
      SELECT c.table_name, c.column_name, e.udt_name
      FROM information_schema.columns c
      JOIN information_schema.element_types e ON e.object_name = c.table_name AND e.collection_type_identifier = c.dtd_identifier
        AND e.object_type = 'TABLE' AND e.object_schema = c.table_schema
      WHERE c.table_schema = 'public'`);
    const indexRows = await client.query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(`
      SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
             array_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`);
    const fkRows = await client.query<{
      table_name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
      on_update: string;
    }>(`
      SELECT c.conrelid::regclass::text AS table_name,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
             c.confrelid::regclass::text AS ref_table,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns,
             c.confdeltype AS on_delete, c.confupdtype AS on_update
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);

    const arrayElements = new Map(arrayElementRows.rows.map((row) => [`${row.table_name}.${row.column_name}`, row.udt_name]));
    const tables: Shape["tables"] = {};
    for (const row of columnRows.rows) {
      const type = (() => {
        if (row.data_type === "ARRAY") return `${arrayElements.get(`${row.table_name}.${row.column_name}`)}[]`;
        if (row.data_type === "USER-DEFINED") return row.udt_name;
        if (row.udt_name === "varchar") return `varchar(${row.character_maximum_length})`;
        if (row.udt_name === "numeric") return `numeric(${row.numeric_precision},${row.numeric_scale})`;
        if (row.udt_name === "timestamptz" || row.udt_name === "timestamp") return `${row.udt_name}(${row.datetime_precision})`;
        return row.udt_name;
      })();
      (tables[unquote(row.table_name)] ??= {})[row.column_name] = {
        type,
        nullable: row.is_nullable === "YES",
        default: row.column_default?.replace(/::text\[\]$/, "::text[]") ?? null,
      };
    }
    const enums: Shape["enums"] = {};
    for (const row of enumRows.rows) (enums[row.name] ??= []).push(row.value);
    const ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
    return {
      enums,
      tables,
      indexes: indexRows.rows
        .map((row) => indexKey(row.table_name, row.is_primary ? "primary" : row.is_unique ? "unique" : "normal", row.columns))
        .sort(),
      foreignKeys: fkRows.rows
        .map((row) =>
          fk(unquote(row.table_name), row.columns, unquote(row.ref_table), row.ref_columns, ACTIONS[row.on_delete], ACTIONS[row.on_update]),
        )
        .sort(),
    };
  } finally {
    await client.end();
  }
}

const unquote = (name: string) => name.replace(/^"|"$/g, "");
const indexKey = (table: string, kind: string, columns: string[]) => `${table} ${kind} (${columns.join(", ")})`;
const fk = (table: string, columns: string[], refTable: string, refColumns: string[], onDelete: string, onUpdate: string) =>
  `${table}(${columns.join(", ")}) -> ${refTable}(${refColumns.join(", ")}) on delete ${onDelete}, on update ${onUpdate}`;

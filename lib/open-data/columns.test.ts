import { describe, expect, it } from "vitest";
import { catalogueColumns, column, resourceSchema, valueOf, type Column } from "./columns";
import { COLLECTION_NAMES, COLLECTIONS } from "./schema";
import { tableSchema, tableSchemaField } from "./table-schema";

const of = (type: Column<never>["type"], more: Partial<Column<never>> = {}) =>
  column<never>("x", "X", type, () => null, more) as Column<never>;

describe("column values", () => {
  it("give each value in its column's type, or nothing when a snapshot holds another shape", () => {
    expect(valueOf(of("date"), new Date("2024-03-01T00:00:00Z"))).toBe("2024-03-01");
    expect(valueOf(of("date"), "01/03/2024")).toBeNull();
    expect(valueOf(of("decimal"), "12500.50")).toBe("12500.50");
    expect(valueOf(of("decimal"), { toString: () => "-3.25", toFixed: () => "" })).toBe("-3.25");
    expect(valueOf(of("decimal"), "1e5")).toBeNull();
    expect(valueOf(of("integer"), 3.5)).toBeNull();
    expect(valueOf(of("integer"), "42")).toBe(42);
    expect(valueOf(of("string", { choices: { a: "A" } }), "b")).toBeNull();
    expect(valueOf(of("uuid"), "pas-un-uuid")).toBeNull();
    expect(valueOf(of("list"), undefined)).toEqual([]);
    expect(valueOf(of("list"), ["a", 2, { b: 1 }])).toEqual(["a", "2"]);
    expect(valueOf(of("string"), { nested: true })).toBeNull();
    expect(valueOf(of("list", { choices: { a: "A", b: "B" } }), ["b", "z", "a"])).toEqual(["b", "a"]);
  });

  it("hold a list's items to its codes in the JSON schema and, as a pattern of the joined cell, in the Table Schema", () => {
    const themes = of("list", { choices: { mental_health: "Santé mentale", mobility: "Mobilité" } });
    expect(resourceSchema([themes]).safeParse({ x: ["mental_health", "mobility"] }).success).toBe(true);
    expect(resourceSchema([themes]).safeParse({ x: ["mental_health", "autre"] }).success).toBe(false);
    // XML Schema patterns match the whole cell: the test anchors it as a validator does.
    const pattern = new RegExp(`^(?:${tableSchemaField(themes).constraints!.pattern!})$`);
    expect(["mental_health", "mental_health;mobility", "mobility;mobility"].filter((cell) => pattern.test(cell))).toHaveLength(3);
    expect(["mental_health;", "mental_health;autre", "mobility mental_health", "xmobility"].some((cell) => pattern.test(cell))).toBe(false);
    expect(tableSchemaField(themes).constraints!.pattern).not.toMatch(/[?^$]/);
    expect(tableSchemaField(themes).constraints).not.toHaveProperty("enum");
    expect(() => tableSchemaField(of("list", { choices: { "a.b": "Point" } }))).toThrow(/snake_case/);
  });

  it("give the fiches' themes column the catalogue's theme codes", () => {
    const themes = COLLECTIONS.fiches.columns.find((col) => col.name === "themes")!;
    expect(Object.keys(themes.choices ?? {})).toContain("mental_health");
    expect(tableSchema("fiches").fields.find((field) => field.name === "themes")?.constraints?.pattern).toMatch(/mental_health/);
  });
});

describe("catalogue columns", () => {
  it("make a column of each public field under its API name, and refuse a public list field with nowhere to go", () => {
    const catalogue = {
      title: { label: "Intitulé", scalar: true, input: { kind: "text" as const }, publicPage: true, api: "title" },
      secret: { label: "Secret", scalar: true, publicPage: false, api: "secret" },
      dueOn: { label: "Échéance", scalar: true, input: { kind: "date" as const }, publicPage: true, api: "due_on" },
      rows: { label: "Lignes", scalar: false, publicPage: true, api: "rows" },
    };
    expect(() => catalogueColumns(catalogue, () => ({}))).toThrow(/rows/);
    const columns = catalogueColumns<Record<string, unknown>>(catalogue, (values) => values, { rows: { collection: "rows" } });
    expect(columns.map((col) => [col.name, col.type])).toEqual([
      ["title", "string"],
      ["due_on", "date"],
    ]);
    // A key a snapshot's JSON could inherit is not read.
    expect(columns[0].read(Object.create({ title: "hérité" }))).toBeUndefined();
  });
});

describe("collections", () => {
  it("declare each column once, with a snake_case name, a French title, and a primary key among them", () => {
    for (const name of COLLECTION_NAMES) {
      const names = COLLECTIONS[name].columns.map((col) => col.name);
      expect(new Set(names).size, name).toBe(names.length);
      for (const key of COLLECTIONS[name].primaryKey) expect(names, name).toContain(key);
      for (const col of COLLECTIONS[name].columns) expect(col.title, `${name}.${col.name}`).not.toBe("");
    }
  });

  it("describe their CSV with the same columns as their JSON resources, in the same order", () => {
    for (const name of COLLECTION_NAMES) {
      const columns = COLLECTIONS[name].columns as ReadonlyArray<Column<never>>;
      expect(tableSchema(name).fields.map((field) => field.name)).toEqual(columns.map((col) => col.name));
      expect(Object.keys(resourceSchema(columns).shape)).toEqual(columns.map((col) => col.name));
    }
  });

  it("give every public field of the fiche catalogues a column or a collection of its own", () => {
    const fiche = COLLECTIONS.fiches.columns.map((col) => col.name);
    expect(fiche).toEqual(
      expect.arrayContaining(["title", "status", "progress", "pilot_contact_email", "partners", "themes", "determinants", "milestones"]),
    );
    expect(fiche).not.toEqual(expect.arrayContaining(["priority"]));
    expect(fiche).not.toContain("budget_lines");
    expect(COLLECTIONS.indicators.columns.map((col) => col.name)).toEqual(
      expect.arrayContaining(["baseline_value", "target_on", "data_source"]),
    );
  });
});

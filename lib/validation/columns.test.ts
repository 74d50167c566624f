import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { describe, expect, it } from "vitest";
import { DECIMAL_COLUMNS } from "./columns";

type Field = { name: string; type: string; nativeType?: [string, string[]] | null };
type Dmmf = { datamodel: { models: Array<{ name: string; fields: Field[] }> } };

describe("column bounds", () => {
  // Prisma's schema parser is WebAssembly: a few seconds on a busy machine.
  it("restates the precision and scale of every Decimal column of prisma/schema.prisma", { timeout: 30_000 }, () => {
    const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
    const declared = Object.fromEntries(
      dmmf.datamodel.models.flatMap((model) =>
        model.fields
          .filter((field) => field.type === "Decimal")
          .map((field) => {
            // A Decimal without @db.Decimal(p, s) is PostgreSQL's unbounded numeric: give it bounds.
            expect(field.nativeType?.[0], `${model.name}.${field.name} needs @db.Decimal(precision, scale)`).toBe("Decimal");
            const [precision, scale] = field.nativeType![1].map(Number);
            return [`${model.name}.${field.name}`, { precision, scale }];
          }),
      ),
    );
    expect(Object.keys(declared).length).toBeGreaterThan(0);
    expect(DECIMAL_COLUMNS).toEqual(declared);
  });
});

import { describe, expect, it } from "vitest";
import { createTerritorySchema } from "./schema";

describe("createTerritorySchema", () => {
  const valid = { name: "Communauté de communes du Test", kind: "communaute_communes", regionId: "0b9c6f4e-6a43-4a7e-9a55-3c1a1e0f2a10" };

  it("accepts a territory with its region", () => {
    expect(createTerritorySchema.safeParse(valid).success).toBe(true);
  });

  // Found by `npm run fuzz`: a form without the field at all skipped the rule and reached Prisma.
  const withoutRegion = { name: valid.name, kind: valid.kind };
  it.each([
    ["absent", withoutRegion],
    ["undefined", { ...valid, regionId: undefined }],
    ["empty", { ...valid, regionId: "" }],
  ])("asks for the region when the field is %s", (_case, input) => {
    const result = createTerritorySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === "regionId")?.message).toBe("Choisissez la région.");
  });

  it("takes a place of the reference by its type and code only", () => {
    expect(createTerritorySchema.parse({ ...valid, reference: "epci:246200364" }).reference).toBe("epci:246200364");
    expect(createTerritorySchema.parse({ ...valid, reference: "" }).reference).toBeNull();
    for (const reference of ["246200364", "region:84", "commune:26281;drop", "__proto__:26"]) {
      const result = createTerritorySchema.safeParse({ ...valid, reference });
      expect(result.error?.issues[0]?.path).toEqual(["reference"]);
    }
  });
});

import { describe, expect, it } from "vitest";
import {
  findGeoDepartment,
  findGeoEntry,
  findGeoRegion,
  GEO_SEARCH_LIMIT,
  geoValue,
  listRegionDepartments,
  parseGeoValue,
  searchCommunes,
  searchGeo,
} from "./reference";

describe("the State's administrative reference", () => {
  it("gives a commune its INSEE code, département and region", () => {
    expect(findGeoEntry("commune", "26281")).toMatchObject({
      name: "Romans-sur-Isère",
      kind: "commune",
      regionCode: "84",
      departmentCodes: ["26"],
      communeCodes: ["26281"],
      inseeCode: "26281",
      siren: null,
    });
  });

  it("gives an EPCI its SIREN, kind, member communes and départements", () => {
    const lens = findGeoEntry("epci", "246200364");
    expect(lens).toMatchObject({ kind: "communaute_agglomeration", regionCode: "32", departmentCodes: ["62"], siren: "246200364" });
    expect(lens!.communeCodes).toContain("62498"); // Lens
    expect(lens!.communeCodes.length).toBeGreaterThan(30);
    expect(findGeoEntry("epci", "247100290")).toMatchObject({ kind: "communaute_urbaine", departmentCodes: ["71"] });
  });

  it("lists the overseas départements and the regions with an ARS, and no collectivité d'outre-mer", () => {
    for (const code of ["971", "972", "973", "974", "976"]) expect(findGeoDepartment(code)?.regionCode).toBe(code.replace("97", "0"));
    expect(findGeoDepartment("975")).toBeNull();
    expect(findGeoRegion("84")?.name).toBe("Auvergne-Rhône-Alpes");
    expect(listRegionDepartments("27").map((department) => department.code)).toEqual(["21", "25", "39", "58", "70", "71", "89", "90"]);
    expect(listRegionDepartments("94").map((department) => department.code)).toEqual(["2A", "2B"]);
  });

  it("finds places by any words of their name, whatever accents, case and hyphens", () => {
    expect(searchGeo("lens lievin").map(geoValue)).toEqual(["epci:246200364"]);
    expect(searchGeo("SAONE et loire").map(geoValue)).toContain("departement:71");
    expect(searchGeo("romans sur isere").map(geoValue)[0]).toBe("commune:26281");
  });

  it("finds a place by its code, the exact code first", () => {
    expect(searchGeo("26").map(geoValue)[0]).toBe("departement:26");
    expect(searchGeo("2A004").map(geoValue)).toEqual(["commune:2A004"]);
    expect(searchGeo("246200364").map(geoValue)).toEqual(["epci:246200364"]);
  });

  it("bounds what a search returns and finds nothing for nothing", () => {
    expect(searchGeo("saint")).toHaveLength(GEO_SEARCH_LIMIT);
    expect(searchGeo("saint", 5)).toHaveLength(5);
    expect(searchGeo("  -- ")).toEqual([]);
    expect(searchGeo("zzzzqx")).toEqual([]);
  });

  it("finds communes by postcode, every commune a postcode serves, and by name, the most populated first", () => {
    expect(searchCommunes("26100").map((commune) => commune.name)).toEqual(["Romans-sur-Isère"]);
    const served = searchCommunes("26300").map((commune) => commune.name);
    expect(served.length).toBeGreaterThan(1);
    expect(served).toContain("Bourg-de-Péage");
    expect(searchCommunes("romans sur isere")[0]).toEqual({
      code: "26281",
      name: "Romans-sur-Isère",
      departmentCode: "26",
      postcodes: ["26100"],
    });
    expect(searchCommunes("lievin")[0].name).toBe("Liévin");
    expect(searchCommunes("saint", 4)).toHaveLength(4);
    expect(searchCommunes("99999")).toEqual([]);
    expect(searchCommunes(" - ")).toEqual([]);
  });

  it("reads back only the values it writes", () => {
    expect(parseGeoValue("commune:26281")).toEqual({ type: "commune", code: "26281" });
    expect(parseGeoValue("epci:246200364")).toEqual({ type: "epci", code: "246200364" });
    for (const bad of ["region:84", "commune:", "commune:26281 ", "__proto__:1", "departement:xx"]) expect(parseGeoValue(bad)).toBeNull();
  });
});

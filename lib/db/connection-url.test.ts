import { describe, expect, it } from "vitest";
import { assertConnectionUrl, maskPassword, redactSecrets, withDatabase } from "./connection-url";

describe("connection strings", () => {
  it("masks the password and keeps everything else", () => {
    expect(maskPassword("postgresql://cls:s3cr%40t@db.example:6543/opencls?sslmode=require")).toBe(
      "postgresql://cls:****@db.example:6543/opencls?sslmode=require",
    );
  });

  it("masks a password given as a URL parameter", () => {
    expect(maskPassword("postgresql://db.example/opencls?user=cls&password=hunter2")).toBe(
      "postgresql://db.example/opencls?user=cls&password=****",
    );
  });

  it("masks a password in a keyword connection string", () => {
    expect(maskPassword("host=db.example user=cls password=hunter2 dbname=opencls")).toBe(
      "host=db.example user=cls password=**** dbname=opencls",
    );
    expect(maskPassword("host=db password='a b c' dbname=x")).toBe("host=db password=**** dbname=x");
  });

  it("leaves a URL without password unchanged", () => {
    expect(maskPassword("postgresql://cls@localhost/opencls")).toBe("postgresql://cls@localhost/opencls");
  });

  it("redacts the password wherever a driver message repeats it", () => {
    const url = "postgresql://cls:hunter2@localhost:5432/opencls";
    expect(redactSecrets(`auth failed for ${url} (password hunter2)`, url)).toBe(
      "auth failed for postgresql://cls:****@localhost:5432/opencls (password ****)",
    );
    expect(redactSecrets("bad password hunter2", "host=h password=hunter2")).toBe("bad password ****");
  });

  it("explains an unreadable DATABASE_URL without printing its password", () => {
    expect(() => assertConnectionUrl("postgresql://cls:pa#ss@localhost/opencls")).toThrow(/percent-encode special characters/);
    expect(() => assertConnectionUrl("postgresql://cls:pa#ss@localhost/opencls")).not.toThrow(/pa#ss/);
    expect(() => assertConnectionUrl("mysql://cls@localhost/opencls")).toThrow(/not a valid postgresql:\/\/ URL/);
    expect(() => assertConnectionUrl("postgresql://cls:pa%23ss@localhost/opencls")).not.toThrow();
  });

  it("points a URL at another database", () => {
    expect(withDatabase("postgresql://a:b@h:1/x?y=z", "other")).toBe("postgresql://a:b@h:1/other?y=z");
  });
});

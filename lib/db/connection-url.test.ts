import { describe, expect, it } from "vitest";
import { maskPassword, redactSecrets, withDatabase } from "./connection-url";

describe("connection URLs", () => {
  it("masks the password and keeps everything else", () => {
    expect(maskPassword("postgresql://cls:s3cr%40t@db.example:6543/opencls?sslmode=require")).toBe(
      "postgresql://cls:****@db.example:6543/opencls?sslmode=require",
    );
  });

  it("leaves a URL without password unchanged", () => {
    expect(maskPassword("postgresql://cls@localhost/opencls")).toBe("postgresql://cls@localhost/opencls");
  });

  it("redacts the password wherever a driver message repeats it", () => {
    const url = "postgresql://cls:hunter2@localhost:5432/opencls";
    expect(redactSecrets(`auth failed for ${url} (password hunter2)`, url)).toBe(
      "auth failed for postgresql://cls:****@localhost:5432/opencls (password ****)",
    );
  });

  it("points a URL at another database", () => {
    expect(withDatabase("postgresql://a:b@h:1/x?y=z", "other")).toBe("postgresql://a:b@h:1/other?y=z");
  });
});

import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectDb } from "@/lib/db/client";
import { setupAppDatabase } from "../support/database";
import { freePort } from "../support/ports";

const database = setupAppDatabase();

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://cls:x@127.0.0.1:${await freePort()}/opencls`;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = database().url;
    }
  });
});

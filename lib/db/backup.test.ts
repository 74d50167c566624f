import { describe, expect, it } from "vitest";
import { defaultBackupPath } from "./backup";

describe("backup file names", () => {
  it("default to backups/opencls-<UTC timestamp>.backup.gz, sorting by date", () => {
    expect(defaultBackupPath(new Date("2026-12-02T09:05:07.123Z"))).toBe("backups/opencls-20261202T090507Z.backup.gz");
    expect(defaultBackupPath(new Date("2026-12-02T09:05:07Z"), "/srv/sauvegardes")).toBe(
      "/srv/sauvegardes/opencls-20261202T090507Z.backup.gz",
    );
  });
});

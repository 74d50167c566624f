import { describe, expect, it } from "vitest";
import { todayInParis } from "@/lib/due/schedule";
import { hasEnded, publicContractStatus } from "./public-status";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const contract = (extra: Partial<Parameters<typeof publicContractStatus>[0]> = {}) => ({
  status: "signed" as const,
  signedOn: day("2021-03-01"),
  startsOn: day("2021-03-12"),
  endsOn: day("2026-03-12"),
  ...extra,
});

describe("publicContractStatus", () => {
  it("still runs on its end day, and has reached its term the day after", () => {
    expect(publicContractStatus(contract(), day("2026-03-12"))).toEqual({
      key: "signed",
      label: "Signé",
      detail: "Jusqu’au 12\u00a0mars\u00a02026",
    });
    expect(publicContractStatus(contract(), day("2026-03-13"))).toEqual({
      key: "expired",
      label: "Arrivé à échéance",
      detail: "Échu le 12\u00a0mars\u00a02026",
    });
  });

  it("has not started before its start day, and runs from it", () => {
    expect(publicContractStatus(contract(), day("2021-03-11"))).toEqual({
      key: "upcoming",
      label: "Pas encore commencé",
      detail: "Débute le 12\u00a0mars\u00a02021",
    });
    expect(publicContractStatus(contract(), day("2021-03-12")).key).toBe("signed");
  });

  it("starts on its signature when it gives no start day", () => {
    expect(publicContractStatus(contract({ startsOn: null }), day("2021-02-28")).key).toBe("upcoming");
    expect(publicContractStatus(contract({ startsOn: null }), day("2021-03-01")).key).toBe("signed");
  });

  it("keeps every running status until the end day: in progress, under evaluation", () => {
    for (const status of ["in_progress", "mid_term_evaluation", "final_evaluation"] as const) {
      expect(publicContractStatus(contract({ status }), day("2024-01-01")).key).toBe(status);
      expect(publicContractStatus(contract({ status }), day("2027-01-01")).key).toBe("expired");
    }
  });

  it("says what it is stored as when it has no dates", () => {
    const undated = contract({ signedOn: null, startsOn: null, endsOn: null });
    expect(publicContractStatus(undated, day("2030-01-01"))).toEqual({ key: "signed", label: "Signé", detail: null });
    expect(publicContractStatus({ ...undated, signedOn: day("2019-09-25") }, day("2030-01-01"))).toEqual({
      key: "signed",
      label: "Signé",
      detail: "Signé le 25\u00a0septembre\u00a02019, échéance non renseignée",
    });
  });

  it("leaves contracts in preparation, closed or renewed as they are stored, whatever their dates", () => {
    for (const status of ["preparation", "closed", "renewed"] as const) {
      expect(publicContractStatus(contract({ status }), day("2030-01-01"))).toMatchObject({ key: status, detail: null });
      expect(publicContractStatus(contract({ status }), day("2020-01-01")).key).toBe(status);
    }
  });

  it("counts days in Paris: just before midnight UTC on the end day it is already the day after in Paris", () => {
    // 23:30 UTC on 12 March 2026 is 00:30 on 13 March in Paris (UTC+1).
    expect(publicContractStatus(contract(), todayInParis(new Date("2026-03-12T23:30:00Z"))).key).toBe("expired");
    expect(publicContractStatus(contract(), todayInParis(new Date("2026-03-12T22:30:00Z"))).key).toBe("signed");
  });
});

describe("hasEnded", () => {
  it("is false without an end day", () => {
    expect(hasEnded(null, day("2100-01-01"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { displayedAddress } from "./queries";

describe("the journal's addresses", () => {
  it("shows an IPv4-mapped IPv6 address as plain IPv4", () => {
    expect(displayedAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayedAddress("::FFFF:192.0.2.10")).toBe("192.0.2.10");
  });

  it("keeps real IPv6 and IPv4 addresses, and shows nothing for what is not one", () => {
    expect(displayedAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(displayedAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(displayedAddress("unknown")).toBeNull();
    expect(displayedAddress(null)).toBeNull();
  });
});

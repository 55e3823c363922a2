import { describe, expect, it } from "vitest";
import { formatDateTime, formatEuro, formatMonth, formatNumber, formatPercent } from "./format.js";

// Intl puts narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("format", () => {
  it("writes months as the locale does", () => {
    expect(formatMonth("en-GB", "2029-06")).toBe("Jun 2029");
    expect(formatMonth("nl-NL", "2029-06")).toBe("jun 2029");
    expect(formatMonth("nl-NL", "not a month")).toBe("not a month");
  });

  it("groups thousands and uses the locale's decimal mark", () => {
    expect(formatNumber("nl-NL", 70000)).toBe("70.000");
    expect(formatNumber("en-GB", 70000)).toBe("70,000");
    expect(formatNumber("nl-NL", 2.25, 1)).toBe("2,3");
    expect(plain(formatPercent("nl-NL", 0.125))).toBe("12,5%");
    expect(plain(formatPercent("en-GB", 0.125))).toBe("12.5%");
  });

  it("writes euros in the locale's style", () => {
    expect(plain(formatEuro("nl-NL", 5000))).toBe("€ 5.000");
    expect(plain(formatEuro("en-GB", 5000))).toBe("€5,000");
    expect(plain(formatEuro("en-GB", 2.5))).toBe("€2.50");
  });

  it("writes timestamps in the given time zone", () => {
    expect(plain(formatDateTime("en-GB", "2025-03-01T12:30:00Z", "UTC"))).toBe("1 Mar 2025, 12:30");
    expect(formatDateTime("en-GB", "garbage")).toBe("garbage");
  });
});

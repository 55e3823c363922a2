import { describe, expect, it } from "vitest";
import type { Country } from "../model/schema.js";
import { blocOf, hhi, hhiBand } from "./blocs.js";

const country = (code: string, flags: Partial<Country> = {}): Country => ({
  code,
  name: code,
  eu: false,
  nato: false,
  concern: false,
  ...flags,
});

describe("blocOf", () => {
  it("lets the concern flag win, then EU, then NATO, then partner", () => {
    expect(blocOf(country("XX", { eu: true, concern: true }))).toBe("concern");
    expect(blocOf(country("NL", { eu: true, nato: true }))).toBe("eu");
    expect(blocOf(country("NO", { nato: true }))).toBe("nato");
    expect(blocOf(country("KR"))).toBe("partner");
  });

  it("counts countries the dataset does not list and the unknown code ZZ as other", () => {
    expect(blocOf(undefined)).toBe("other");
    expect(blocOf(country("ZZ"))).toBe("other");
  });
});

describe("hhi", () => {
  it("is 10,000 for a monopoly and 5,000 for two equal shares, with the merger-guideline bands", () => {
    expect(hhi([1])).toBe(10_000);
    expect(hhi([0.5, 0.5])).toBe(5_000);
    expect(hhi([0.2, 0.2, 0.2, 0.2, 0.2])).toBeCloseTo(2_000, 9);
    expect(hhiBand(1_499)).toBe("unconcentrated");
    expect(hhiBand(2_500)).toBe("moderate");
    expect(hhiBand(2_501)).toBe("high");
  });
});

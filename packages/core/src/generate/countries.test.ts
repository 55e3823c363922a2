import { describe, expect, it } from "vitest";
import { MAX_COUNTRIES, selectCountries, tierOf } from "./countries.js";
import { Rng } from "./random.js";

describe("selectCountries", () => {
  it("splits 30 countries into 21 EU/NATO, 6 partners and 3 of concern, home first", () => {
    const list = selectCountries(30, new Rng(1));
    const tiers = list.map(tierOf);
    // round(30·0.1) = 3 of concern, round(30·0.2) = 6 partners, the rest allied.
    expect(tiers.filter((t) => t === "concern")).toHaveLength(3);
    expect(tiers.filter((t) => t === "partner")).toHaveLength(6);
    expect(tiers.filter((t) => t === "allied")).toHaveLength(21);
    expect(list[0]!.code).toBe("NL");
    expect(list.map((c) => c.code)).toEqual(expect.arrayContaining(["UA", "CN"]));
  });

  it("keeps one country to the home country and two to home plus Ukraine", () => {
    expect(selectCountries(1, new Rng(1)).map((c) => c.code)).toEqual(["NL"]);
    expect(selectCountries(2, new Rng(1)).map((c) => c.code)).toEqual(["NL", "UA"]);
  });

  it("fills up to the maximum with user-assigned codes, all distinct, WGI within 0…10", () => {
    expect(MAX_COUNTRIES).toBe(96);
    const list = selectCountries(MAX_COUNTRIES, new Rng(2));
    expect(new Set(list.map((c) => c.code)).size).toBe(MAX_COUNTRIES);
    expect(list.filter((c) => c.name.startsWith("Synthetic")).length).toBe(42);
    for (const c of list) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.wgi).toBeGreaterThanOrEqual(0);
      expect(c.wgi).toBeLessThanOrEqual(10);
    }
  });
});

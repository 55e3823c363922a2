import { describe, expect, it } from "vitest";
import { analyzeRisk } from "./analyze.js";
import { hhi, hhiBand } from "./blocs.js";
import { withCountries } from "./test-fixtures.js";

describe("concentration", () => {
  it("HHI by country and by company from capacity shares", () => {
    // Options: NL 5 (company X), NL 3 (company Y), DE 2 (company X) → NL .8, DE .2; X .7, Y .3.
    const d = withCountries()
      .company("X", "NL")
      .company("Y", "NL")
      .site("x-nl", "NL", "X")
      .site("y-nl", "NL", "Y")
      .site("x-de", "DE", "X")
      .item("part", 1)
      .supply("part", "x-nl", 5)
      .supply("part", "y-nl", 3)
      .supply("part", "x-de", 2)
      .build();
    const part = analyzeRisk(d).items[0]!;
    expect(part.hhiCountry).toBeCloseTo(0.8 ** 2 * 10_000 + 0.2 ** 2 * 10_000, 9); // 6,800
    expect(part.hhiCompany).toBeCloseTo(4_900 + 900, 9);
    expect(part.hhiCountryBand).toBe("high");
    expect(part.singleSource).toEqual({ option: false, company: false, country: false });
    expect(part.options).toBe(3);
  });

  it("single-source flags: one option, one company in two countries, one country with two companies", () => {
    const d = withCountries()
      .company("X", "NL")
      .site("x-nl", "NL", "X")
      .site("x-de", "DE", "X")
      .site("other-de", "DE")
      .item("one", 1)
      .item("samecompany", 1)
      .item("samecountry", 1)
      .item("dead", 1)
      .supply("one", "x-nl", 4)
      .supply("one", "x-de", 0) // no capacity in the horizon: not an active option
      .supply("samecompany", "x-nl", 1)
      .supply("samecompany", "x-de", 1)
      .supply("samecountry", "x-de", 1)
      .supply("samecountry", "other-de", 3)
      .supply("dead", "x-nl", [["2026-06", 10]]) // starts after the 12-month horizon
      .build();
    const byId = new Map(analyzeRisk(d).items.map((i) => [i.id, i]));
    expect(byId.get("one")!.singleSource).toEqual({ option: true, company: true, country: true });
    expect(byId.get("one")!.hhiCountry).toBe(10_000);
    expect(byId.get("samecompany")!.singleSource).toEqual({ option: false, company: true, country: false });
    expect(byId.get("samecompany")!.hhiCountry).toBe(5_000);
    expect(byId.get("samecountry")!.singleSource).toEqual({ option: false, company: false, country: true });
    expect(byId.get("samecountry")!.hhiCompany).toBeCloseTo(0.25 ** 2 * 10_000 + 0.75 ** 2 * 10_000, 9);
    expect(byId.get("dead")!.sourcing).toBe("none");
    expect(byId.get("dead")!.hhiCountry).toBeNull();
    expect(byId.get("dead")!.singleSource).toEqual({ option: false, company: false, country: false });
  });

  it("bands: < 1,500 unconcentrated, 1,500–2,500 moderate, > 2,500 high", () => {
    expect(hhiBand(1499.9)).toBe("unconcentrated");
    expect(hhiBand(1500)).toBe("moderate");
    expect(hhiBand(2500)).toBe("moderate");
    expect(hhiBand(2500.1)).toBe("high");
    // Ten equal shares: 10 × 10² = 1,000; shares need not be normalised.
    expect(hhi(Array.from({ length: 10 }, () => 3))).toBeCloseTo(1000, 9);
    expect(hhi([])).toBe(0);
  });
});

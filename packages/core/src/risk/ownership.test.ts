import { describe, expect, it } from "vitest";
import type { Company } from "../model/schema.js";
import { analyzeRisk } from "./analyze.js";
import { ultimateHoldings } from "./ownership.js";
import { withCountries } from "./test-fixtures.js";
import type { CompanyRisk } from "./types.js";

/** A number within 10^-digits (expect.closeTo, typed for strict lint). */
const near = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

const co = (id: string, country: string, owners: Company["owners"] = []): Company => ({
  id,
  name: id,
  country,
  base: [],
  owners,
  clearance: "none",
});

describe("ultimate ownership", () => {
  it("multiplies shares along a chain and keeps each company's unlisted part", () => {
    // A: 60% B, 40% unlisted. B: 50% state DE, 50% unlisted → A: DE .3, B .3, A .4.
    const h = ultimateHoldings([co("A", "NL", [{ owner: "B", share: 0.6 }]), co("B", "DE", [{ owner: "DE", share: 0.5 }])]);
    expect(Object.fromEntries(h.get("A")!)).toEqual({
      "state:DE": near(0.3, 12),
      "company:B": near(0.3, 12),
      "company:A": near(0.4, 12),
    });
  });

  it("solves a chain with a cycle (by hand: U = T + A·U)", () => {
    // A (NL): 60% B, 20% state NL, 20% unlisted.
    // B (DE): 50% C, 30% state CN, 20% unlisted.   C (FR): 40% B, 10% state AE, 50% unlisted.
    // U(B) = 0.5 U(C) + CN .3 + B .2;  U(C) = 0.4 U(B) + AE .1 + C .5
    // ⇒ 0.8 U(B) = AE .05 + C .25 + CN .3 + B .2 ⇒ U(B) = AE .0625, C .3125, CN .375, B .25
    // ⇒ U(C) = AE .125, C .625, CN .15, B .1;  U(A) = 0.6 U(B) + NL .2 + A .2.
    const d = withCountries()
      .company("A", "NL", [
        { owner: "B", share: 0.6 },
        { owner: "NL", share: 0.2 },
      ])
      .company("B", "DE", [
        { owner: "C", share: 0.5 },
        { owner: "CN", share: 0.3 },
      ])
      .company("C", "FR", [
        { owner: "B", share: 0.4 },
        { owner: "AE", share: 0.1 },
      ])
      .build();
    const r = analyzeRisk(d);
    const get = (id: string): CompanyRisk => r.companies.find((c) => c.id === id)!;
    const shares = (c: CompanyRisk): Record<string, number> => Object.fromEntries(c.ultimateOwners.map((u) => [u.owner, u.share]));
    const close = (o: Record<string, number>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, near(v, 10)]));
    expect(shares(get("B"))).toEqual(close({ AE: 0.0625, C: 0.3125, CN: 0.375, B: 0.25 }));
    expect(shares(get("C"))).toEqual(close({ AE: 0.125, C: 0.625, CN: 0.15, B: 0.1 }));
    expect(shares(get("A"))).toEqual(close({ AE: 0.0375, C: 0.1875, CN: 0.225, B: 0.15, NL: 0.2, A: 0.2 }));
    expect(get("A").circular).toBeCloseTo(0, 10);
    expect(get("A").stateOwners).toEqual([
      { country: "CN", share: near(0.225, 10) },
      { country: "NL", share: near(0.2, 10) },
      { country: "AE", share: near(0.0375, 10) },
    ]);
    expect(get("A").byCountry).toEqual(close({ NL: 0.4, CN: 0.225, FR: 0.1875, DE: 0.15, AE: 0.0375 }));
    // Flags at the defaults 10% / 25% / 50%: CN reaches 10% in A and C, 25% in B; the AE state 10% only in C.
    expect(get("A").flags).toEqual([{ kind: "concern", country: "CN", share: near(0.225, 10), threshold: 0.1 }]);
    expect(get("B").flags).toEqual([{ kind: "concern", country: "CN", share: near(0.375, 10), threshold: 0.25 }]);
    expect(get("C").flags).toEqual([
      { kind: "concern", country: "CN", share: near(0.15, 10), threshold: 0.1 },
      { kind: "foreign-state", country: "AE", share: near(0.125, 10), threshold: 0.1 },
    ]);
    // Thresholds are options.
    const strict = analyzeRisk(d, { ownershipThresholds: [0.05, 0.2] });
    expect(strict.companies.find((c) => c.id === "A")!.flags.map((f) => [f.country, f.threshold])).toEqual([["CN", 0.2]]);
    const reg = strict.register.filter((f) => f.kind === "foreign-influence").map((f) => f.subject);
    expect(reg.sort()).toEqual(["A", "B", "C"]);
  });

  it("a company registered in a country of concern is under its influence even without owners", () => {
    const d = withCountries().company("K", "CN").build();
    const k = analyzeRisk(d).companies[0]!;
    expect(k.ultimateOwners).toEqual([{ owner: "K", kind: "company", country: "CN", bloc: "concern", share: 1 }]);
    expect(k.flags).toEqual([{ kind: "concern", country: "CN", share: 1, threshold: 0.5 }]);
  });

  it("ownership that only goes round a closed cycle reaches nobody and is reported as circular", () => {
    const h = ultimateHoldings([co("X", "NL", [{ owner: "Y", share: 1 }]), co("Y", "NL", [{ owner: "X", share: 1 }])]);
    expect(h.get("X")!.size).toBe(0);
    const slow = ultimateHoldings([co("X", "NL", [{ owner: "Y", share: 0.99 }]), co("Y", "NL", [{ owner: "X", share: 0.99 }])]);
    // U(X) = 0.99 U(Y) + X .01; U(Y) = 0.99 U(X) + Y .01 ⇒ U(X)_X = .01 / (1 − .99²), U(X)_Y = .99 · .01 / (1 − .99²).
    expect(slow.get("X")!.get("company:X")).toBeCloseTo(0.01 / (1 - 0.99 ** 2), 9);
    expect(slow.get("X")!.get("company:Y")).toBeCloseTo((0.99 * 0.01) / (1 - 0.99 ** 2), 9);
  });
});

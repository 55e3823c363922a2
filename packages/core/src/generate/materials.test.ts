import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sharesOf } from "./materials.js";

describe("sharesOf", () => {
  it("normalises weights: 3 : 1 gives 0.75 and 0.25", () => {
    expect(
      sharesOf([
        ["CN", 3],
        ["RU", 1],
      ]),
    ).toEqual({ CN: 0.75, RU: 0.25 });
    expect(sharesOf([["NL", 2]])).toEqual({ NL: 1 });
  });

  it("always sums to 1 within 1e-9 with no negative share", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }), (weights) => {
        const sorted = [...weights].sort((a, b) => b - a);
        const shares = Object.values(sharesOf(sorted.map((w, i): [string, number] => [`C${i}`, w])));
        expect(shares).toHaveLength(weights.length);
        expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
        for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { list, months, pct, formatQty } from "./words.js";

/** pct as first written (number to text each time), which the table lookup must match. */
function pctByFormula(share: number): string {
  const p = share * 100;
  if (p === 0) return "0%";
  if (p < 0.1) return "<0.1%";
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

describe("words for explanations", () => {
  it("formats quantities, shares, months and lists", () => {
    expect([0.04, 12.345, 100, 999.6, 22_000, 1_234_567].map(formatQty)).toEqual(["0.04", "12.35", "100", "1,000", "22,000", "1,234,567"]);
    expect([0, 0.0004, 0.0123, 0.16, 0.999].map(pct)).toEqual(["0%", "<0.1%", "1.2%", "16%", "100%"]);
    expect([months(1), months(2.74), months(12.4)]).toEqual(["1 month", "2.7 months", "12 months"]);
    expect([list([]), list(["a"]), list(["a", "b"]), list(["a", "b", "c"]), list(["a", "b", "c", "d"])]).toEqual([
      "",
      "a",
      "a and b",
      "a, b and c",
      "a, b, c and 1 more",
    ]);
    // Only the first names given, the total known.
    expect(list(["a", "b", "c", "d"], 3, 40)).toBe("a, b, c and 37 more");
  });

  it("writes every share as the formula does, rounding edges and shares above 1 included", () => {
    const edges = [0.000999, 0.001, 0.00149, 0.0015, 0.0995, 0.09949, 0.0996, 0.1, 0.105, 0.995, 0.9951, 1, 1.5, 12.3456, -0.2];
    for (const s of edges) expect(pct(s)).toBe(pctByFormula(s));
    fc.assert(
      fc.property(fc.double({ min: -1, max: 3, noNaN: true }), (s) => pct(s) === pctByFormula(s)),
      { numRuns: 2000 },
    );
  });
});

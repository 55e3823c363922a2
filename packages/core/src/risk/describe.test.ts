import { describe, expect, it } from "vitest";
import { list, months, pct, units } from "./describe.js";

describe("words for explanations", () => {
  it("formats quantities, shares, months and lists", () => {
    expect([0.04, 12.345, 100, 999.6, 22_000, 1_234_567].map(units)).toEqual(["0.04", "12.35", "100", "1,000", "22,000", "1,234,567"]);
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
});

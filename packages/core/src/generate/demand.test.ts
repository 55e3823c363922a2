import { describe, expect, it } from "vitest";
import { requiredRate } from "./demand.js";

const dueAt = (length: number, entries: [number, number][]): Float64Array => {
  const due = new Float64Array(length);
  for (const [t, q] of entries) due[t] = q;
  return due;
};

describe("requiredRate", () => {
  it("counts at least a year: 120 due in month 5 and 120 in month 23 need 10 a month", () => {
    // Month 5: 120 / max(6, 12) = 10; month 23: 240 / 24 = 10.
    expect(
      requiredRate(
        dueAt(24, [
          [5, 120],
          [23, 120],
        ]),
        0,
      ),
    ).toBeCloseTo(10, 12);
  });

  it("takes the steepest month, usage included", () => {
    // Month 20: (300 + 1·21) / 21 = 15.2857…; month 23: (300 + 24) / 24 = 13.5.
    expect(requiredRate(dueAt(24, [[20, 300]]), 1)).toBeCloseTo(321 / 21, 12);
  });

  it("spreads over the whole horizon when it is shorter than a year", () => {
    expect(requiredRate(dueAt(3, [[2, 30]]), 0)).toBeCloseTo(10, 12);
    expect(requiredRate(dueAt(1, []), 2)).toBeCloseTo(2, 12);
  });
});

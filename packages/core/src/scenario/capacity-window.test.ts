import fc from "fast-check";
import { expect, it } from "vitest";
import { addMonths, monthToIndex } from "../month.js";
import type { CapacityStep } from "../model/schema.js";
import { capacityAt } from "../network/capacity.js";
import { mapCapacityWindow } from "./capacity-window.js";

const start = "2025-01";
const steps = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 6 })
  .chain((ms) =>
    fc.tuple(
      ...[...ms]
        .sort((a, b) => a - b)
        .map((m) => fc.record({ from: fc.constant(addMonths(start, m)), perPeriod: fc.constantFrom(0, 5, 10, 40) })),
    ),
  )
  .map((s): CapacityStep[] => s);

it("changes capacity inside the window only, month by month, and keeps the steps in order", () => {
  fc.assert(
    fc.property(
      steps,
      fc.integer({ min: 0, max: 30 }),
      fc.option(fc.integer({ min: 1, max: 12 })),
      fc.constantFrom(0, 0.5, 2),
      (s, a, len, factor) => {
        const from = addMonths(start, a);
        const until = len === null ? undefined : addMonths(from, len);
        const out = mapCapacityWindow(s, from, until, (v) => v * factor);
        for (let m = -2; m < 45; m++) {
          const month = addMonths(start, m);
          const inside = m >= a && (until === undefined || monthToIndex(month) < monthToIndex(until));
          const before = capacityAt(s, month);
          expect(capacityAt(out, month), month).toBe(inside ? before * factor : before);
        }
        for (let k = 1; k < out.length; k++) expect(monthToIndex(out[k]!.from)).toBeGreaterThan(monthToIndex(out[k - 1]!.from));
      },
    ),
    { numRuns: 300 },
  );
});

it("worked by hand: a half outage of six months in a ramp-up", () => {
  const ramp: CapacityStep[] = [
    { from: "2025-01", perPeriod: 100, sources: ["s1"] },
    { from: "2025-06", perPeriod: 200 },
  ];
  expect(mapCapacityWindow(ramp, "2025-04", "2025-10", (v) => v / 2)).toEqual([
    { from: "2025-01", perPeriod: 100, sources: ["s1"] },
    { from: "2025-04", perPeriod: 50 },
    { from: "2025-06", perPeriod: 100 },
    { from: "2025-10", perPeriod: 200 },
  ]);
});

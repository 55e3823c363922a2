import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../model/validate.js";
import { arbDataset } from "./arb-dataset.js";
import { arbCorruption, corruptionKinds } from "./corrupt.js";
import { sampleDataset } from "./sample-dataset.js";

describe("arbCorruption", () => {
  it("plants a mistake that validation reports on the planted row and field, leaving the input alone", () => {
    fc.assert(
      fc.property(
        arbDataset({ minRows: 2, maxRows: 4 }).chain((d) => fc.tuple(fc.constant(d), arbCorruption(d))),
        ([original, c]) => {
          const before = JSON.stringify(original);
          const r = validateDataset(c.dataset);
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.issues.some((i) => i.entity === c.entity && i.index === c.index && i.field.startsWith(c.field))).toBe(true);
          expect(JSON.stringify(original)).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("plants every kind of mistake", () => {
    const kinds = new Set(fc.sample(arbCorruption(sampleDataset()), { numRuns: 200, seed: 1 }).map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...corruptionKinds].sort());
  });

  it("refuses a dataset with nothing to corrupt", () => {
    const d = sampleDataset();
    for (const k of [
      "countries",
      "companies",
      "sites",
      "items",
      "bom",
      "supply",
      "stocks",
      "consumers",
      "demands",
      "targets",
      "contracts",
      "materials",
    ] as const)
      d[k] = [];
    expect(() => arbCorruption(d)).toThrow(RangeError);
  });
});

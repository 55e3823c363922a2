import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entityNames } from "../model/schema.js";
import { validateDataset } from "../model/validate.js";
import { arbDataset } from "./arb-dataset.js";
import { arbShares } from "./arb-values.js";
import { sampleDataset } from "./sample-dataset.js";

describe("arbDataset", () => {
  it("generates datasets that validate and come back unchanged", () => {
    fc.assert(
      fc.property(arbDataset(), (d) => {
        const r = validateDataset(d);
        if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
        expect(r.dataset).toStrictEqual(d);
      }),
      { numRuns: 150 },
    );
  });

  it("respects plain strings, plain numbers, no optional fields and the row limit", () => {
    const optionalKeys = [
      "description",
      "wgi",
      "nsn",
      "usagePerPeriod",
      "value",
      "sources",
      "illustrative",
      "note",
      "tradeAdjustment",
      "economicImportance",
    ];
    fc.assert(
      fc.property(arbDataset({ awkwardStrings: false, awkwardNumbers: false, optionalFields: "never", maxRows: 3 }), (d) => {
        expect(validateDataset(d).ok).toBe(true);
        expect(d.description).toBeUndefined();
        for (const dem of d.demands) expect(dem).not.toHaveProperty("priority");
        const nested = (row: object): object[] => [
          row,
          ...Object.values(row as Record<string, unknown>).flatMap((v): object[] =>
            Array.isArray(v) ? (v as unknown[]).filter((x): x is object => typeof x === "object") : [],
          ),
        ];
        for (const name of entityNames)
          for (const row of d[name]) for (const obj of nested(row)) for (const key of optionalKeys) expect(obj).not.toHaveProperty(key);
        for (const name of entityNames) expect(d[name].length).toBeLessThanOrEqual(3);
        for (const it of d.items) {
          expect(it.id).toMatch(/^it-\d+$/);
          expect(Number.isInteger(it.unitValue * 4)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("fills every collection when minRows is set and fields are always present", () => {
    fc.assert(
      fc.property(arbDataset({ minRows: 2, maxRows: 4, optionalFields: "always" }), (d) => {
        expect(validateDataset(d).ok).toBe(true);
        for (const name of entityNames) expect(d[name].length).toBeGreaterThanOrEqual(1);
        for (const it of d.items) expect(it.nsn).toBeDefined();
        expect(d.description).toBeDefined();
      }),
      { numRuns: 20 },
    );
  });
});

describe("arbShares", () => {
  it("gives positive shares summing to the total, plain ones in whole percentages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), (n, awkward) => {
        const shares = fc.sample(arbShares(n, awkward), 1)[0]!;
        expect(shares).toHaveLength(n);
        for (const s of shares) expect(s).toBeGreaterThan(0);
        expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
        if (!awkward) for (const s of shares) expect(Math.abs(s * 100 - Math.round(s * 100))).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });
});

describe("sampleDataset", () => {
  it("is valid and returns a fresh copy each time", () => {
    const a = sampleDataset();
    expect(validateDataset(a).ok).toBe(true);
    a.items.pop();
    expect(sampleDataset().items).toHaveLength(3);
  });
});

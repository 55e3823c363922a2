import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRequestSchema, planWeightsSchema } from "./options-schema.js";
import { resolvePlanOptions } from "./options.js";

const accepts = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

describe("plan options schema", () => {
  it("accepts exactly the weights the planner accepts, at and around every bound", () => {
    const values = [-1, 0, 1e-9, 0.5, 0.99, 1, 1.000001, 2, 12, Number.NaN, Number.POSITIVE_INFINITY];
    const keys = Object.keys(planWeightsSchema.shape);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...values), (key, value) => {
        const weights = { [key]: value };
        const bySchema = planRequestSchema.safeParse({ weights }).success;
        expect(accepts(() => resolvePlanOptions({ weights }))).toBe(bySchema);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses what the old service schema let through: unmetUsage of 1 or less, costShare of 1 or more", () => {
    expect(planRequestSchema.safeParse({ weights: { unmetUsage: 1 } }).success).toBe(false);
    expect(planRequestSchema.safeParse({ weights: { unmetUsage: 0 } }).success).toBe(false);
    expect(planRequestSchema.safeParse({ weights: { costShare: 1 } }).success).toBe(false);
    expect(planRequestSchema.safeParse({ weights: { unmetUsage: 1.5, costShare: 0.5 } }).success).toBe(true);
  });

  it("keeps the tuning knobs internal and bounds what one request may ask", () => {
    expect(planRequestSchema.safeParse({ batchVariables: 10 }).success).toBe(false);
    expect(planRequestSchema.safeParse({ resolveTop: 21 }).success).toBe(false);
    expect(planRequestSchema.safeParse({ resolveTop: 20, bottlenecks: 100, timeLimit: 3600 }).success).toBe(true);
    expect(accepts(() => resolvePlanOptions({ batchVariables: 10, resolveTop: 50 }))).toBe(true);
  });

  it("names each bad field when the planner is called directly", () => {
    expect(() => resolvePlanOptions({ weights: { unmetUsage: 1 }, bottlenecks: 1.5 })).toThrow(
      /plan options: weights\.unmetUsage: .*; bottlenecks: /,
    );
    expect(() => resolvePlanOptions({ weights: { bogus: 1 } as never })).toThrow(/weights\.bogus: unknown option/);
  });
});

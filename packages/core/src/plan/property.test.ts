/**
 * Properties of plans of random valid datasets: every plan passes the independent checker; more
 * capacity never makes the optimum worse; and GLPK (glpk.js) finds the same optimum as HiGHS on
 * the exported LP text, which is also the objective the plan reports.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { glpkJsSolver } from "@paraat/solver";
import { arbDataset } from "../testing/index.js";
import type { Dataset } from "../model/schema.js";
import { buildPlanModel, planModelToLp } from "./build.js";
import { planAndCheck, testSolver } from "./test-support/run-plan.js";

const datasets = arbDataset({ maxRows: 5, minRows: 1, maxPeriods: 12, awkwardNumbers: false, awkwardStrings: false });
const runs = { numRuns: 25 };

function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

function withMoreCapacity(d: Dataset, factor: number): Dataset {
  return { ...d, supply: d.supply.map((s) => ({ ...s, capacity: s.capacity.map((c) => ({ ...c, perPeriod: c.perPeriod * factor })) })) };
}

describe("plans of random datasets", () => {
  it("pass the independent checker", async () => {
    await fc.assert(
      fc.asyncProperty(datasets, async (d) => {
        const r = await planAndCheck(d, { resolveTop: 1 });
        expect(r.status).toBe("optimal");
        expect(r.demands).toHaveLength(d.demands.length);
        expect(r.targets).toHaveLength(d.targets.length);
      }),
      runs,
    );
  });

  it("never get worse with more capacity", async () => {
    await fc.assert(
      fc.asyncProperty(datasets, fc.constantFrom(1.25, 2, 10), async (d, factor) => {
        const before = await planAndCheck(d, { bottlenecks: 0 });
        const after = await planAndCheck(withMoreCapacity(d, factor), { bottlenecks: 0 });
        expect(after.objective).toBeLessThanOrEqual(before.objective + 1e-6 * Math.max(1, Math.abs(before.objective)));
      }),
      runs,
    );
  });

  it("have the same optimum in HiGHS and GLPK on the exported LP, and the plan reports it", async () => {
    const glpk = glpkJsSolver();
    await fc.assert(
      fc.asyncProperty(datasets, async (d) => {
        const model = buildPlanModel(d);
        const lp = planModelToLp(model);
        const highs = await testSolver().solve(lp);
        const other = await glpk.solve(lp);
        expect(highs.status).toBe("optimal");
        expect(other.status).toBe("optimal");
        expect(relativeGap(highs.objective, other.objective)).toBeLessThanOrEqual(1e-6);
        const plan = await planAndCheck(d, { bottlenecks: 0 });
        expect(relativeGap(plan.objective, highs.objective)).toBeLessThanOrEqual(1e-6);
      }),
      runs,
    );
  });
});

/**
 * The planner's bottleneck re-solves start from the plan's optimal basis when the backend keeps
 * one (CBC). Their optima must be those of solving the changed models from scratch.
 */
import { generateDataset, planDataset, presets, type LpSolver } from "@paraat/core";
import { describe, expect, it } from "vitest";
import { cbcSolver } from "./native/cbc.js";

const cbc = cbcSolver();

/** CBC, recording which solves got a basis, or with warm starts turned off. */
function recording(warm: boolean): { solver: LpSolver; started: boolean[] } {
  const started: boolean[] = [];
  return {
    started,
    solver: {
      name: cbc.name,
      solve: async (lp, o = {}) => {
        const options = warm ? o : { ...o, keepBasis: false, basis: undefined };
        started.push(options.basis !== undefined);
        return await cbc.solve(lp, options);
      },
    },
  };
}

describe.skipIf(!cbc.isAvailable())("warm-started bottleneck re-solves", () => {
  it("give the same gains as cold re-solves on the small preset", async () => {
    const dataset = generateDataset(presets.small);
    const warm = recording(true);
    const cold = recording(false);
    const a = await planDataset(dataset, { resolveTop: 3 }, warm.solver);
    const b = await planDataset(dataset, { resolveTop: 3 }, cold.solver);
    expect(warm.started).toEqual([false, true, true, true]);
    expect(cold.started).toEqual([false, false, false, false]);
    expect([a.solver.resolves, a.solver.warmStarts, b.solver.warmStarts]).toEqual([3, 3, 0]);
    expect(a.objective).toBeCloseTo(b.objective, 6);
    const gains = (r: typeof a): number[] => r.bottlenecks.filter((x) => x.gain !== undefined).map((x) => x.gain!.objectiveAfter);
    expect(gains(a)).toHaveLength(3);
    gains(a).forEach((g, k) => expect(Math.abs(g - gains(b)[k]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(g))));
  });
});

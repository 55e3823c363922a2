import { ParaatError } from "@paraat/core";
import { describe, expect, it } from "vitest";
import { highsSolver, loadHighsInstance, type HighsInstance } from "./highs.js";
import { smallLps } from "./test-support/small-lps.js";

describe("highsSolver", () => {
  const solver = highsSolver();

  it("keeps giving right answers across fresh module instances", async () => {
    let loads = 0;
    const cycling = highsSolver({
      solvesPerInstance: 2,
      loadInstance: async () => {
        loads++;
        return await loadHighsInstance();
      },
    });
    for (let i = 0; i < 5; i++) expect((await cycling.solve(smallLps[0]!.lp)).objective).toBeCloseTo(-30, 9);
    expect(loads).toBe(3);
  });

  it("turns an abort into SOLVER_FAILED naming the native solvers, and recovers with a fresh instance", async () => {
    let calls = 0;
    const flaky = highsSolver({
      loadInstance: async (): Promise<HighsInstance> => {
        calls++;
        if (calls > 1) return await loadHighsInstance();
        return {
          memoryBytes: 2 ** 31,
          solve: () => {
            throw new Error("RuntimeError: Aborted(OOM)");
          },
        };
      },
    });
    const err = await flaky.solve(smallLps[0]!.lp).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParaatError);
    expect((err as ParaatError).code).toBe("SOLVER_FAILED");
    expect((err as ParaatError).message).toMatch(/too large.*coinor-cbc.*glpk-utils/s);
    expect((await flaky.solve(smallLps[0]!.lp)).objective).toBeCloseTo(-30, 9);
    expect(calls).toBe(2);
  });

  it("loads a fresh instance after a solve that left the heap above the threshold", async () => {
    let loads = 0;
    const s = highsSolver({
      maxRetainedHeapBytes: 1,
      loadInstance: async () => {
        loads++;
        return await loadHighsInstance();
      },
    });
    await s.solve(smallLps[0]!.lp);
    await s.solve(smallLps[0]!.lp);
    expect(loads).toBe(2);
  });

  it("gives the objective constant of a model without variables", async () => {
    const s = await solver.solve("Minimize\n obj: 5\nEnd\n");
    expect(s.status).toBe("optimal");
    expect(s.objective).toBe(5);
  });
});

/**
 * Every backend on the same LP text: the hand-computed small LPs (objective, primal, duals as
 * d objective / d rhs), infeasible and unbounded statuses, unreadable text, and a property test
 * on random feasible bounded LPs. Native backends run only where installed.
 */
import type { LpSolver } from "@paraat/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { glpkJsSolver } from "./glpk-js.js";
import { highsSolver } from "./highs.js";
import { writeLp } from "./lp-text/write-lp.js";
import { cbcSolver } from "./native/cbc.js";
import { glpsolSolver } from "./native/glpsol.js";
import { feasibleBoundedLp } from "./test-support/random-lp.js";
import { smallLps } from "./test-support/small-lps.js";

const relClose = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

const cbc = cbcSolver();
const glpsol = glpsolSolver();
const backends: { solver: LpSolver; available: boolean }[] = [
  { solver: highsSolver(), available: true },
  { solver: glpkJsSolver(), available: true },
  { solver: cbc, available: cbc.isAvailable() },
  { solver: glpsol, available: glpsol.isAvailable() },
];

for (const { solver, available } of backends) {
  describe.skipIf(!available)(`${solver.name} backend`, () => {
    it.each(smallLps)("$name: status, objective, primal and duals as computed by hand", async (c) => {
      const s = await solver.solve(c.lp);
      expect(s.backend).toBe(solver.name);
      expect(s.status).toBe(c.status);
      if (c.objective !== undefined) expect(relClose(s.objective, c.objective), `objective ${s.objective}`).toBe(true);
      else expect(s.objective).toBeNaN();
      for (const [name, v] of Object.entries(c.primal ?? {})) expect(s.primal.get(name) ?? 0, name).toBeCloseTo(v, 7);
      for (const [name, v] of Object.entries(c.duals ?? {})) expect(s.duals.get(name), name).toBeCloseTo(v, 7);
      expect(s.solveMs).toBeGreaterThanOrEqual(0);
    });

    it.each(smallLps.filter((c) => c.status === "optimal"))(
      "$name: leaves the duals out when asked to, with the same values",
      async (c) => {
        const s = await solver.solve(c.lp, { duals: false });
        expect(s.status).toBe("optimal");
        expect(s.duals.size).toBe(0);
        expect(relClose(s.objective, c.objective!), `objective ${s.objective}`).toBe(true);
        for (const [name, v] of Object.entries(c.primal ?? {})) expect(s.primal.get(name) ?? 0, name).toBeCloseTo(v, 7);
      },
    );

    it("reports unreadable LP text as status error with a message", async () => {
      const s = await solver.solve("Minimize\n obj: x +\nSubject To\n c: x >= 3 3\nEnd\n");
      expect(s.status).toBe("error");
      expect(s.message).toBeTruthy();
    });
  });
}

// Objective terms below the default dual tolerance (1e-7) are in effect ignored; the planner's cost
// tie-breaker has such terms, so it passes a tighter tolerance to the backends that take one.
describe.each([{ solver: highsSolver() }, { solver: cbc }])("$solver.name dualTolerance", ({ solver }) => {
  const tiny =
    "Minimize\n obj: - 1e-8 x - 2e-8 y + 1 z\nSubject To\n c1: x + y + z >= 1\n c2: x + 2 y <= 3\n c3: x - y + z <= 2\nBounds\n x <= 2\n y <= 1\nEnd\n";

  it.skipIf(!cbc.isAvailable() && solver === cbc)("finds the optimum of objective terms around 1e-8 at 1e-9", async () => {
    const s = await solver.solve(tiny, { dualTolerance: 1e-9 });
    expect(s.status).toBe("optimal");
    expect(s.objective).toBeCloseTo(-3e-8, 12);
  });
});

describe("all backends on random feasible bounded LPs", () => {
  const installed = backends.filter((b) => b.available).map((b) => b.solver);

  it("give the same objective to 1e-6 relative (property)", async () => {
    await fc.assert(
      fc.asyncProperty(feasibleBoundedLp(), async (program) => {
        const lp = writeLp(program);
        const solutions = await Promise.all(installed.map((s) => s.solve(lp)));
        for (const s of solutions) expect(s.status, `${s.backend}\n${lp}`).toBe("optimal");
        const reference = solutions[0]!.objective;
        for (const s of solutions)
          expect(relClose(s.objective, reference), `${s.backend}: ${s.objective} vs ${reference}\n${lp}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * CBC warm starts: the optimal basis of one solve, given to a solve of the same model with raised
 * upper bounds (what a bottleneck re-solve does), must give the same optimum as solving that
 * model from scratch.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LinearProgram } from "../lp-text/program.js";
import { writeLp } from "../lp-text/write-lp.js";
import { feasibleBoundedLp } from "../test-support/random-lp.js";
import { smallLps } from "../test-support/small-lps.js";
import { CBC_BASIS, cbcSolver } from "./cbc.js";

const cbc = cbcSolver();
const relClose = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** The same programme with the upper bounds of some columns raised by a factor. */
function raiseUpperBounds(program: LinearProgram, which: boolean[], factor: number): LinearProgram {
  const columns = new Map(
    [...program.columns].map(([name, b], j) => [name, which[j] === true ? { ...b, upper: b.lower + (b.upper - b.lower) * factor + 1 } : b]),
  );
  return { ...program, columns };
}

describe.skipIf(!cbc.isAvailable())("cbc warm start", () => {
  it("returns the optimal basis when asked, and none otherwise", async () => {
    const lp = smallLps[0]!.lp;
    const kept = await cbc.solve(lp, { keepBasis: true });
    expect(kept.status).toBe("optimal");
    expect(kept.basis?.format).toBe(CBC_BASIS);
    expect(kept.basis?.text).toMatch(/^NAME/);
    expect((await cbc.solve(lp)).basis).toBeUndefined();
  });

  it("ignores a basis of another format", async () => {
    const c = smallLps[0]!;
    const s = await cbc.solve(c.lp, { basis: { format: "other:format", text: "not a basis" } });
    expect(s.status).toBe("optimal");
    expect(relClose(s.objective, c.objective!)).toBe(true);
  });

  it("re-solves with raised bounds from the old basis to the same optimum as from scratch (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        feasibleBoundedLp(),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        async (program, which, factor) => {
          const first = await cbc.solve(writeLp(program), { keepBasis: true });
          expect(first.status).toBe("optimal");
          const changed = writeLp(raiseUpperBounds(program, which, factor));
          const [warm, cold] = await Promise.all([cbc.solve(changed, { basis: first.basis! }), cbc.solve(changed)]);
          expect(warm.status, changed).toBe("optimal");
          expect(relClose(warm.objective, cold.objective), `${warm.objective} vs ${cold.objective}\n${changed}`).toBe(true);
          // Raising bounds only widens the feasible set of a minimisation.
          expect(warm.objective).toBeLessThanOrEqual(first.objective + 1e-9 * Math.max(1, Math.abs(first.objective)));
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * fast-check arbitrary of small LPs that are feasible and bounded by construction: every column
 * has finite bounds, and each row's right-hand side is set so that a random point inside the
 * bounds satisfies it (with slack for inequalities).
 */
import fc from "fast-check";
import type { LinearProgram, RowSense } from "../lp-text/program.js";

export function feasibleBoundedLp(maxVars = 6, maxRows = 6): fc.Arbitrary<LinearProgram> {
  const coef = fc.integer({ min: -8, max: 8 }).map((c) => c / 2);
  return fc.integer({ min: 1, max: maxVars }).chain((n) =>
    fc
      .record({
        objective: fc.array(coef, { minLength: n, maxLength: n }),
        constant: fc.integer({ min: -100, max: 100 }),
        bounds: fc.array(
          fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true })),
          { minLength: n, maxLength: n },
        ),
        rows: fc.array(
          fc.record({
            coefs: fc.array(coef, { minLength: n, maxLength: n }),
            sense: fc.constantFrom<RowSense>("<=", ">=", "="),
            slack: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: maxRows },
        ),
      })
      .map(({ objective, constant, bounds, rows }): LinearProgram => {
        const names = Array.from({ length: n }, (_, j) => `v${j}`);
        // Column j lies in [lo, lo + width]; `point` is a feasible point inside, rounded to quarters.
        const point = bounds.map(([lo, width, f]) => lo + Math.round(width * f * 4) / 4);
        const linearRows = rows.flatMap((r, i) => {
          const terms = names.flatMap((name, j) => (r.coefs[j] === 0 ? [] : [{ name, coef: r.coefs[j]! }]));
          if (terms.length === 0) return [];
          const at = names.reduce((sum, _, j) => sum + r.coefs[j]! * point[j]!, 0);
          const rhs = r.sense === "<=" ? at + r.slack : r.sense === ">=" ? at - r.slack : at;
          return [{ name: `row${i}`, terms, sense: r.sense, rhs }];
        });
        return {
          sense: "minimize",
          objectiveName: "obj",
          objective: names.map((name, j) => ({ name, coef: objective[j]! })).filter((t) => t.coef !== 0),
          objectiveConstant: constant,
          rows: linearRows,
          columns: new Map(names.map((name, j) => [name, { lower: bounds[j]![0], upper: bounds[j]![0] + bounds[j]![1] }])),
        };
      }),
  );
}

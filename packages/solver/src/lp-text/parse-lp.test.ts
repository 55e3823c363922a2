import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLp } from "./parse-lp.js";
import type { LinearProgram } from "./program.js";
import { writeLp } from "./write-lp.js";

/** Text in the planner's style: objective with a constant over several lines, all row senses, bounds of every kind. */
const plannerStyle = `\\ Paraat plan model
Minimize
 obj: 3 x_prod_1 + 0.5 stock_a_2
   - 2.25 late_d1 + 1e3 short_d1 + 12.5
Subject To
 cap_s1_2024_01: x_prod_1 <= 40
 bal_a_1: stock_a_2 - x_prod_1 + 2 late_d1 = -5
 dem_d1: late_d1 + short_d1 >= 7
 two_lines: x_prod_1 + stock_a_2
   + short_d1 >= 0
Bounds
 late_d1 <= 10
 stock_a_2 free
 -inf <= short_d1 <= 3
 x_prod_1 >= -2.5
 0 <= y_only_bounds <= +inf
End
`;

describe("parseLp", () => {
  it("reads the planner's constructs", () => {
    const p = parseLp(plannerStyle);
    expect(p.sense).toBe("minimize");
    expect(p.objectiveName).toBe("obj");
    expect(p.objective).toEqual([
      { name: "x_prod_1", coef: 3 },
      { name: "stock_a_2", coef: 0.5 },
      { name: "late_d1", coef: -2.25 },
      { name: "short_d1", coef: 1000 },
    ]);
    expect(p.objectiveConstant).toBe(12.5);
    expect(p.rows).toEqual([
      { name: "cap_s1_2024_01", terms: [{ name: "x_prod_1", coef: 1 }], sense: "<=", rhs: 40 },
      {
        name: "bal_a_1",
        terms: [
          { name: "stock_a_2", coef: 1 },
          { name: "x_prod_1", coef: -1 },
          { name: "late_d1", coef: 2 },
        ],
        sense: "=",
        rhs: -5,
      },
      {
        name: "dem_d1",
        terms: [
          { name: "late_d1", coef: 1 },
          { name: "short_d1", coef: 1 },
        ],
        sense: ">=",
        rhs: 7,
      },
      {
        name: "two_lines",
        terms: [
          { name: "x_prod_1", coef: 1 },
          { name: "stock_a_2", coef: 1 },
          { name: "short_d1", coef: 1 },
        ],
        sense: ">=",
        rhs: 0,
      },
    ]);
    expect(Object.fromEntries(p.columns)).toEqual({
      x_prod_1: { lower: -2.5, upper: Infinity },
      stock_a_2: { lower: -Infinity, upper: Infinity },
      late_d1: { lower: 0, upper: 10 },
      short_d1: { lower: -Infinity, upper: 3 },
      y_only_bounds: { lower: 0, upper: Infinity },
    });
  });

  it("merges repeated terms, moves a left-hand constant to the right and accepts =<, =>, < and >", () => {
    const p = parseLp("min\n c: 2 x + x - y\nst\n r1: x + 2 + x =< 10\n r2: y => 1\n r3: x < 4\n r4: y > -3\nend\n");
    expect(p.objective).toEqual([
      { name: "x", coef: 3 },
      { name: "y", coef: -1 },
    ]);
    expect(p.rows.map((r) => [r.name, r.terms, r.sense, r.rhs])).toEqual([
      ["r1", [{ name: "x", coef: 2 }], "<=", 8],
      ["r2", [{ name: "y", coef: 1 }], ">=", 1],
      ["r3", [{ name: "x", coef: 1 }], "<=", 4],
      ["r4", [{ name: "y", coef: 1 }], ">=", -3],
    ]);
  });

  it("names unnamed rows R1, R2, … and reads fixed bounds and `value <= x` bounds", () => {
    const p = parseLp("Maximize\n x + y\nSubject To\n x + y <= 4\n x - y >= -1\nBounds\n x = 2\n 1 <= y\nEnd");
    expect(p.sense).toBe("maximize");
    expect(p.rows.map((r) => r.name)).toEqual(["R1", "R2"]);
    expect(p.columns.get("x")).toEqual({ lower: 2, upper: 2 });
    expect(p.columns.get("y")).toEqual({ lower: 1, upper: Infinity });
  });

  it.each([
    ["integers", "Minimize\n obj: x\nSubject To\n c: x >= 1\nGenerals\n x\nEnd\n", /not supported/],
    ["no objective", "Subject To\n c: x >= 1\nEnd\n", /Minimize or Maximize/],
    ["missing operator", "Minimize\n obj: x\nSubject To\n c: x 1\nEnd\n", /line 4/],
    ["missing sign between terms", "Minimize\n obj: x y\nEnd\n", /line 2: expected '\+' or '-'/],
    ["bad character", "Minimize\n obj: x * 2\nEnd\n", /line 2: unexpected character '\*'/],
    ["duplicate row name", "Minimize\n obj: x\nSubject To\n c: x >= 1\n c: x <= 3\nEnd\n", /used twice/],
    ["text after End", "Minimize\n obj: x\nEnd\n c: x >= 1\n", /after End/],
    ["a row without variables", "Minimize\n obj: x\nSubject To\n c: 3 >= 1\nEnd\n", /line 4: constraint 'c' has no variables/],
  ])("rejects %s with the line number", (_label, text, message) => {
    expect(() => parseLp(text)).toThrow(message);
  });

  it("round-trips what the writer prints (property)", () => {
    // Section keywords and `inf`/`free` are reserved words of the format, never planner names.
    const reserved = /^(?:inf|infinity|free|st|s|end|min\w*|max\w*|bounds?|bin\w*|gen\w*|int\w*|semi\w*|sos|subject|such)$/i;
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/).filter((n) => !reserved.test(n));
    const coef = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e4, max: 1e4, noNaN: true })).map((c) => c + 0);
    const program = fc
      .uniqueArray(name, { minLength: 1, maxLength: 6, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() })
      .chain((vars) =>
        fc.record({
          vars: fc.constant(vars),
          objective: fc.array(
            coef.filter((c) => c !== 0),
            { minLength: vars.length, maxLength: vars.length },
          ),
          constant: coef,
          rows: fc.array(
            fc.record({
              coefs: fc.array(fc.option(coef.filter((c) => c !== 0)), { minLength: vars.length, maxLength: vars.length }),
              sense: fc.constantFrom("<=" as const, ">=" as const, "=" as const),
              rhs: coef,
            }),
            { maxLength: 5 },
          ),
          bounds: fc.array(
            fc.constantFrom<[number, number]>([0, Infinity], [-Infinity, Infinity], [-3, 7.5], [2, 2], [-Infinity, 4], [1.5, Infinity]),
            { minLength: vars.length, maxLength: vars.length },
          ),
        }),
      )
      .map(({ vars, objective, constant, rows, bounds }): LinearProgram => ({
        sense: "minimize",
        objectiveName: "obj",
        objective: vars.map((v, i) => ({ name: v, coef: objective[i]! })),
        objectiveConstant: constant,
        rows: rows
          .map((r, k) => ({
            name: `r${k}`,
            terms: vars.flatMap((v, i) => (r.coefs[i] == null ? [] : [{ name: v, coef: r.coefs[i] }])),
            sense: r.sense,
            rhs: r.rhs,
          }))
          .filter((r) => r.terms.length > 0),
        columns: new Map(vars.map((v, i) => [v, { lower: bounds[i]![0], upper: bounds[i]![1] }])),
      }));
    fc.assert(
      fc.property(program, (p) => {
        expect(parseLp(writeLp(p))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});

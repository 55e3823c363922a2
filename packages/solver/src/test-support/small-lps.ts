/**
 * Small LPs with hand-computed optima and shadow prices (d objective / d rhs, minimisation).
 * The derivation is in the comment of each case so a reader can check it without a solver.
 */
import type { LpStatus } from "@paraat/core";

export interface SmallLp {
  name: string;
  lp: string;
  status: LpStatus;
  objective?: number;
  primal?: Record<string, number>;
  duals?: Record<string, number>;
}

export const smallLps: SmallLp[] = [
  {
    // x = 10 at the capacity; one more unit of capacity lowers the objective by 3.
    name: "capacity (<=) in min -3x",
    lp: "Minimize\n obj: - 3 x\nSubject To\n cap: x <= 10\nEnd\n",
    status: "optimal",
    objective: -30,
    primal: { x: 10 },
    duals: { cap: -3 },
  },
  {
    // y is dearer, so x takes its cap 3 and y the rest 2: 2*3 + 3*2 = 12. One more unit of
    // demand is a unit of y (+3); one more unit of x's cap swaps a y for an x (-1).
    name: "demand (>=) with a cheaper capped source",
    lp: "Minimize\n cost: 2 x + 3 y\nSubject To\n dem: x + y >= 5\n capx: x <= 3\nEnd\n",
    status: "optimal",
    objective: 12,
    primal: { x: 3, y: 2 },
    duals: { dem: 3, capx: -1 },
  },
  {
    // x + y = b1, y - x = b2 gives x = (b1 - b2)/2, y = (b1 + b2)/2 and objective 1.5 b1 + 0.5 b2:
    // 1.5*4 + 0.5*1 = 6.5 at x = 1.5, y = 2.5.
    name: "equality row (=)",
    lp: "Minimize\n obj: x + 2 y\nSubject To\n d1: x + y >= 4\n e1: y - x = 1\nEnd\n",
    status: "optimal",
    objective: 6.5,
    primal: { x: 1.5, y: 2.5 },
    duals: { d1: 1.5, e1: 0.5 },
  },
  {
    // x = -3 - y (x free), so the objective is 7 + y, least at y's lower bound -2: x = -1, 5.
    // One more unit of the row's rhs raises x by one: dual 1.
    name: "objective constant, free and two-sided bounds, negative rhs",
    lp: "Minimize\n obj: x + 2 y + 10\nSubject To\n c1: x + y >= -3\nBounds\n x free\n -2 <= y <= 4\nEnd\n",
    status: "optimal",
    objective: 5,
    primal: { x: -1, y: -2 },
    duals: { c1: 1 },
  },
  {
    // z is fixed at 2 and x >= z: x = 2, objective 4; raising r's rhs raises x.
    name: "fixed variable and a row with a negative coefficient",
    lp: "Minimize\n obj: x + z\nSubject To\n r: x - z >= 0\nBounds\n z = 2\nEnd\n",
    status: "optimal",
    objective: 4,
    primal: { x: 2, z: 2 },
    duals: { r: 1 },
  },
  {
    // Two months, demand 3 then 6, making costs 10 and 12, holding 1, capacities 5 and 5. Making
    // month 2's units in month 1 costs 11 < 12, so month 1 runs full: p1 = 5, s1 = 2, p2 = 4;
    // objective 50 + 48 + 2 = 100. Shadow prices: +1 demand in month 2 is made in month 2 (12);
    // +1 in month 1 takes one from stock, which month 2 then makes (12 - 1 = 11); +1 capacity in
    // month 1 moves one unit from month 2 to month 1 (10 + 1 - 12 = -1); month 2's cap is slack (0).
    name: "two-month stock balance",
    lp:
      "Minimize\n obj: 10 p1 + 12 p2 + s1\nSubject To\n bal1: p1 - s1 = 3\n bal2: s1 + p2 = 6\n" + " cap1: p1 <= 5\n cap2: p2 <= 5\nEnd\n",
    status: "optimal",
    objective: 100,
    primal: { p1: 5, p2: 4, s1: 2 },
    duals: { bal1: 11, bal2: 12, cap1: -1, cap2: 0 },
  },
  {
    name: "infeasible",
    lp: "Minimize\n obj: x\nSubject To\n a: x >= 3\n b: x <= 2\nEnd\n",
    status: "infeasible",
  },
  {
    name: "unbounded",
    lp: "Minimize\n obj: - x\nSubject To\n a: x >= 3\nEnd\n",
    status: "unbounded",
  },
];

/**
 * Hand-checked planning cases. Each expected figure is derived in the comment above it; every
 * plan also passes the independent checker (capacities, balances, stocks, demand figures).
 */
import { describe, expect, it } from "vitest";
import { ParaatError } from "../errors.js";
import type { LpSolution, LpSolver } from "../lp/solver.js";
import { buildPlanModel } from "./build.js";
import { describePlanName } from "./names.js";
import { planDataset } from "./plan.js";
import { planAndCheck } from "./test-support/run-plan.js";
import { tinyDataset } from "./test-support/tiny-dataset.js";
import type { Cause } from "./types.js";

const kinds = (causes: Cause[] | undefined): string[] => (causes ?? []).map((c) => c.kind);

describe("planDataset, hand-checked cases", () => {
  it("splits scarce stock by priority", async () => {
    // 100 in the pool, two orders of 80 due in the first month: priority 1 gets 80, priority 2 the other 20.
    // Objective: B's 60 short weigh 4^(1-2) × (shortfall 12 + lateness 1 × 3 months to the horizon end) = 0.25 × 15 each.
    const ds = tinyDataset({
      periods: 3,
      items: ["shell"],
      pool: { shell: 100 },
      consumers: [
        { id: "a", priority: 1 },
        { id: "b", priority: 2 },
      ],
      demands: [
        { id: "A", item: "shell", consumer: "a", qty: 80, due: 0 },
        { id: "B", item: "shell", consumer: "b", qty: 80, due: 0 },
      ],
    });
    const r = await planAndCheck(ds);
    const [a, b] = r.demands;
    expect(a).toMatchObject({ onTime: 80, late: 0, short: 0, lastDelivery: "2025-01", explanation: null });
    expect(b).toMatchObject({ onTime: 20, late: 0, short: 60, lastDelivery: "2025-01" });
    expect(r.objective).toBeCloseTo(60 * 0.25 * 15, 6);
    expect(kinds(b!.explanation?.causes)).toEqual(["pool-exhausted", "competition"]);
    expect(b!.explanation!.causes[1]).toMatchObject({ recipients: [{ demand: "A", priority: 1, qty: 80 }] });
    expect(b!.explanation!.summary).toContain("60 short");
    expect(b!.explanation!.summary).toContain("higher-priority deliveries of shell went to Consumer a (priority 1, 80)");
  });

  it("a capacity that forces lateness, its bottleneck value, and the +10% re-solve", async () => {
    // 30 a month, 96 due in month 2: 90 on time, 6 in month 3 (one month late).
    // Cost weight = costShare 0.01 × smallest service weight 0.1 / chain cost 1 = 0.001, so the
    // objective is 6 unit-months + 0.001 × 96 produced = 6.096.
    // Holding: 0.05 × smallest service weight 0.1 = 0.005 per unit-month; 30 + 60 units wait in the
    // pool at the end of months 0 and 1: + 0.45, so 6.546 in all.
    // One more unit of capacity in month 0, 1, 2 saves one unit-month of lateness but waits 2, 1, 0
    // months: values 0.99, 0.995 and 1, 2.985 in all.
    // +10% is 33 a month: 99 by month 2, so all 96 arrive on time, made as late as possible
    // (30, 33, 33: 30 + 63 unit-months held): 0.096 + 0.465 = 0.561.
    const ds = tinyDataset({
      periods: 6,
      items: ["shell"],
      supply: [{ id: "line", item: "shell", capacity: [[0, 30]] }],
      demands: [{ id: "D", item: "shell", consumer: "nl", qty: 96, due: 2 }],
    });
    const r = await planAndCheck(ds);
    expect(r.demands[0]).toMatchObject({ onTime: 90, late: 6, short: 0, lastDelivery: "2025-04", monthsLate: 1 });
    expect(r.objective).toBeCloseTo(6.546, 6);
    expect(r.weights.cost).toBeCloseTo(0.001, 12);
    expect(r.bottlenecks).toHaveLength(1);
    const b = r.bottlenecks[0]!;
    expect(b).toMatchObject({ rank: 1, supply: "line", months: [{ from: "2025-01", to: "2025-03" }], bindingMonths: 3 });
    expect(b.value).toBeCloseTo(2.985, 6);
    expect(b.gain!.objectiveBefore).toBeCloseTo(6.546, 6);
    expect(b.gain!.objectiveAfter).toBeCloseTo(0.561, 6);
    expect(b.gain!.onTimeUnits).toBeCloseTo(6, 6);
    expect(b.gain!.units).toBeCloseTo(0, 6);
    expect(b.gain!.changes).toEqual([{ demand: "D", before: "2025-04", after: "2025-03", monthsEarlier: 1, units: 0 }]);
    const ex = r.demands[0]!.explanation!;
    expect(kinds(ex.causes)).toEqual(["capacity"]);
    expect(ex.summary).toBe(
      "shell for Consumer nl: 96 due 2025-03; 90 on time, the rest by 2025-04, 1 month late: shell capacity at Site site-line (NL) is fully used from 2025-01 to 2025-03.",
    );
  });

  it("names the capacities on the chain in the order they bind", async () => {
    // Nitrocellulose (10 a month, 20 from month 3) limits shells to 10 a month at first; from
    // month 3 the assembly line (12 a month) does. 90 due in month 3: 30 + 12 = 42 on time, then 12
    // a month, the last in month 7. More assembly capacity in months 3..6 would bring a unit
    // forward; in month 7 it would not (everything left arrives then).
    const ds = tinyDataset({
      periods: 8,
      items: ["shell", "nc"],
      bom: [["shell", "nc", 1]],
      supply: [
        {
          id: "nc-line",
          item: "nc",
          capacity: [
            [0, 10],
            [3, 20],
          ],
        },
        { id: "assembly", item: "shell", capacity: [[0, 12]] },
      ],
      demands: [{ id: "D", item: "shell", consumer: "nl", qty: 90, due: 3 }],
    });
    const r = await planAndCheck(ds);
    expect(r.demands[0]).toMatchObject({ onTime: 42, late: 48, short: 0, lastDelivery: "2025-08", monthsLate: 4 });
    expect(r.demands[0]!.explanation!.summary).toBe(
      "shell for Consumer nl: 90 due 2025-04; 42 on time, the rest by 2025-08, 4 months late: " +
        "nc capacity at Site site-nc-line (NL) is fully used from 2025-01 to 2025-03; after that, shell capacity at Site site-assembly (NL) is fully used from 2025-04 to 2025-07.",
    );
    expect(r.bottlenecks.map((b) => [b.supply, b.months])).toEqual(
      expect.arrayContaining([
        ["nc-line", [{ from: "2025-01", to: "2025-03" }]],
        ["assembly", [{ from: "2025-04", to: "2025-07" }]],
      ]),
    );
  });

  it("finds the lead-time critical path through a BOM with two branches", async () => {
    // shell = body (lead 1) + fuze (lead 4); assembly lead 1. The fuze branch decides: fuzes from
    // month 4, shells from month 5 — three months after the due month 2.
    // Objective: 50 × 3 unit-months + cost (weight 0.01 × 0.1 / chain cost 3) × 150 units produced = 150.05;
    // nothing waits in a pool (bodies are made in month 3, just in time), so no holding.
    const ds = tinyDataset({
      periods: 10,
      items: ["shell", "body", "fuze"],
      bom: [
        ["shell", "body", 1],
        ["shell", "fuze", 1],
      ],
      supply: [
        { id: "body-line", item: "body", leadTime: 1, capacity: [[0, 100]] },
        { id: "fuze-line", item: "fuze", leadTime: 4, capacity: [[0, 100]] },
        { id: "assembly", item: "shell", leadTime: 1, capacity: [[0, 100]] },
      ],
      demands: [{ id: "D", item: "shell", consumer: "nl", qty: 50, due: 2 }],
    });
    const r = await planAndCheck(ds);
    expect(r.demands[0]).toMatchObject({ onTime: 0, late: 50, short: 0, lastDelivery: "2025-06", monthsLate: 3 });
    expect(r.objective).toBeCloseTo(150.05, 6);
    const cause = r.demands[0]!.explanation!.causes[0]!;
    expect(cause).toEqual({
      kind: "lead-time",
      item: "shell",
      itemName: "shell",
      earliest: "2025-06",
      path: [
        { item: "fuze", itemName: "fuze", supply: "fuze-line", site: "site-fuze-line", leadTime: 4, start: "2025-01", arrives: "2025-05" },
        { item: "shell", itemName: "shell", supply: "assembly", site: "site-assembly", leadTime: 1, start: "2025-05", arrives: "2025-06" },
      ],
    });
    // Nothing is produced that could only arrive after the horizon.
    for (const p of r.production) expect(p.period <= "2025-09").toBe(true);
  });

  it("follows a ramp-up step", async () => {
    // 10 a month, 50 from month 3: cumulative 10, 20, 30, 80, 130 | 180, 230. 200 due in month 4:
    // 130 on time, 50 one month late, 20 two months late: 90 unit-months; cost 0.001 × 200; holding
    // 0.005 × (10 + 20 + 30 + 80) units waiting at the ends of months 0..3 = 0.7.
    const ds = tinyDataset({
      periods: 8,
      items: ["shell"],
      supply: [
        {
          id: "line",
          item: "shell",
          capacity: [
            [0, 10],
            [3, 50],
          ],
        },
      ],
      demands: [{ id: "D", item: "shell", consumer: "nl", qty: 200, due: 4 }],
    });
    const r = await planAndCheck(ds);
    expect(r.demands[0]).toMatchObject({ onTime: 130, late: 70, short: 0, lastDelivery: "2025-07", monthsLate: 2 });
    expect(r.objective).toBeCloseTo(90.9, 6);
    const d = r.deliveries.map((x) => [x.period, x.qty]);
    expect(d).toEqual([
      ["2025-05", 130],
      ["2025-06", 50],
      ["2025-07", 20],
    ]);
  });

  it("stops at a capacity that ends (contract expiry)", async () => {
    // 50 a month in months 0 and 1, then a step of 0: 100 in all, so 150 due in month 3 is 50 short.
    // Each short unit weighs 12 + 3 months to the horizon end = 15: objective 750 + cost 0.001 × 100
    // + holding 0.005 × (50 + 100 + 100) = 751.35.
    // One more unit in month 0 (1) saves 15 minus its cost 0.001 and 3 (2) months waiting: 14.984 + 14.989.
    const ds = tinyDataset({
      periods: 6,
      items: ["shell"],
      supply: [
        {
          id: "line",
          item: "shell",
          capacity: [
            [0, 50],
            [2, 0],
          ],
        },
      ],
      demands: [{ id: "D", item: "shell", consumer: "nl", qty: 150, due: 3 }],
    });
    const r = await planAndCheck(ds, { resolveTop: 0 });
    expect(r.demands[0]).toMatchObject({ onTime: 100, late: 0, short: 50, lastDelivery: "2025-04" });
    expect(r.objective).toBeCloseTo(751.35, 6);
    expect(r.bottlenecks[0]!.value).toBeCloseTo(14.984 + 14.989, 6);
    expect(r.bottlenecks[0]!.months).toEqual([{ from: "2025-01", to: "2025-02" }]);
    expect(r.demands[0]!.explanation!.summary).toContain("shell capacity at Site site-line (NL) is fully used from 2025-01 to 2025-02");
    expect(r.production.every((p) => p.period < "2025-03")).toBe(true);
  });

  it("builds a consumer stock against usage to reach a target", async () => {
    // Holding 20, usage 10 a month, 15 a month can be delivered: the stock grows 5 a month —
    // 25, 30, 35, 40, 45, 50 — and reaches the level 50 in month 5, two months after `by` (month 3).
    // Objective: early gaps 0.1 × (25 + 20 + 15) + gaps 10 + 5 from month 3, + cost 0.001 × 90 = 21.09.
    const ds = tinyDataset({
      periods: 6,
      items: ["shell"],
      supply: [{ id: "line", item: "shell", capacity: [[0, 15]] }],
      holdings: [{ consumer: "nl", item: "shell", qty: 20 }],
      targets: [{ id: "norm", item: "shell", consumer: "nl", level: 50, by: 3, usage: 10 }],
    });
    const r = await planAndCheck(ds);
    expect(r.targets[0]).toMatchObject({ met: false, metAt: "2025-06", gapAtBy: 10, monthsLate: 2, unmetUsage: 0 });
    expect(r.objective).toBeCloseTo(21.09, 6);
    const stock = r.stocks!.filter((s) => s.holder === "nl").map((s) => s.qty);
    expect(stock).toEqual([25, 30, 35, 40, 45, 50]);
    expect(r.targets[0]!.explanation!.summary).toMatch(
      /^shell for Consumer nl reaches the norm of 50 in 2025-06, 2 months late \(due 2025-04\): shell capacity/,
    );
    expect(r.deliveries.every((d) => "target" in d && d.target === "norm")).toBe(true);
  });

  it("counts usage the stock cannot cover, and never lets the stock go negative", async () => {
    // Usage 10 a month, only 5 can be delivered: all of it is used, the stock stays 0 and 5 a month
    // goes unmet (30 in all). Objective: gap 50 every month (0.1 × 3 × 50 + 3 × 50 = 165),
    // unmet usage 5 × 2 × (6 + 5 + 4 + 3 + 2 + 1) = 210, cost 0.001 × 30.
    const ds = tinyDataset({
      periods: 6,
      items: ["shell"],
      supply: [{ id: "line", item: "shell", capacity: [[0, 5]] }],
      targets: [{ id: "norm", item: "shell", consumer: "nl", level: 50, by: 3, usage: 10 }],
    });
    const r = await planAndCheck(ds);
    expect(r.targets[0]).toMatchObject({ met: false, metAt: null, gapAtBy: 50, monthsLate: null, unmetUsage: 30 });
    expect(r.objective).toBeCloseTo(375.03, 6);
    expect(r.stocks!.filter((s) => s.holder === "nl").every((s) => s.qty === 0 && s.unmetUsage === 5)).toBe(true);
    expect(kinds(r.targets[0]!.explanation!.causes)).toContain("unmet-usage");
    expect(r.targets[0]!.explanation!.summary).toContain("usage of 10 a month could not be covered from 2025-01 (30 in all)");
  });

  it("plans independent clusters separately and reports them", async () => {
    const ds = tinyDataset({
      periods: 4,
      items: ["a", "b", "a-part"],
      bom: [["a", "a-part", 2]],
      supply: [
        { id: "sa", item: "a", capacity: [[0, 10]] },
        { id: "sp", item: "a-part", capacity: [[0, 10]] },
        { id: "sb", item: "b", capacity: [[0, 10]] },
      ],
      demands: [
        { id: "DA", item: "a", consumer: "nl", qty: 5, due: 1 },
        { id: "DB", item: "b", consumer: "nl", qty: 5, due: 1 },
      ],
    });
    const r = await planAndCheck(ds, { batchVariables: 0 });
    expect(r.solver).toMatchObject({ clusters: 2, solves: 2 });
    const packed = await planAndCheck(ds);
    expect(packed.solver).toMatchObject({ clusters: 2, solves: 1 });
    expect(packed.objective).toBeCloseTo(r.objective, 9);
  });
});

describe("LP names", () => {
  it("say in words what a variable or row of the plan model is", () => {
    const net = buildPlanModel(
      tinyDataset({
        periods: 3,
        items: ["shell"],
        supply: [{ id: "line", item: "shell", capacity: [[0, 1]] }],
        demands: [{ id: "D", item: "shell", consumer: "nl", qty: 1, due: 0 }],
      }),
    ).network;
    expect(describePlanName(net, "x0_2")).toBe("production started by supply line in 2025-03");
    expect(describePlanName(net, "b0_1")).toBe("pool balance of shell in 2025-02");
    expect(describePlanName(net, "s0")).toBe("shortfall of demand D");
    expect(describePlanName(net, "obj")).toBeUndefined();
  });
});

describe("planDataset, bad input", () => {
  it("explains an item nobody makes, directly and as an input", async () => {
    const ds = tinyDataset({
      periods: 4,
      items: ["widget", "shell", "fuze"],
      bom: [["shell", "fuze", 1]],
      supply: [{ id: "assembly", item: "shell", capacity: [[0, 10]] }],
      demands: [
        { id: "W", item: "widget", consumer: "nl", qty: 5, due: 1 },
        { id: "S", item: "shell", consumer: "nl", qty: 5, due: 1 },
      ],
      targets: [{ id: "T", item: "widget", consumer: "nl", level: 3, by: 2 }],
    });
    const r = await planAndCheck(ds);
    expect(r.demands[0]).toMatchObject({ onTime: 0, short: 5, lastDelivery: null });
    expect(r.demands[0]!.explanation!.causes).toEqual([
      { kind: "no-source", item: "widget", itemName: "widget", reason: "no-supply-no-stock", via: ["widget"] },
    ]);
    expect(r.demands[0]!.explanation!.summary).toContain("no supply option and no stock for widget");
    expect(r.demands[1]!.explanation!.causes).toEqual([
      { kind: "no-source", item: "fuze", itemName: "fuze", reason: "no-supply-no-stock", via: ["shell", "fuze"] },
    ]);
    expect(r.demands[1]!.explanation!.summary).toContain("no supply option and no stock for fuze (an input of shell)");
    expect(r.targets[0]).toMatchObject({ met: false, metAt: null, gapAtBy: 3 });
    expect(r.targets[0]!.explanation!.summary).toContain("no supply option and no stock for widget");
    expect(r.solver.variables).toBe(0);
    expect(r.objective).toBe(0);
  });

  it("rejects an empty horizon with INVALID_ARGUMENT", () => {
    const ds = tinyDataset({ periods: 2, items: ["a"] });
    ds.horizon.periods = 0;
    expect(() => buildPlanModel(ds)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => buildPlanModel(ds)).toThrow(/horizon is empty/);
  });

  it("rejects a dataset with a dangling reference with VALIDATION_FAILED", () => {
    const ds = tinyDataset({ periods: 2, items: ["a"] });
    ds.demands.push({ id: "X", item: "nope", consumer: "nl", qty: 1, due: "2025-01" });
    expect(() => buildPlanModel(ds)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });

  it("rejects bad weights with INVALID_ARGUMENT", () => {
    const ds = tinyDataset({ periods: 2, items: ["a"] });
    expect(() => buildPlanModel(ds, { weights: { unmetUsage: 1 } })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => buildPlanModel(ds, { weights: { costShare: 2 } })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => buildPlanModel(ds, { weights: { bogus: 1 } as never })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  const fakeSolver = (status: LpSolution["status"]): LpSolver => ({
    name: "fake",
    solve: () =>
      Promise.resolve({ status, objective: NaN, primal: new Map(), duals: new Map(), backend: "fake", solveMs: 0, message: "simulated" }),
  });
  const small = (): ReturnType<typeof tinyDataset> =>
    tinyDataset({
      periods: 2,
      items: ["a"],
      supply: [{ id: "s", item: "a", capacity: [[0, 1]] }],
      demands: [{ id: "D", item: "a", consumer: "nl", qty: 1, due: 0 }],
    });

  it.each([
    ["infeasible", "MODEL_INFEASIBLE"],
    ["unbounded", "MODEL_UNBOUNDED"],
    ["time-limit", "SOLVER_FAILED"],
    ["error", "SOLVER_FAILED"],
  ] as const)("turns a solver status %s into %s", async (status, code) => {
    const err = await planDataset(small(), {}, fakeSolver(status)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParaatError);
    expect(err).toMatchObject({ code });
    expect((err as ParaatError).message.length).toBeGreaterThan(20);
  });
});

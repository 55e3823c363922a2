/**
 * The tie rule, worked by hand: two equal demands and a supplier short of capacity, under
 * `due-date` and `pro-rata`; targets of one priority; supply options of equal cost. Every plan
 * also passes the independent checker, and the objective is the one the weights define.
 */
import { describe, expect, it } from "vitest";
import type { Dataset } from "../model/schema.js";
import type { PlanOptions } from "./options.js";
import { planAndCheck } from "./test-support/run-plan.js";
import { tinyDataset } from "./test-support/tiny-dataset.js";
import type { PlanResult } from "./types.js";

function demand(r: PlanResult, id: string) {
  return r.demands.find((d) => d.id === id)!;
}

function deliveries(r: PlanResult, demandId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of r.deliveries) if ("demand" in d && d.demand === demandId) out[d.period] = d.qty;
  return out;
}

const plan = (d: Dataset, options: PlanOptions = {}) => planAndCheck(d, { bottlenecks: 0, ...options });

describe("the tie rule among demands of one item and priority", () => {
  // A and B each want 100 in month 1; the line makes 70 a month from month 0 (140 by month 1, 30% short of 200).
  const equalDemands = tinyDataset({
    periods: 4,
    items: ["shell"],
    supply: [{ id: "line", item: "shell", capacity: [[0, 70]] }],
    demands: [
      { id: "A", item: "shell", consumer: "nl", qty: 100, due: 1 },
      { id: "B", item: "shell", consumer: "nl", qty: 100, due: 1 },
    ],
  });

  it("shares a month's shortfall pro rata between demands due the same month (both rules)", async () => {
    for (const ties of ["due-date", "pro-rata"] as const) {
      const r = await plan(equalDemands, { ties });
      // 140 in month 1 split 70/70, the remaining 60 in month 2 split 30/30: each one month late by the same share.
      for (const id of ["A", "B"]) {
        expect(demand(r, id), `${ties} ${id}`).toMatchObject({ onTime: 70, late: 30, short: 0, lastDelivery: "2025-03", monthsLate: 1 });
        expect(deliveries(r, id)).toEqual({ "2025-02": 70, "2025-03": 30 });
      }
      expect(r.ties).toMatchObject({ applied: true, rule: ties });
    }
  });

  // A due in month 0, B in month 1, 100 each; 50 a month: 50, 100, 150, 200 made by months 0…3.
  const staggered = tinyDataset({
    periods: 5,
    items: ["shell"],
    supply: [{ id: "line", item: "shell", capacity: [[0, 50]] }],
    demands: [
      { id: "A", item: "shell", consumer: "nl", qty: 100, due: 0 },
      { id: "B", item: "shell", consumer: "nl", qty: 100, due: 1 },
    ],
  });

  it("due-date: the demand due earlier is served first", async () => {
    const r = await plan(staggered, { ties: "due-date" });
    // A: 50 in month 0, 50 in month 1. B: nothing until A is complete, then 50 in months 2 and 3.
    expect(deliveries(r, "A")).toEqual({ "2025-01": 50, "2025-02": 50 });
    expect(deliveries(r, "B")).toEqual({ "2025-03": 50, "2025-04": 50 });
    expect(demand(r, "B")).toMatchObject({ onTime: 0, late: 100, monthsLate: 2 });
    const tie = demand(r, "B").explanation!.causes.find((c) => c.kind === "tie");
    expect(tie).toMatchObject({ kind: "tie", rule: "due-date", before: [{ demand: "A", due: "2025-01", qty: 100 }], shared: [] });
    expect(demand(r, "B").explanation!.summary).toContain("after A: same priority, due earlier");
  });

  it("pro-rata: every demand already due shares in proportion to its quantity", async () => {
    const r = await plan(staggered, { ties: "pro-rata" });
    // Month 0: only A is due (50). Months 1 and 2: 50 shared 25/25. Month 3: the last 50 to B.
    expect(deliveries(r, "A")).toEqual({ "2025-01": 50, "2025-02": 25, "2025-03": 25 });
    expect(deliveries(r, "B")).toEqual({ "2025-02": 25, "2025-03": 25, "2025-04": 50 });
    expect(demand(r, "A")).toMatchObject({ onTime: 50, late: 50, monthsLate: 2 });
    expect(demand(r, "B")).toMatchObject({ onTime: 25, late: 75, monthsLate: 2 });
    expect(demand(r, "B").explanation!.summary).toContain("shared pro rata with A");
  });

  it("leaves the objective as the weights define it: both rules cost 200 unit-months of lateness", async () => {
    const [dueDate, proRata] = await Promise.all([plan(staggered, { ties: "due-date" }), plan(staggered, { ties: "pro-rata" })]);
    expect(proRata.objective).toBeCloseTo(dueDate.objective, 9);
    const untied = await plan(staggered, { breakTies: false });
    expect(untied.objective).toBeCloseTo(dueDate.objective, 9);
    expect(untied.ties.applied).toBe(false);
  });

  it("does not depend on the order of the demand rows", async () => {
    const reversed = { ...staggered, demands: [...staggered.demands].reverse() };
    const [a, b] = await Promise.all([plan(staggered), plan(reversed)]);
    for (const id of ["A", "B"]) expect(deliveries(b, id)).toEqual(deliveries(a, id));
  });
});

describe("the stated orders among targets and supply options", () => {
  it("fills targets of one item and priority in the order earlier by, then id", async () => {
    // Two consumers of priority 1, a norm of 100 each by month 2; 40 a month is made.
    const d = tinyDataset({
      periods: 6,
      items: ["shell"],
      consumers: [
        { id: "b", priority: 1 },
        { id: "a", priority: 1 },
      ],
      supply: [{ id: "line", item: "shell", capacity: [[0, 40]] }],
      targets: [
        { id: "t-b", item: "shell", consumer: "b", level: 100, by: 2 },
        { id: "t-a", item: "shell", consumer: "a", level: 100, by: 2 },
      ],
    });
    const r = await plan(d);
    // Same by month: id decides, t-a first: met in month 2 (120 made), t-b in month 4 (200 made).
    expect(r.targets.find((t) => t.id === "t-a")).toMatchObject({ met: true, metAt: "2025-03" });
    expect(r.targets.find((t) => t.id === "t-b")).toMatchObject({ met: false, metAt: "2025-05", gapAtBy: 80 });
    const later = { ...d, targets: d.targets.map((t) => (t.id === "t-a" ? { ...t, by: "2025-04" } : t)) };
    const r2 = await plan(later);
    // t-b now comes due first and is filled first.
    expect(r2.targets.find((t) => t.id === "t-b")).toMatchObject({ met: true, metAt: "2025-03" });
  });

  it("uses supply options of equal cost in the order EU, NATO, others, then shorter lead time, then id", async () => {
    // Two lines of equal cost and lead time, 60 a month each; 60 due each month: one line suffices.
    const base = tinyDataset({
      periods: 3,
      items: ["shell"],
      supply: [
        { id: "z-eu", item: "shell", capacity: [[0, 60]], site: "eu-site" },
        { id: "a-nato", item: "shell", capacity: [[0, 60]], site: "nato-site" },
      ],
      demands: [0, 1, 2].map((t) => ({ id: `d${t}`, item: "shell", consumer: "nl", qty: 60, due: t })),
    });
    const d: Dataset = {
      ...base,
      countries: [...base.countries, { code: "NO", name: "Norway", eu: false, nato: true, concern: false }],
      sites: base.sites.map((s) => (s.id === "nato-site" ? { ...s, country: "NO" } : s)),
    };
    const made = (r: PlanResult, supply: string) => r.production.filter((p) => p.supply === supply).reduce((s, p) => s + p.qty, 0);
    const r = await plan(d);
    expect(made(r, "z-eu")).toBeCloseTo(180, 6);
    expect(made(r, "a-nato")).toBeCloseTo(0, 6);
    // Without the bloc, id decides: a-nato before z-eu.
    const byId = await plan(d, { tieOrder: { supplies: ["id"] } });
    expect(made(byId, "a-nato")).toBeCloseTo(180, 6);
    expect(byId.ties.supplies).toEqual(["id"]);
  });
});

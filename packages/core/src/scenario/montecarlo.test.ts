import { describe, expect, it } from "vitest";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Dataset } from "../model/schema.js";
import { planAndCheck } from "../plan/test-support/run-plan.js";
import { tinyDataset } from "../plan/test-support/tiny-dataset.js";
import { drawMonths, drawRun } from "./draw.js";
import type { RiskEvent } from "./events.js";
import { checkEvents, planRuns, type RunPlanner } from "./montecarlo.js";
import { metAtQuantile, summarizeRuns, wilson } from "./montecarlo-summary.js";

/** A norm of 100 by month 5; each supply option alone makes 50 a month, enough by month 1. */
function network(options: string[]): Dataset {
  return tinyDataset({
    periods: 8,
    items: ["shell"],
    supply: options.map((id) => ({ id, item: "shell", site: `site-${id}`, capacity: [[0, 50]] as [number, number][] })),
    targets: [{ id: "norm", item: "shell", consumer: "nl", level: 100, by: 5 }],
  });
}

const outage = (id: string, node: string, probability: number): RiskEvent => ({ id, kind: "outage", node, probability, start: "2025-01" });
const plan: RunPlanner = (d) => planAndCheck(d, { bottlenecks: 0, resolveTop: 0 });
const range = (n: number) => Array.from({ length: n }, (_, k) => k);

describe("Monte Carlo against analytic answers", () => {
  it("one supplier that fails for good with probability p, no alternative: the norm is met with probability 1 − p", async () => {
    const d = network(["a"]);
    const events = [outage("a-fails", "site-a", 0.3)];
    const s = summarizeRuns(await planRuns(d, events, 7, range(400), plan), 7);
    const t = s.targets[0]!;
    expect(t.ci[0]).toBeLessThanOrEqual(0.7);
    expect(t.ci[1]).toBeGreaterThanOrEqual(0.7);
    // Every miss is a run in which the supplier failed.
    expect(t.causes).toEqual([{ event: "a-fails", missShare: 1 }]);
    expect(t.metAt.p10).toBe("2025-02");
    expect(t.metAt.p90).toBeNull();
    // The histogram: the runs without the outage meet it in month 1 (50 + 50), the others never.
    expect(t.distribution.map((b) => b.month)).toEqual(["2025-02", null]);
    expect(t.distribution[0]!.runs / 400).toBe(t.probability);
  });

  it("two suppliers each sufficient alone: met with probability 1 − p₁p₂", async () => {
    const d = network(["a", "b"]);
    const events = [outage("a-fails", "site-a", 0.5), outage("b-fails", "site-b", 0.4)];
    const s = summarizeRuns(await planRuns(d, events, 11, range(400), plan), 11);
    const [lo, hi] = s.targets[0]!.ci;
    expect(lo).toBeLessThanOrEqual(0.8);
    expect(hi).toBeGreaterThanOrEqual(0.8);
    // A miss needs both to fail: both are in every missed run.
    expect(s.targets[0]!.causes.map((c) => c.missShare)).toEqual([1, 1]);
  });

  it("gives the same answer byte for byte however the runs are split into chunks", async () => {
    const d = network(["a", "b"]);
    const events: RiskEvent[] = [
      {
        id: "a",
        kind: "outage",
        node: "site-a",
        probability: 0.5,
        start: { from: "2025-01", to: "2025-06" },
        months: { dist: "uniform", min: 1, max: 4 },
      },
      {
        id: "b",
        kind: "outage",
        node: "site-b",
        probability: 0.5,
        start: { from: "2025-01", to: "2025-04" },
        months: { dist: "lognormal", median: 2, p90: 5 },
      },
    ];
    const whole = summarizeRuns(await planRuns(d, events, 3, range(60), plan), 3);
    const chunks = [
      range(60).filter((r) => r % 2 === 0),
      range(60)
        .filter((r) => r % 2 === 1)
        .reverse(),
    ];
    const parts = (await Promise.all(chunks.map((c) => planRuns(d, events, 3, c, plan)))).flat();
    expect(JSON.stringify(summarizeRuns(parts, 3))).toBe(JSON.stringify(whole));
  });
});

describe("draws", () => {
  it("depend on (seed, run) only, and differ between runs and seeds", () => {
    const events = [outage("x", "NL", 0.5), outage("y", "NL", 0.5)];
    expect(drawRun(events, 1, 5)).toEqual(drawRun(events, 1, 5));
    const runs = range(200).map((r) => JSON.stringify(drawRun(events, 1, r)));
    expect(new Set(runs).size).toBe(4); // every combination of two events appears
    const happened = range(2000).filter((r) => drawRun([outage("x", "NL", 0.3)], 9, r).length > 0).length;
    expect(happened / 2000).toBeGreaterThan(0.27);
    expect(happened / 2000).toBeLessThan(0.33);
  });

  it("lognormal durations have the median and p90 asked for", () => {
    const rng = xoroshiro128plus(42);
    const xs = range(20000)
      .map(() => drawMonths(rng, { dist: "lognormal", median: 6, p90: 18 }))
      .sort((a, b) => a - b);
    expect(xs[10000]).toBe(6);
    expect(Math.abs(xs[18000]! - 18)).toBeLessThanOrEqual(1);
  });
});

describe("the summary's arithmetic", () => {
  it("Wilson intervals match published values", () => {
    const [lo0, hi0] = wilson(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775, 4);
    const [lo, hi] = wilson(5, 10);
    expect(lo).toBeCloseTo(0.2366, 4);
    expect(hi).toBeCloseTo(0.7634, 4);
  });

  it("metAt quantiles are nearest-rank months, null when too few runs reach it", () => {
    const months = ["2025-03", "2025-01", null, "2025-02", null];
    expect(metAtQuantile(months, 0.1)).toBe("2025-01");
    expect(metAtQuantile(months, 0.5)).toBe("2025-03");
    expect(metAtQuantile(months, 0.9)).toBeNull();
  });
});

it("checks events against the dataset, each problem at its event", () => {
  const d = network(["a"]);
  const issues = checkEvents(d, [
    outage("ok", "site-a", 0.1),
    { ...outage("far", "nowhere", 0.1), start: { from: "2024-01", to: "2025-03" } },
    outage("ok", "NL", 0.2),
  ]);
  expect(issues.map((i) => i.field).sort()).toEqual(["events[1].node", "events[1].start.from", "events[2].id"]);
});

import { expect, it } from "vitest";
import type { Dataset } from "../model/schema.js";
import { planAndCheck } from "../plan/test-support/run-plan.js";
import { tinyDataset } from "../plan/test-support/tiny-dataset.js";
import { analyzeRisk } from "../risk/analyze.js";
import { applyScenario } from "./apply.js";
import { compareOutcomes, type ScenarioOutcome } from "./compare.js";
import { compareScenarios } from "./compare-run.js";
import type { ScenarioChange } from "./schema.js";

/** One line of 100 shells a month at 2 EUR; a demand of 300 due in month 2 (so on time: 300 by then from 3 months of output). */
const tiny = tinyDataset({
  periods: 8,
  items: ["shell"],
  supply: [{ id: "a", item: "shell", unitCost: 2, capacity: [[0, 100]] }],
  consumers: [{ id: "ua", priority: 1 }],
  demands: [{ id: "ua-1", item: "shell", consumer: "ua", qty: 300, due: 2 }],
  targets: [{ id: "norm", item: "shell", consumer: "ua", level: 200, by: 5 }],
});
const base: Dataset = { ...tiny, items: tiny.items.map((i) => ({ ...i, kind: "end-item" as const })) };

async function outcome(name: string, ...changes: ScenarioChange[]): Promise<ScenarioOutcome> {
  const r = applyScenario(base, { format: "paraat-scenario", version: 1, name, changes });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { name, dataset: r.value, plan: await planAndCheck(r.value, { resolveTop: 0 }), risk: analyzeRisk(r.value) };
}

it("puts three scenarios beside the base with each figure's difference, worked by hand", async () => {
  const cmp = compareOutcomes([
    await outcome("base"),
    // Two months without the line: the demand gets 100 on time (month 0 output) and the rest late.
    await outcome("outage", { kind: "outage", node: "site-a", from: "2025-02", months: 2 }),
    // Twice the capacity: nothing changes for the demand (it was on time); the norm is met in month 0
    // (200 made that month go to the stock, the next two months' 400 cover the demand) instead of month 4.
    await outcome("double", { kind: "capacity", supply: "a", from: "2025-01", factor: 2 }),
    // A larger demand of 500: 300 on time, 200 late.
    await outcome("more", { kind: "demand", demand: { id: "ua-1", item: "shell", consumer: "ua", qty: 500, due: "2025-03" } }),
  ]);
  expect(cmp.scenarios.map((s) => s.name)).toEqual(["base", "outage", "double", "more"]);
  const [b, outage, double, more] = cmp.scenarios;
  expect(b!.demands).toEqual([{ id: "ua-1", onTime: 300, late: 0, short: 0 }]);
  expect(b!.diff).toBeUndefined();
  expect(b!.targets[0]).toMatchObject({ id: "norm", met: true, gapAtBy: 0 });

  expect(outage!.demands[0]).toEqual({ id: "ua-1", onTime: 100, late: 200, short: 0, diff: { onTime: -200, late: 200, short: 0 } });
  expect(double!.demands[0]!.diff).toEqual({ onTime: 0, late: 0, short: 0 });
  expect(b!.targets[0]!.metAt).toBe("2025-05");
  expect(double!.targets[0]).toMatchObject({ metAt: "2025-01", diff: { monthsLater: -4, gapAtBy: 0, metChanged: false } });
  expect(more!.demands[0]).toMatchObject({ onTime: 300, late: 200, diff: { onTime: 0, late: 200 } });

  // Cost is quantity × unit cost of what each plan produces; the difference is to the base.
  for (const s of cmp.scenarios.slice(1)) expect(s.diff!.cost).toBeCloseTo(s.cost - b!.cost, 2);
  expect(more!.cost).toBeGreaterThan(b!.cost);
  // One Dutch line: everything from the EU.
  expect(b!.autonomy).toEqual({ eu: 1, euNato: 1, items: [{ id: "shell", eu: 1, euNato: 1 }] });
  expect(outage!.diff!.autonomy).toEqual({ eu: 0, euNato: 0 });
});

it("compareScenarios plans the base and each scenario, and refuses an invalid scenario before planning anything", async () => {
  const plan = (d: Dataset) => planAndCheck(d, { resolveTop: 0 });
  const ok = {
    format: "paraat-scenario" as const,
    version: 1 as const,
    name: "cut",
    changes: [{ kind: "capacity" as const, supply: "a", from: "2025-01", factor: 0.5 }],
  };
  const cmp = await compareScenarios(base, [ok], plan);
  expect(cmp.scenarios.map((s) => s.name)).toEqual(["base", "cut"]);
  expect(cmp.scenarios[1]!.demands[0]!.diff!.onTime).toBeLessThan(0);
  let planned = 0;
  const counting = (d: Dataset) => (planned++, plan(d));
  const bad = { ...ok, name: "bad", changes: [{ kind: "capacity" as const, supply: "nope", from: "2025-01", factor: 2 }] };
  await expect(compareScenarios(base, [ok, bad], counting)).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    details: { scenario: "bad", issues: [{ field: "changes[0].supply" }] },
  });
  expect(planned).toBe(0);
});

/**
 * Monte Carlo supply security: in each run the events happen or not as drawn (draw.ts), the dataset
 * loses the capacity they take, and the planner plans it; summarizeRuns turns the runs into
 * probabilities. The planner is passed in (the services give it the solver, warm starts and threads),
 * so this stays pure. Runs with the same draws are planned once.
 */
import type { Dataset } from "../model/schema.js";
import type { PlanResult } from "../plan/types.js";
import { applyScenario } from "./apply.js";
import { drawKey, drawRun } from "./draw.js";
import type { RiskEvent } from "./events.js";
import type { ScenarioIssue, ScenarioResult } from "./issues.js";
import type { RunOutcome } from "./montecarlo-summary.js";
import type { OutageScenarioChange } from "./schema.js";

export type RunPlanner = (dataset: Dataset) => Promise<Pick<PlanResult, "targets" | "demands">>;

/** Every event checked against the dataset as if it happened at the start and at the end of its window. */
export function checkEvents(dataset: Dataset, events: readonly RiskEvent[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const firstWithId = new Map<string, number>();
  events.forEach((e, k) => firstWithId.has(e.id) || firstWithId.set(e.id, k));
  events.forEach((e, k) => {
    const starts =
      typeof e.start === "string"
        ? [["start", e.start]]
        : [
            ["start.from", e.start.from],
            ["start.to", e.start.to],
          ];
    for (const [field, from] of starts) {
      const change: OutageScenarioChange = { kind: "outage", node: e.node, from: from!, ...(e.item === undefined ? {} : { item: e.item }) };
      const r = applyScenario(dataset, { format: "paraat-scenario", version: 1, name: e.id, changes: [change] });
      if (r.ok) continue;
      for (const i of r.issues) {
        const f = i.field.replace(/^changes\[0\]\./, "").replace(/^from$/, field!);
        const issue = { ...i, change: k, field: `events[${k}].${f}` };
        if (!issues.some((x) => x.field === issue.field)) issues.push(issue);
      }
    }
    if (typeof e.start !== "string" && e.start.to < e.start.from)
      issues.push({
        change: k,
        field: `events[${k}].start.to`,
        value: e.start.to,
        expected: `a month at or after ${e.start.from}`,
        message: "the window ends before it starts",
      });
    if (firstWithId.get(e.id) !== k)
      issues.push({
        change: k,
        field: `events[${k}].id`,
        value: e.id,
        expected: "an id no other event has",
        message: `event id ${e.id} is used twice`,
      });
  });
  return issues;
}

/** The dataset of one run: the base with the drawn events' outages applied. */
export function runDataset(base: Dataset, drawn: readonly { id: string; change: OutageScenarioChange }[]): ScenarioResult<Dataset> {
  if (drawn.length === 0) return { ok: true, value: base };
  return applyScenario(base, { format: "paraat-scenario", version: 1, name: "run", changes: drawn.map((d) => d.change) });
}

/**
 * Plans the given runs (a chunk of a batch: a thread's or a queue worker's share). Their outcomes do
 * not depend on which other runs are in the chunk, so chunks can be computed anywhere and merged.
 */
export async function planRuns(
  base: Dataset,
  events: readonly RiskEvent[],
  seed: number,
  runs: readonly number[],
  plan: RunPlanner,
  onRun?: (done: number, total: number) => void,
): Promise<RunOutcome[]> {
  const planned = new Map<string, Promise<Pick<PlanResult, "targets" | "demands">>>();
  const out: RunOutcome[] = [];
  for (const [k, run] of runs.entries()) {
    const drawn = drawRun(events, seed, run);
    const key = drawKey(drawn);
    let p = planned.get(key);
    if (p === undefined) {
      const d = runDataset(base, drawn);
      // The events were checked against the dataset up front (checkEvents); a failure here is a bug.
      if (!d.ok) throw new Error(`run ${run}: ${d.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
      p = plan(d.value);
      planned.set(key, p);
    }
    const r = await p;
    out.push({
      run,
      events: drawn.map((d) => d.id),
      targets: r.targets.map((t) => ({ id: t.id, met: t.met, metAt: t.metAt })),
      demands: r.demands.map((d) => ({ id: d.id, qty: d.qty, onTime: d.onTime, short: d.short })),
    });
    onRun?.(k + 1, runs.length);
  }
  return out;
}

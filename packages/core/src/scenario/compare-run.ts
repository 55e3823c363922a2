/**
 * Plans the base and each scenario and compares them: the whole of `paraat scenario compare` but the
 * solver, which the caller passes in (so the services can run it as a job, in a worker thread).
 */
import type { Dataset } from "../model/schema.js";
import type { PlanResult } from "../plan/types.js";
import { analyzeRisk } from "../risk/analyze.js";
import { applyScenario } from "./apply.js";
import { compareOutcomes, type ScenarioComparison, type ScenarioOutcome } from "./compare.js";
import { scenarioInvalid } from "./issues.js";
import type { Scenario } from "./schema.js";

export type ScenarioPlanner = (dataset: Dataset) => Promise<PlanResult>;

/** Every scenario applied first (all problems of all of them reported together), then planned one by one. */
export async function compareScenarios(
  base: Dataset,
  scenarios: readonly Scenario[],
  plan: ScenarioPlanner,
  onStep?: (done: number, total: number, what: string) => void,
): Promise<ScenarioComparison> {
  const applied = scenarios.map((s) => ({ s, r: applyScenario(base, s) }));
  const bad = applied.find((a) => !a.r.ok);
  if (bad !== undefined && !bad.r.ok) throw scenarioInvalid(bad.s.name, bad.r.issues);
  const cases: { name: string; dataset: Dataset }[] = [
    { name: "base", dataset: base },
    ...applied.map((a) => ({ name: a.s.name, dataset: a.r.ok ? a.r.value : base })),
  ];
  const outcomes: ScenarioOutcome[] = [];
  for (const [k, c] of cases.entries()) {
    onStep?.(k, cases.length, `planning ${c.name}`);
    outcomes.push({ ...c, plan: await plan(c.dataset), risk: analyzeRisk(c.dataset, { texts: false }) });
  }
  onStep?.(cases.length, cases.length, "compared");
  return compareOutcomes(outcomes);
}

export * from "./schema.js";
export { scenarioInvalid, type ScenarioIssue, type ScenarioResult } from "./issues.js";
export { parseEvents, parseScenario } from "./parse.js";
export { applyScenario } from "./apply.js";
export { mapCapacityWindow } from "./capacity-window.js";
export { resolveNode, type ResolvedNode, type NodeKind as ScenarioNodeKind } from "./nodes.js";
export {
  compareOutcomes,
  planCost,
  autonomyOf,
  type ScenarioOutcome,
  type ScenarioComparison,
  type ComparedScenario,
  type ComparedTarget,
  type ComparedDemand,
  type Autonomy,
  type ComparedBottleneck,
} from "./compare.js";
export * from "./events.js";
export { drawRun, drawKey, drawMonths, runSeed, type DrawnEvent } from "./draw.js";
export {
  summarizeRuns,
  wilson,
  metAtQuantile,
  type RunOutcome,
  type MonteCarloSummary,
  type TargetProbability,
  type DemandProbability,
} from "./montecarlo-summary.js";
export { planRuns, checkEvents, runDataset, type RunPlanner } from "./montecarlo.js";
export { timeToSurvive, samePlan, type NodeSurvival, type SurviveOptions, type SurvivePlanner } from "./survive.js";
export { compareScenarios, type ScenarioPlanner } from "./compare-run.js";

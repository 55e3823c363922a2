export * from "./schema.js";
export type { ScenarioIssue, ScenarioResult } from "./issues.js";
export { parseScenario } from "./parse.js";
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

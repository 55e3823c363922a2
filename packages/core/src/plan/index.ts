export { planDataset, solvePlanModel } from "./plan.js";
export { buildPlanModel, planModelSize, planModelToLp, type PlanGroup, type PlanModel } from "./build.js";
export {
  defaultPlanWeights,
  priorityWeight,
  resolvePlanOptions,
  type PlanOptions,
  type PlanWeights,
  type ResolvedPlanOptions,
} from "./options.js";
export { describePlanName, planNameLegend, planPrefixes } from "./names.js";
export type { PlanNetwork, ConsumerStock } from "./network.js";
export type { SolverChoice } from "./solution.js";
export type { PlanContext } from "./options.js";
export {
  defaultTieOrder,
  supplyTieKeys,
  targetTieKeys,
  tieRules,
  type SupplyTieKey,
  type TargetTieKey,
  type TieOrder,
  type TieRule,
} from "./tie-vocabulary.js";
export type * from "./types.js";
export { planOptionsSchema, planRequestSchema, planWeightsSchema, checkPlanOptions, type PlanRequest } from "./options-schema.js";

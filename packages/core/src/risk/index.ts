export * from "./types.js";
export {
  defaultRiskOptions,
  resolveRiskOptions,
  riskMethods,
  type RiskMethod,
  type RiskOptions,
  type ResolvedRiskOptions,
  type RegisterFilter,
} from "./options.js";
export { analyzeRisk, analyzeNetwork } from "./analyze.js";
export { blocOf, hhi, hhiBand } from "./blocs.js";
export { valueSplit } from "./exposure.js";
export { hhiWgi, stageSupplyRisk, materialSupplyRisk } from "./supply-risk.js";
export { ultimateHoldings, companyOwnership } from "./ownership.js";
export { filterRegister, severityOf } from "./register.js";
export { spofImpact, type Planner, type PlanOutcome, type PlannedTarget, type SpofImpact, type TargetImpact } from "./impact.js";
export { riskQuerySchema, riskForItem, queryRisk, isEmptyRiskQuery, type RiskQuery } from "./query.js";
export { impactCandidates, candidateImpacts, type ImpactCandidate } from "./impact-nodes.js";
export {
  itemChain,
  MAX_CHAIN_DEPTH,
  type ItemChain,
  type ChainNode,
  type ChainEdge,
  type ChainNodeKind,
  type ChainEdgeKind,
} from "./chain.js";

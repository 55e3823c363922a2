/** The result of planning a dataset (`paraat plan --format json`). The field names the issue fixes are kept as named. */
import type { PlanWeights } from "./options.js";

export interface MonthRange {
  from: string;
  to: string;
}

export interface PlanProduction {
  supply: string;
  item: string;
  site: string;
  /** Month production starts; the output is in the pool lead time months later. */
  period: string;
  qty: number;
}

interface DeliveryBase {
  item: string;
  consumer: string;
  period: string;
  qty: number;
}
export type PlanDelivery = (DeliveryBase & { demand: string }) | (DeliveryBase & { target: string });

export interface PlanStock {
  item: string;
  /** "pool", or the consumer holding it. */
  holder: string;
  period: string;
  /** Stock at the end of the month. */
  qty: number;
  /** Consumer stock only: usage that month the stock could not cover. */
  unmetUsage?: number;
}

export interface DemandResult {
  id: string;
  item: string;
  consumer: string;
  qty: number;
  due: string;
  priority: number;
  /** Delivered in the due month (deliveries never come earlier). */
  onTime: number;
  /** Delivered after the due month, within the horizon. */
  late: number;
  /** Not delivered by the horizon end. */
  short: number;
  /** Month of the last delivery, or null if nothing is delivered. */
  lastDelivery: string | null;
  /** Months from the due month to the last delivery, when some is late; else 0. */
  monthsLate: number;
  explanation: Explanation | null;
}

export interface TargetResult {
  id: string;
  item: string;
  consumer: string;
  level: number;
  by: string;
  /** The consumer's stock is at or above the level in the `by` month. */
  met: boolean;
  /** When met: first month of the run at or above the level that lasts through `by`; else the first month after `by` it reaches the level; null if never. */
  metAt: string | null;
  /** Level minus stock in the `by` month, if positive. */
  gapAtBy: number;
  /** Months after `by` until metAt; 0 if met; null if never met in the horizon. */
  monthsLate: number | null;
  /** Usage the consumer's stock could not cover over the horizon. */
  unmetUsage: number;
  /**
   * The consumer's stock of the item at the end of each month of the horizon (index 0 = the
   * first), as the planner computed it — the stock `met`, `metAt` and `gapAtBy` are read from
   * (shared by every target of the same consumer and item, which has the largest usage of them).
   */
  stock: number[];
  explanation: Explanation | null;
}

/** "Why is this late or short?" in words and as data. */
export interface Explanation {
  summary: string;
  causes: Cause[];
}

export type Cause = CapacityCause | PoolCause | LeadTimeCause | NoSourceCause | CompetitionCause | TieCause | UsageCause;

/**
 * Demands of the same item and priority that the tie rule served before this one (due-date:
 * due earlier) or alongside it (due the same month, or every one under pro-rata), with what they
 * received up to the month the explanation looks at.
 */
export interface TieCause {
  kind: "tie";
  item: string;
  itemName: string;
  rule: "due-date" | "pro-rata";
  before: TieRecipient[];
  shared: TieRecipient[];
}

export interface TieRecipient {
  demand: string;
  consumer: string;
  due: string;
  qty: number;
}

/** A supply option on the item's chain whose capacity is fully used and would help if larger. */
export interface CapacityCause {
  kind: "capacity";
  supply: string;
  item: string;
  itemName: string;
  site: string;
  siteName: string;
  company: string;
  companyName: string;
  country: string;
  /** Months it binds (in the window that matters for this demand or target). */
  months: MonthRange[];
  /** Objective gain of +1 unit/month over those months (from the duals). */
  value: number;
}

/** An item on the chain whose pool is empty while more would help, and no capacity is in force to refill it. */
export interface PoolCause {
  kind: "pool-exhausted";
  item: string;
  itemName: string;
  months: MonthRange[];
}

export interface LeadTimeStep {
  item: string;
  itemName: string;
  supply: string;
  site: string;
  leadTime: number;
  /** Earliest month this step can start (its inputs exist and it has capacity). */
  start: string;
  /** Month its output is in the pool. */
  arrives: string;
}

/** The chain of lead times that decides the earliest month the item can exist. */
export interface LeadTimeCause {
  kind: "lead-time";
  item: string;
  itemName: string;
  earliest: string;
  path: LeadTimeStep[];
}

export type NoSourceReason = "no-supply-no-stock" | "no-capacity-in-horizon" | "arrives-after-horizon" | "input-unavailable";

/** Nothing can supply the item (or an input it cannot do without) within the horizon. */
export interface NoSourceCause {
  kind: "no-source";
  item: string;
  itemName: string;
  reason: NoSourceReason;
  /** Items from the demanded one down to this one. */
  via: string[];
}

/** Higher-priority demands and targets that received the same item in the months that mattered. */
export interface CompetitionCause {
  kind: "competition";
  item: string;
  itemName: string;
  recipients: { demand?: string; target?: string; consumer: string; priority: number; qty: number }[];
}

/** A consumer's usage that its stock could not cover. */
export interface UsageCause {
  kind: "unmet-usage";
  item: string;
  consumer: string;
  usagePerPeriod: number;
  unmet: number;
  months: MonthRange[];
}

export interface CapacityChange {
  demand?: string;
  target?: string;
  /** lastDelivery (demand) or metAt (target) before and after. */
  before: string | null;
  after: string | null;
  /** Months earlier (negative: later); null when it is met only in one of the two plans. */
  monthsEarlier: number | null;
  /** Extra units delivered (demand) or extra stock in the `by` month (target). */
  units: number;
}

export interface CapacityGain {
  capacityIncrease: number;
  objectiveBefore: number;
  objectiveAfter: number;
  /** Extra units delivered to demands and to consumer stocks within the horizon. */
  units: number;
  /** Extra units delivered to demands by their due month. */
  onTimeUnits: number;
  changes: CapacityChange[];
}

export interface Bottleneck {
  rank: number;
  supply: string;
  item: string;
  itemName: string;
  site: string;
  siteName: string;
  company: string;
  companyName: string;
  country: string;
  /** Objective improvement of one more unit per month in every month the option has capacity (from the duals). */
  value: number;
  /** Months in which more capacity would help. */
  months: MonthRange[];
  bindingMonths: number;
  /** Re-solve with capacityIncrease more capacity (top ones only). */
  gain?: CapacityGain;
  /** Why a top bottleneck was not re-solved (its cluster is larger than resolveMaxNonzeros and no warm start was possible). */
  gainSkipped?: string;
}

export interface PlanSolverInfo {
  /** Backends used, e.g. "highs-wasm" or "cbc". */
  backend: string;
  solveMs: number;
  buildMs: number;
  explainMs: number;
  variables: number;
  constraints: number;
  nonzeros: number;
  /** Independent clusters of the network. */
  clusters: number;
  /** LPs solved for the plan (clusters packed together), not counting bottleneck re-solves. */
  solves: number;
  /** Bottleneck re-solves. */
  resolves: number;
  /** How many of them started from the plan's optimal basis (CBC) rather than from scratch. */
  warmStarts: number;
  /** Whether the backend reported duals (bottleneck values need them). */
  duals: boolean;
}

export interface PlanResult {
  status: "optimal";
  /** The optimum of the exported LP (sum over its independent blocks). */
  objective: number;
  horizon: { start: string; periods: number; end: string };
  production: PlanProduction[];
  deliveries: PlanDelivery[];
  /** Only with the `stocks` option. */
  stocks?: PlanStock[];
  demands: DemandResult[];
  targets: TargetResult[];
  bottlenecks: Bottleneck[];
  /** The tie rule the plan was made with (docs/planning.md, "Ties"); applied false when planned without it. */
  ties: PlanTies;
  solver: PlanSolverInfo;
  /** The weights used, the derived weight of one euro of cost, and of one demanded unit's worth waiting a month in the pool. */
  weights: PlanWeights & { cost: number; holdingPerMonth: number };
}

export interface PlanTies {
  applied: boolean;
  /** Among demands of one item and priority. */
  rule: "due-date" | "pro-rata";
  /** The order among supply options of equal cost, then id. */
  supplies: ("bloc" | "lead-time" | "id")[];
  /** The order among targets of one item and priority, then id. */
  targets: ("by" | "level" | "id")[];
  /** The factor on the LP's objective coefficients that lifts the smallest term above the solvers' tolerance. */
  objectiveScale: number;
}

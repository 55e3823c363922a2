/**
 * Options of the planner. Every weight of the objective is here with its default and its
 * meaning; nothing in the model is an unnamed constant. docs/planning.md explains each.
 */
import { checkPlanOptions } from "./options-schema.js";
import { defaultTieOrder, type TieOrder, type TieRule } from "./tie-vocabulary.js";

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

export interface PlanWeights {
  /** Per unit and month a demand is delivered after its due month (× priority weight). Default 1. */
  lateness: number;
  /**
   * Per unit of a demand not delivered by the horizon end, on top of counting it late for every
   * month from its due month to the horizon end (× priority weight). Default 12: a unit never
   * delivered weighs as a year more of lateness.
   */
  shortfall: number;
  /** Per unit and month a consumer's stock is below a target's level from its `by` month on (× priority weight). Default 1. */
  gap: number;
  /** Per unit and month a consumer's stock is below a target's level before its `by` month (× priority weight); smaller, so stock builds early. Default 0.1. */
  earlyGap: number;
  /**
   * A unit of a consumer's usage that its stock cannot cover counts, for every month from then to
   * the horizon end, as this many units of gap (of all targets on that stock). Must be above 1 so
   * that holding stock back while usage goes unmet never pays. Default 2.
   */
  unmetUsage: number;
  /** Priority p weighs priorityBase^(1 − p): priority 1 weighs 1, priority 2 1/priorityBase, … Default 4. */
  priorityBase: number;
  /**
   * Cost is a tie-breaker: the cost weight is chosen so that the cost of the whole chain of one
   * unit of the most expensive item is costShare × the smallest service weight per unit-month.
   * Below 1, cost never beats service. Default 0.01.
   */
  costShare: number;
  /**
   * Per month that one demanded unit's worth of an item waits in the pool, as a share of the
   * smallest service weight per unit-month. A small preference for producing just in time: it
   * makes the plan's timing unique and the LP several times faster to solve. Holding a unit for
   * 1 / holding months (20 by default) weighs as much as one unit-month of the least service, so
   * it can only make the plan deliver late instead of producing further ahead than that. Default 0.05.
   */
  holding: number;
}

export const defaultPlanWeights: Readonly<PlanWeights> = Object.freeze({
  lateness: 1,
  shortfall: 12,
  gap: 1,
  earlyGap: 0.1,
  unmetUsage: 2,
  priorityBase: 4,
  costShare: 0.01,
  holding: 0.05,
});

export interface PlanOptions {
  weights?: Partial<PlanWeights>;
  /** Among demands of one item and priority: "due-date" (earlier due month first; default) or "pro-rata" (in proportion to quantity). */
  ties?: TieRule;
  /** The orders that decide between supply options of equal cost and between targets of one priority (ids decide last). */
  tieOrder?: Partial<TieOrder>;
  /**
   * false plans without the tie rule: no tie terms, no objective scaling, no re-allocation; the
   * solver's pivoting then picks among the optima. Only for measuring what the rule costs (the
   * plan bench). Default true.
   */
  breakTies?: boolean;
  /** Include stocks[] (pool and consumer stock per item and period) in the result; it is large. Default false. */
  stocks?: boolean;
  /** Bottlenecks listed, highest value first. Default 10. */
  bottlenecks?: number;
  /** The top bottlenecks re-solved with more capacity to show the gain. Default 3. */
  resolveTop?: number;
  /** Relative capacity increase of that re-solve. Default 0.1 (+10%). */
  capacityIncrease?: number;
  /**
   * A re-solve that cannot start from the plan's optimal basis (the backend keeps none, as
   * HiGHS-WASM and GLPK do) costs as much as planning the cluster again, so it runs only when the
   * cluster's LP has at most this many non-zeros. Warm-started re-solves (CBC) always run.
   * Default 1,000,000.
   */
  resolveMaxNonzeros?: number;
  /**
   * Independent clusters smaller than this (estimated variables) are packed together into one LP
   * to save solver start-up time; a larger cluster is solved alone. Default 20,000.
   */
  batchVariables?: number;
  /** Seconds each solve may take. Default: no limit. */
  timeLimit?: number;
  /**
   * The solvers' dual feasibility tolerance. The cost tie-breaker makes objective terms as small as
   * 1e-8 per unit (costShare × the smallest service weight, spread over a whole chain's cost), below
   * the solvers' default of 1e-7, where CLP and HiGHS would treat them as zero: the plan's cost would
   * not be minimised exactly, and CLP needs more iterations (measured on `medium`: 91,406 at 1e-7,
   * 84,327 at 1e-9, and a lower objective). Default 1e-9.
   */
  dualTolerance?: number;
  /** Bottleneck re-solves run at once (a native solver runs each in its own process). Default 2. */
  parallelSolves?: number;
  /** Quantities below this are reported as zero; comparisons (fully used, met) use it relative to the size. Default 1e-6. */
  tolerance?: number;
}

export interface ResolvedPlanOptions {
  weights: PlanWeights;
  ties: TieRule;
  tieOrder: TieOrder;
  breakTies: boolean;
  stocks: boolean;
  bottlenecks: number;
  resolveTop: number;
  capacityIncrease: number;
  resolveMaxNonzeros: number;
  batchVariables: number;
  timeLimit: number | undefined;
  dualTolerance: number;
  parallelSolves: number;
  tolerance: number;
}

export function resolvePlanOptions(options: PlanOptions = {}): ResolvedPlanOptions {
  checkPlanOptions(options);
  const weights: PlanWeights = { ...defaultPlanWeights };
  for (const [key, value] of Object.entries(options.weights ?? {})) if (value !== undefined) weights[key as keyof PlanWeights] = value;
  return {
    weights,
    ties: options.ties ?? "due-date",
    breakTies: options.breakTies ?? true,
    tieOrder: {
      supplies: options.tieOrder?.supplies ?? [...defaultTieOrder.supplies],
      targets: options.tieOrder?.targets ?? [...defaultTieOrder.targets],
    },
    stocks: options.stocks ?? false,
    bottlenecks: options.bottlenecks ?? 10,
    resolveTop: options.resolveTop ?? 3,
    capacityIncrease: options.capacityIncrease ?? 0.1,
    resolveMaxNonzeros: options.resolveMaxNonzeros ?? 1_000_000,
    batchVariables: options.batchVariables ?? 20_000,
    timeLimit: options.timeLimit,
    dualTolerance: options.dualTolerance ?? 1e-9,
    parallelSolves: Math.max(1, options.parallelSolves ?? 2),
    tolerance: options.tolerance ?? 1e-6,
  };
}

/** The weight of priority p (1 is highest). */
export function priorityWeight(weights: Pick<PlanWeights, "priorityBase">, priority: number): number {
  return Math.pow(weights.priorityBase, 1 - priority);
}

/**
 * What the planner takes from its caller besides data and options: a clock (milliseconds, for the
 * timings in the result). Core reads no clock of its own; without one, timings are 0.
 */
export interface PlanContext {
  clock?: () => number;
}

export function planClock(context: PlanContext | undefined): () => number {
  return context?.clock ?? (() => 0);
}

/**
 * The stated tie rule (docs/planning.md, "One dataset, one answer"). The planning LP has many
 * optima: demands of one item and priority cost the same per unit-month late, supply options of
 * equal cost are interchangeable, and so are targets of one priority. Left alone, the solver's
 * pivoting decides who waits. Two mechanisms make the plan the same on every backend:
 *
 * 1. Inside a tie class (the demands of one item and one priority) the deliveries are
 *    re-allocated exactly after each solve (reallocateDemands): the class's deliveries per month
 *    stay as the solver found them, and so does the objective (lateness is linear: a unit
 *    delivered in month t costs the same whichever demand of the class receives it).
 * 2. Between choices no re-allocation can decide (equal-cost supply options, targets of one
 *    priority, demands of different items sharing a part), the objective carries tie terms far
 *    below any service or cost difference and above the solvers' tolerance (tieTerms).
 */
import { blocOf } from "../risk/blocs.js";
import type { PlanNetwork } from "./network.js";
import type { ResolvedPlanOptions, SupplyTieKey, TargetTieKey } from "./options.js";

/** Relative size of the largest tie term against the weight it perturbs, over the whole horizon. */
export const TIE_SHARE = 1e-3;
/** Relative difference in holding weight between an end item and the deepest raw material. */
export const HOLDING_TILT = 1e-5;

export interface TieTerms {
  /** Multiplier (≥ 1, at most 1 + TIE_SHARE / periods) of each demand's lateness and shortfall weight: higher is served first. */
  demandFactor: Float64Array;
  /** Multiplier of each target's gap weights: higher is filled first. */
  targetFactor: Float64Array;
  /** Objective weight added per unit produced by each supply option: lower is used first among options of equal cost. */
  supplyTerm: Float64Array;
  /**
   * Objective weight per unit and month held in each consumer stock. Consumer stock otherwise costs
   * nothing to hold, so any production ahead of need would be optimal; with it, stock above what
   * the targets need is made as late as it can be, and goes first to the stock ranked first.
   */
  pairTerm: Float64Array;
  /** The smallest difference the demand and target factors make per unit-month. */
  rankStep: number;
  /**
   * Multiplier of each item's holding weight: 1 + HOLDING_TILT × (1 − BOM depth / (deepest + 1)).
   * The holding weight is per demanded unit's worth, so without it holding an input or the item
   * made from it would cost exactly the same, and when to make the item would be a free choice.
   * With it, items closer to the end item cost slightly more to hold: inputs wait, assembly is as late as it can be.
   */
  holdingFactor: Float64Array;
  /** The smallest relative difference between two holding factors. */
  holdingStep: number;
}

const blocRank: Record<string, number> = { eu: 0, nato: 1, partner: 2, other: 3, concern: 4 };

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rank 0 … n-1 of each member within its group, by a comparison; ties in `compare` must not occur (ids end every order). */
function ranksWithin(
  groups: Iterable<number[]>,
  compare: (a: number, b: number) => number,
  size: number,
): { rank: Float64Array; count: Float64Array } {
  const rank = new Float64Array(size);
  const count = new Float64Array(size);
  for (const members of groups) {
    const sorted = [...members].sort(compare);
    sorted.forEach((m, r) => {
      rank[m] = r;
      count[m] = sorted.length;
    });
  }
  return { rank, count };
}

function groupBy(n: number, key: (k: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const g = key(k);
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [k]);
    else list.push(k);
  }
  return [...groups.values()];
}

/** No tie terms: every factor 1, every term 0 (the plan without the tie rule). */
export function neutralTieTerms(net: PlanNetwork): TieTerms {
  return {
    demandFactor: new Float64Array(net.demandItem.length).fill(1),
    targetFactor: new Float64Array(net.targetItem.length).fill(1),
    supplyTerm: new Float64Array(net.supplies.length),
    pairTerm: new Float64Array(net.pairs.length),
    rankStep: 0,
    holdingFactor: new Float64Array(net.items.length).fill(1),
    holdingStep: 0,
  };
}

/**
 * The tie terms of a model. `unit` is the smallest service weight per unit-month: every term is a
 * fraction TIE_SHARE / periods of it or of the weight it perturbs, so no tie term can outweigh one
 * unit-month of service over the whole horizon.
 */
export function tieTerms(net: PlanNetwork, options: ResolvedPlanOptions, unit: number, costWeight: number): TieTerms {
  const T = net.periods;
  const step = TIE_SHARE / T;
  const demands = net.dataset.demands;
  const D = demands.length;

  // Demands: per priority and cluster (only demands that share parts can compete), earlier due month first, then id.
  const demandGroups = groupBy(D, (d) => `${net.demandPriority[d]}|${net.cluster[net.demandItem[d]!]}`);
  const dueFirst = options.ties === "due-date";
  const demandRanks = ranksWithin(
    demandGroups,
    (a, b) => (dueFirst ? net.demandDue[a]! - net.demandDue[b]! : 0) || byId(demands[a]!.id, demands[b]!.id),
    D,
  );
  const demandFactor = new Float64Array(D);
  for (let d = 0; d < D; d++) demandFactor[d] = 1 + (step * (demandRanks.count[d]! - 1 - demandRanks.rank[d]!)) / demandRanks.count[d]!;

  // Targets: per item and priority, in the configured order, then id.
  const targets = net.dataset.targets;
  const G = targets.length;
  const targetKeys: Record<TargetTieKey, (a: number, b: number) => number> = {
    by: (a, b) => net.targetBy[a]! - net.targetBy[b]!,
    level: (a, b) => targets[b]!.level - targets[a]!.level,
    id: (a, b) => byId(targets[a]!.id, targets[b]!.id),
  };
  const targetOrder = [...options.tieOrder.targets, "id" as const].map((k) => targetKeys[k]);
  const targetRanks = ranksWithin(
    groupBy(G, (j) => `${net.targetPriority[j]}|${net.targetItem[j]}`),
    (a, b) => {
      for (const c of targetOrder) {
        const r = c(a, b);
        if (r !== 0) return r;
      }
      return 0;
    },
    G,
  );
  const targetFactor = new Float64Array(G);
  for (let j = 0; j < G; j++) targetFactor[j] = 1 + (step * (targetRanks.count[j]! - 1 - targetRanks.rank[j]!)) / targetRanks.count[j]!;

  // Supply options: per item and unit cost, in the configured order, then id.
  const supplies = net.supplies;
  const S = supplies.length;
  const countryOf = (s: number): string => net.sites.get(supplies[s]!.site)?.country ?? "";
  const supplyKeys: Record<SupplyTieKey, (a: number, b: number) => number> = {
    bloc: (a, b) => blocRank[blocOf(net.countries.get(countryOf(a)))]! - blocRank[blocOf(net.countries.get(countryOf(b)))]!,
    "lead-time": (a, b) => net.leadTime[a]! - net.leadTime[b]!,
    id: (a, b) => byId(supplies[a]!.id, supplies[b]!.id),
  };
  const supplyOrder = [...options.tieOrder.supplies, "id" as const].map((k) => supplyKeys[k]);
  const supplyGroups = groupBy(S, (s) => `${net.supplyItem[s]}|${supplies[s]!.unitCost}`);
  const supplyRanks = ranksWithin(
    supplyGroups,
    (a, b) => {
      for (const c of supplyOrder) {
        const r = c(a, b);
        if (r !== 0) return r;
      }
      return 0;
    },
    S,
  );
  // Below the smallest cost difference between options of the item, so cost still decides first.
  const supplyTerm = new Float64Array(S);
  for (let i = 0; i < net.items.length; i++) {
    const options_ = net.suppliesOf[i]!;
    if (options_.length < 2) continue;
    const costs = [...new Set(options_.map((s) => supplies[s]!.unitCost))].sort((a, b) => a - b);
    let gap = Infinity;
    for (let k = 1; k < costs.length; k++) gap = Math.min(gap, (costs[k]! - costs[k - 1]!) * costWeight);
    const span = Math.min(unit * step, gap * 0.1);
    for (const s of options_) supplyTerm[s] = (span * supplyRanks.rank[s]!) / Math.max(1, supplyRanks.count[s]! - 1);
  }

  // Consumer stocks of one item: in the order of their first target.
  const K = net.pairs.length;
  const pairRank = ranksWithin(
    groupBy(K, (k) => String(net.pairs[k]!.item)),
    (a, b) => {
      const first = (k: number): number =>
        net.pairs[k]!.targets.reduce((m, j) => Math.min(m, targetRanks.rank[j]! + net.targetPriority[j]! * G), Infinity);
      return first(a) - first(b) || byId(net.pairs[a]!.consumer, net.pairs[b]!.consumer);
    },
    K,
  );
  const pairTerm = new Float64Array(K);
  // A tier below the supply terms (over a whole horizon of holding), so the two never cancel out.
  for (let k = 0; k < K; k++) pairTerm[k] = (unit * step * (1 + pairRank.rank[k]! / pairRank.count[k]!)) / (4 * T);

  // The smallest step between two ranks of demands or targets, per unit-month of the least service.
  let most = 1;
  for (let d = 0; d < D; d++) most = Math.max(most, demandRanks.count[d]!);
  for (let j = 0; j < G; j++) most = Math.max(most, targetRanks.count[j]!);
  // BOM depth: 0 for items no BOM line uses, else one below the deepest parent (the order has parents first).
  const n = net.items.length;
  const depth = new Int32Array(n);
  let deepest = 0;
  for (let k = 0; k < n; k++) {
    const p = net.order[k]!;
    for (let e = net.children.start[p]!; e < net.children.start[p + 1]!; e++) {
      const c = net.children.target[e]!;
      if (depth[c]! < depth[p]! + 1) depth[c] = depth[p]! + 1;
      if (depth[c]! > deepest) deepest = depth[c]!;
    }
  }
  const holdingFactor = new Float64Array(n);
  for (let i = 0; i < n; i++) holdingFactor[i] = 1 + HOLDING_TILT * (1 - depth[i]! / (deepest + 1));

  return {
    demandFactor,
    targetFactor,
    supplyTerm,
    pairTerm,
    rankStep: (unit * step) / most,
    holdingFactor,
    holdingStep: HOLDING_TILT / (deepest + 1),
  };
}

/** What the smallest term of the objective is lifted to: a thousand times the planner's default dual tolerance (1e-9). */
export const SMALLEST_TERM = 1e-6;
/** The scale stays below this, so the largest service terms stay far from where double precision and the solvers lose digits. */
export const MAX_SCALE = 1e6;

/**
 * The factor on every objective coefficient that lifts the smallest meaningful term (a cost
 * difference between options of one item, a holding weight, a tie term) to SMALLEST_TERM. The
 * plan is the same at any scale; the solvers' tolerances are absolute, so unscaled they would
 * treat these terms as zero and stop at any of the equal vertices.
 */
export function objectiveScaleOf(net: PlanNetwork, ties: TieTerms, costWeight: number, holdingWeight: number, unit: number): number {
  let smallest = unit > 0 ? unit : Infinity;
  const consider = (v: number): void => {
    if (v > 0 && v < smallest) smallest = v;
  };
  for (const v of ties.supplyTerm) consider(v);
  for (const v of ties.pairTerm) consider(v);
  consider(ties.rankStep);
  for (let i = 0; i < net.items.length; i++) if (net.needed[i] === 1) consider(holdingWeight * net.holdingScale[i]! * ties.holdingStep);
  for (let i = 0; i < net.items.length; i++) {
    const costs = [...new Set(net.suppliesOf[i]!.map((s) => net.supplies[s]!.unitCost))].sort((a, b) => a - b);
    for (let k = 0; k < costs.length; k++) consider((k === 0 ? costs[0]! : costs[k]! - costs[k - 1]!) * costWeight);
  }
  if (!Number.isFinite(smallest)) return 1;
  return Math.min(MAX_SCALE, Math.max(1, SMALLEST_TERM / smallest));
}

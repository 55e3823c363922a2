/**
 * Builds the planning LP (docs/planning.md has the equations) from an indexed network: one LP
 * per group of independent clusters, with index maps from (entity, period) to the group-local
 * variable so results and duals can be read back without names.
 */
import { LpModel, type LpSize } from "../lp/model.js";
import { writeLp } from "../lp/write.js";
import type { Dataset } from "../model/schema.js";
import { indexNetwork, type PlanNetwork } from "./network.js";
import {
  R_CONSUMER_BALANCE,
  R_DEMAND,
  R_GAP,
  R_POOL_BALANCE,
  V_CONSUMER_STOCK,
  V_DELIVERY,
  V_GAP,
  V_POOL,
  V_PRODUCTION,
  V_SHORT,
  V_STOCK_DELIVERY,
  V_UNMET_USAGE,
  planNameLegend,
  planPrefixes,
} from "./names.js";
import { planClock, resolvePlanOptions, type PlanContext, type PlanOptions, type ResolvedPlanOptions } from "./options.js";
import { tieClasses } from "./tie-allocation.js";
import { neutralTieTerms, objectiveScaleOf, tieTerms, type TieTerms } from "./ties.js";

/** Independent clusters solved as one LP. */
export interface PlanGroup {
  index: number;
  clusters: number[];
  items: number[];
  model: LpModel;
  /** Each variable's objective coefficient without the tie terms and unscaled: what the reported objective sums. */
  baseCost: Float64Array;
}

export interface PlanModel {
  network: PlanNetwork;
  options: ResolvedPlanOptions;
  /** Weight of one euro of production cost in the objective (see PlanWeights.costShare). */
  costWeight: number;
  /** Weight of holding one demanded unit's worth of an item in the pool for a month (see PlanWeights.holding). */
  holdingWeight: number;
  groups: PlanGroup[];
  /** Group of each item; -1 if the item is not modelled. */
  itemGroup: Int32Array;
  /** Group-local variable index by [entity * periods + t] (or [entity] for sVar); -1 if there is none. */
  xVar: Int32Array;
  pVar: Int32Array;
  dVar: Int32Array;
  sVar: Int32Array;
  yVar: Int32Array;
  cVar: Int32Array;
  uVar: Int32Array;
  gVar: Int32Array;
  /** Group-local row index of the pool balance of [item * periods + t]; -1 if there is none. */
  bRow: Int32Array;
  /** Whether consumer stock k is in the LP (its item can be supplied and a target has a level above 0). */
  pairModelled: Uint8Array;
  /**
   * Factor on every objective coefficient of the LP (ties.ts, objectiveScale): it lifts the
   * smallest cost, holding and tie terms above the solvers' tolerance. The LP text and the
   * solvers see the scaled objective; objective, duals and reduced costs are read back divided by it.
   */
  objectiveScale: number;
  /** The tie terms in the objective (ties.ts) and the tie classes re-allocated after each solve (tie-allocation.ts). */
  ties: TieTerms;
  tieClasses: number[][];
  buildMs: number;
}

export function planModelSize(model: PlanModel): LpSize {
  const size = { variables: 0, constraints: 0, nonzeros: 0 };
  for (const g of model.groups) {
    const s = g.model.size();
    size.variables += s.variables;
    size.constraints += s.constraints;
    size.nonzeros += s.nonzeros;
  }
  return size;
}

/** The whole model as CPLEX LP text: what --export-lp writes and what the solvers solve, group by group. */
export function planModelToLp(model: PlanModel): string {
  const d = model.network.dataset;
  return writeLp(
    model.groups.map((g) => g.model),
    {
      comments: [
        `Paraat plan model of dataset ${d.name}: ${d.horizon.periods} monthly periods from ${d.horizon.start}`,
        `${model.network.clusterCount} independent clusters in ${model.groups.length} blocks; names (index = position in the dataset's lists, t = period from 0):`,
        ...planNameLegend.map((l) => `  ${l}`),
      ],
    },
  );
}

export function buildPlanModel(dataset: Dataset, options: PlanOptions = {}, context?: PlanContext): PlanModel {
  const clock = planClock(context);
  const started = clock();
  const resolved = resolvePlanOptions(options);
  const w = resolved.weights;
  const net = indexNetwork(dataset, w);
  const T = net.periods;
  const I = net.items.length;
  const S = net.supplies.length;
  const D = net.demandItem.length;
  const K = net.pairs.length;
  const G = net.targetItem.length;

  const pairModelled = new Uint8Array(K);
  for (const pair of net.pairs) if (pair.gapRate > 0 && net.needed[pair.item] === 1) pairModelled[pair.index] = 1;

  const minService = minServiceWeight(net, resolved);
  const costWeight = computeCostWeight(net, resolved, minService);
  // Per unit-month of one demanded unit's worth of an item in the pool (net.holdingScale converts to the item's units).
  const holdingWeight = w.holding * minService;
  const ties = resolved.breakTies ? tieTerms(net, resolved, minService, costWeight) : neutralTieTerms(net);
  const objectiveScale = resolved.breakTies ? objectiveScaleOf(net, ties, costWeight, holdingWeight, minService) : 1;
  const groupOfCluster = packClusters(net, pairModelled, resolved.batchVariables);
  const groupCount = groupOfCluster.reduce((m, g) => Math.max(m, g + 1), 0);
  const groups: PlanGroup[] = [];
  for (let g = 0; g < groupCount; g++)
    groups.push({ index: g, clusters: [], items: [], model: new LpModel(planPrefixes), baseCost: new Float64Array(0) });
  groupOfCluster.forEach((g, c) => groups[g]!.clusters.push(c));
  const itemGroup = new Int32Array(I).fill(-1);
  for (const i of net.canonicalOrder) {
    const c = net.cluster[i]!;
    if (c < 0) continue;
    const g = groupOfCluster[c]!;
    itemGroup[i] = g;
    groups[g]!.items.push(i);
  }

  const maps = {
    xVar: new Int32Array(S * T).fill(-1),
    pVar: new Int32Array(I * T).fill(-1),
    dVar: new Int32Array(D * T).fill(-1),
    sVar: new Int32Array(D).fill(-1),
    yVar: new Int32Array(K * T).fill(-1),
    cVar: new Int32Array(K * T).fill(-1),
    uVar: new Int32Array(K * T).fill(-1),
    gVar: new Int32Array(G * T).fill(-1),
    bRow: new Int32Array(I * T).fill(-1),
  };

  for (const group of groups) {
    addVariables(net, group, maps, pairModelled, costWeight, holdingWeight, resolved, ties, objectiveScale);
    addRows(net, group, maps, pairModelled, itemGroup);
  }

  return {
    network: net,
    options: resolved,
    costWeight,
    holdingWeight,
    groups,
    itemGroup,
    ...maps,
    pairModelled,
    objectiveScale,
    ties,
    tieClasses: resolved.breakTies ? tieClasses({ network: net }) : [],
    buildMs: clock() - started,
  };
}

/** The smallest weight one unit-month of service can have: the lowest priority weight times the smallest positive service rate. */
function minServiceWeight(net: PlanNetwork, options: ResolvedPlanOptions): number {
  const w = options.weights;
  let minPriorityWeight = Infinity;
  for (const x of net.demandWeight) minPriorityWeight = Math.min(minPriorityWeight, x);
  for (const x of net.targetWeight) minPriorityWeight = Math.min(minPriorityWeight, x);
  if (minPriorityWeight === Infinity) return 0;
  return Math.min(...[w.lateness, w.gap, w.earlyGap].filter((r) => r > 0)) * minPriorityWeight;
}

/** So that the chain cost of one unit of the most expensive item is costShare × the smallest service weight. */
function computeCostWeight(net: PlanNetwork, options: ResolvedPlanOptions, minService: number): number {
  if (net.maxChainCost <= 0) return 0;
  return (options.weights.costShare * minService) / net.maxChainCost;
}

/** Estimated variables per cluster; small clusters share a group up to batchVariables. */
function packClusters(net: PlanNetwork, pairModelled: Uint8Array, batchVariables: number): number[] {
  const T = net.periods;
  const estimate = new Float64Array(net.clusterCount);
  for (let i = 0; i < net.items.length; i++) {
    const c = net.cluster[i]!;
    if (c < 0) continue;
    let v = Math.max(0, net.latest[i]! + 1 - net.earliest[i]!);
    for (const s of net.suppliesOf[i]!)
      if (net.supplyFirst[s]! < T) v += Math.max(0, net.latest[i]! + 1 - net.leadTime[s]! - net.supplyStart[s]!);
    v += net.demandsOf[i]!.length * (T + 1);
    for (const k of net.pairsOf[i]!) if (pairModelled[k] === 1) v += T * (3 + net.pairs[k]!.targets.length);
    estimate[c] = estimate[c]! + v;
  }
  const groupOf: number[] = [];
  let group = -1;
  let filled = Infinity;
  for (let c = 0; c < net.clusterCount; c++) {
    const e = estimate[c]!;
    if (filled + e > batchVariables) {
      group++;
      filled = 0;
    }
    groupOf.push(group);
    filled += e;
  }
  return groupOf;
}

type Maps = Omit<
  PlanModel,
  | "network"
  | "options"
  | "costWeight"
  | "holdingWeight"
  | "groups"
  | "itemGroup"
  | "pairModelled"
  | "objectiveScale"
  | "ties"
  | "tieClasses"
  | "buildMs"
>;

function addVariables(
  net: PlanNetwork,
  group: PlanGroup,
  m: Maps,
  pairModelled: Uint8Array,
  costWeight: number,
  holdingWeight: number,
  options: ResolvedPlanOptions,
  ties: TieTerms,
  scale: number,
): void {
  const w = options.weights;
  const T = net.periods;
  const model = group.model;
  const base: number[] = [];
  // `cost` is the objective weight, `withTies` the same with its tie term; the LP gets the latter, scaled.
  const lp = {
    addVariable: (kind: number, a: number, b: number, lower: number, upper: number, cost: number, withTies = cost): number => {
      base.push(cost);
      return model.addVariable(kind, a, b, lower, upper, withTies * scale);
    },
  };
  for (const i of group.items) {
    const ea = net.earliest[i]!;
    const latest = net.latest[i]!;
    const hold = holdingWeight * net.holdingScale[i]!;
    const tilted = hold * ties.holdingFactor[i]!;
    for (let t = ea; t <= latest; t++) m.pVar[i * T + t] = lp.addVariable(V_POOL, i, t, 0, Infinity, hold, tilted);
    for (const s of net.suppliesOf[i]!) {
      if (net.supplyFirst[s]! >= T) continue;
      const cost = costWeight * net.supplies[s]!.unitCost;
      const ranked = cost + ties.supplyTerm[s]!;
      // Production whose output would arrive after the last month it is of use is left out.
      const last = latest - net.leadTime[s]!;
      for (let t = net.supplyStart[s]!; t <= last; t++) {
        const cap = net.capacity[s * T + t]!;
        if (cap > 0) m.xVar[s * T + t] = lp.addVariable(V_PRODUCTION, s, t, 0, cap, cost, ranked);
      }
    }
    for (const d of net.demandsOf[i]!) {
      const due = net.demandDue[d]!;
      const pw = net.demandWeight[d]!;
      const f = ties.demandFactor[d]!;
      for (let t = Math.max(due, ea); t < T; t++) {
        const late = pw * w.lateness * (t - due);
        m.dVar[d * T + t] = lp.addVariable(V_DELIVERY, d, t, 0, Infinity, late, late * f);
      }
      // A unit never delivered counts late until the horizon end, plus the shortfall weight.
      const short = pw * (w.shortfall + w.lateness * (T - due));
      m.sVar[d] = lp.addVariable(V_SHORT, d, -1, 0, Infinity, short, short * f);
    }
    for (const k of net.pairsOf[i]!) {
      if (pairModelled[k] === 0) continue;
      const pair = net.pairs[k]!;
      for (let t = 0; t < T; t++) {
        m.cVar[k * T + t] = lp.addVariable(V_CONSUMER_STOCK, k, t, 0, Infinity, 0, ties.pairTerm[k]);
        if (t >= ea) m.yVar[k * T + t] = lp.addVariable(V_STOCK_DELIVERY, k, t, 0, Infinity, 0);
        if (pair.usage > 0) m.uVar[k * T + t] = lp.addVariable(V_UNMET_USAGE, k, t, 0, pair.usage, w.unmetUsage * pair.gapRate * (T - t));
      }
      for (const j of pair.targets) {
        if (net.dataset.targets[j]!.level <= 0) continue;
        const pw = net.targetWeight[j]!;
        const f = ties.targetFactor[j]!;
        const by = net.targetBy[j]!;
        for (let t = 0; t < T; t++) {
          const gap = pw * (t >= by ? w.gap : w.earlyGap);
          m.gVar[j * T + t] = lp.addVariable(V_GAP, j, t, 0, Infinity, gap, gap * f);
        }
      }
    }
  }
  group.baseCost = Float64Array.from(base);
}

function addRows(net: PlanNetwork, group: PlanGroup, m: Maps, pairModelled: Uint8Array, itemGroup: Int32Array): void {
  const T = net.periods;
  const lp = group.model;
  // Each item's parents by id, so terms come in the same order whatever the order of the BOM rows.
  const parentLines = new Map<number, { parent: number; qty: number }[]>();
  for (const i of group.items) {
    const up = net.parents;
    const lines: { parent: number; qty: number }[] = [];
    for (let e = up.start[i]!; e < up.start[i + 1]!; e++) lines.push({ parent: up.target[e]!, qty: up.qty[e]! });
    lines.sort((a, b) => {
      const x = net.items[a.parent]!.id;
      const y = net.items[b.parent]!.id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    parentLines.set(i, lines);
  }
  for (const i of group.items) {
    const ea = net.earliest[i]!;
    // Pool balance: stock(t) − stock(t−1) − arrivals + use by parents + deliveries = opening stock (first period only).
    for (let t = ea; t <= net.latest[i]!; t++) {
      lp.addTerm(m.pVar[i * T + t]!, 1);
      if (t > ea) lp.addTerm(m.pVar[i * T + t - 1]!, -1);
      for (const s of net.suppliesOf[i]!) {
        const start = t - net.leadTime[s]!;
        if (start >= 0 && m.xVar[s * T + start]! >= 0) lp.addTerm(m.xVar[s * T + start]!, -1);
      }
      for (const { parent, qty } of parentLines.get(i)!) {
        if (itemGroup[parent] !== group.index) continue;
        for (const s of net.suppliesOf[parent]!) {
          const x = m.xVar[s * T + t]!;
          if (x >= 0) lp.addTerm(x, qty);
        }
      }
      for (const d of net.demandsOf[i]!) if (m.dVar[d * T + t]! >= 0) lp.addTerm(m.dVar[d * T + t]!, 1);
      for (const k of net.pairsOf[i]!) if (m.yVar[k * T + t]! >= 0) lp.addTerm(m.yVar[k * T + t]!, 1);
      m.bRow[i * T + t] = lp.endRow(R_POOL_BALANCE, i, t, "=", t === ea ? net.pool[i]! : 0);
    }
    for (const d of net.demandsOf[i]!) {
      for (let t = 0; t < T; t++) if (m.dVar[d * T + t]! >= 0) lp.addTerm(m.dVar[d * T + t]!, 1);
      lp.addTerm(m.sVar[d]!, 1);
      lp.endRow(R_DEMAND, d, -1, "=", net.dataset.demands[d]!.qty);
    }
    for (const k of net.pairsOf[i]!) {
      if (pairModelled[k] === 0) continue;
      const pair = net.pairs[k]!;
      // Consumer stock: stock(t) = stock(t−1) + delivered − usage + usage it cannot cover.
      for (let t = 0; t < T; t++) {
        lp.addTerm(m.cVar[k * T + t]!, 1);
        if (t > 0) lp.addTerm(m.cVar[k * T + t - 1]!, -1);
        if (m.yVar[k * T + t]! >= 0) lp.addTerm(m.yVar[k * T + t]!, -1);
        if (m.uVar[k * T + t]! >= 0) lp.addTerm(m.uVar[k * T + t]!, -1);
        lp.endRow(R_CONSUMER_BALANCE, k, t, "=", (t === 0 ? pair.holding : 0) - pair.usage);
      }
      for (const j of pair.targets) {
        const level = net.dataset.targets[j]!.level;
        if (level <= 0) continue;
        for (let t = 0; t < T; t++) {
          lp.addTerm(m.gVar[j * T + t]!, 1);
          lp.addTerm(m.cVar[k * T + t]!, 1);
          lp.endRow(R_GAP, j, t, ">=", level);
        }
      }
    }
  }
}

/**
 * The dataset indexed for planning: the earliest and latest month each item is of use, what the
 * demands and targets need, and the independent clusters. Everything here is linear in the size
 * of the dataset.
 */
import { ParaatError } from "../errors.js";
import { periodOf } from "../month.js";
import { POOL, type Consumer, type Dataset, type Supply } from "../model/schema.js";
import { buildSupplyNetwork, type SupplyNetwork } from "../network/network.js";
import type { Adjacency } from "../network/types.js";
import { priorityWeight, type PlanWeights } from "./options.js";

/** A consumer's stock of one item: what its targets measure. Several targets on the same pair share it. */
export interface ConsumerStock {
  index: number;
  consumer: string;
  item: number;
  /** Opening stock: the stocks held by this consumer of this item. */
  holding: number;
  /** Usage per period: the largest usagePerPeriod among its targets (they describe one consumption). */
  usage: number;
  targets: number[];
  /** Sum over its targets (level > 0) of priority weight × the larger gap weight: the most one unit of stock saves per month. */
  gapRate: number;
}

/**
 * The dataset's one index (network/network.ts) extended with what the planner needs per period:
 * lead times, opening pool stock, the earliest and latest useful period of each item, what the
 * demands and targets need, their weights, and the independent clusters.
 */
export interface PlanNetwork extends SupplyNetwork {
  leadTime: Int32Array;
  /** Opening pool stock per item. */
  pool: Float64Array;
  /** First period in which any of the item can be in the pool; `periods` means never within the horizon. */
  earliest: Int32Array;
  /** First period in which supply s may produce (all children can exist); `periods` if never. */
  supplyStart: Int32Array;
  /** First period with capacity at or after supplyStart whose output arrives within the horizon; `periods` if none (inactive). */
  supplyFirst: Int32Array;
  demandItem: Int32Array;
  /** Due period of each demand. */
  demandDue: Int32Array;
  demandPriority: Int32Array;
  demandWeight: Float64Array;
  targetItem: Int32Array;
  targetBy: Int32Array;
  targetPriority: Int32Array;
  targetWeight: Float64Array;
  targetPair: Int32Array;
  pairs: ConsumerStock[];
  pairsOf: number[][];
  demandsOf: number[][];
  /** Items the demands and targets need (through active supply options); 1 = modelled. */
  needed: Uint8Array;
  /**
   * Last period in which a unit of the item in the pool can still be of use (delivered, or used
   * by a parent whose output arrives in time); -1 if not needed. Production and stock after it are
   * left out of the model.
   */
  latest: Int32Array;
  /**
   * 1 / (most units of the item that one unit of a demanded or targeted item needs, over all BOM
   * paths): converts a weight per demanded unit's worth into a weight per unit of the item, so a
   * kilogram and a shell are weighed alike. 0 for items not modelled.
   */
  holdingScale: Float64Array;
  /** Independent cluster of each modelled item; -1 if not modelled. */
  cluster: Int32Array;
  clusterCount: number;
  /** Cost of the whole chain of one unit of each item (the dearest option at every level). */
  chainCost: Float64Array;
  /** The largest chainCost. */
  maxChainCost: number;
  consumers: Map<string, Consumer>;
  /**
   * Item numbers by id. The LP is built in this order, with each item's supply options, demands,
   * consumer stocks and targets by id too, so the same dataset with its rows in another order
   * gives the same LP (and the same solver path, duals included).
   */
  canonicalOrder: Int32Array;
}

function invalid(message: string, details?: unknown): ParaatError {
  return new ParaatError(
    "VALIDATION_FAILED",
    `The dataset is not valid for planning: ${message}`,
    details === undefined ? {} : { details },
  );
}

export function isActiveSupply(net: PlanNetwork, s: number): boolean {
  return net.supplyFirst[s]! < net.periods;
}

export function indexNetwork(dataset: Dataset, weights: PlanWeights): PlanNetwork {
  const T = dataset.horizon.periods;
  if (!Number.isInteger(T) || T < 1)
    throw new ParaatError("INVALID_ARGUMENT", `The planning horizon is empty (${T} periods); it needs at least one month.`);
  const horizon = dataset.horizon;
  const base = buildSupplyNetwork(dataset);
  const { items, itemIndex, children, suppliesOf, capacity, supplies } = base;
  const itemOf = (id: string, where: string): number => {
    const i = itemIndex.get(id);
    if (i === undefined) throw invalid(`${where} refers to unknown item ${JSON.stringify(id)}`);
    return i;
  };
  const n = items.length;
  const S = supplies.length;
  const leadTime = Int32Array.from(supplies, (s) => s.leadTime);

  const pool = new Float64Array(n);
  for (const st of dataset.stocks) if (st.holder === POOL) pool[itemOf(st.item, `stock ${st.item}/${st.holder}`)]! += st.qty;

  // The index orders parents first; the planner mostly walks children first.
  const order = base.order.slice().reverse();

  // Earliest availability, children first.
  const earliest = new Int32Array(n).fill(T);
  const supplyStart = new Int32Array(S).fill(T);
  const supplyFirst = new Int32Array(S).fill(T);
  for (const i of order) {
    let ea = pool[i]! > 0 ? 0 : T;
    for (const s of suppliesOf[i]!) {
      let start = 0;
      for (let e = children.start[i]!; e < children.start[i + 1]!; e++) start = Math.max(start, earliest[children.target[e]!]!);
      if (start >= T) continue;
      supplyStart[s] = start;
      const lastStart = T - 1 - leadTime[s]!;
      for (let t = start; t <= lastStart; t++) {
        if (capacity[s * T + t]! > 0) {
          supplyFirst[s] = t;
          ea = Math.min(ea, t + leadTime[s]!);
          break;
        }
      }
    }
    earliest[i] = ea;
  }

  const consumers = new Map(dataset.consumers.map((c) => [c.id, c]));
  const consumerOf = (id: string, where: string): Consumer => {
    const c = consumers.get(id);
    if (c === undefined) throw invalid(`${where} refers to unknown consumer ${JSON.stringify(id)}`);
    return c;
  };
  const inHorizon = (month: string, where: string): number => {
    const t = periodOf(horizon, month);
    if (t < 0 || t >= T) throw invalid(`${where}: month ${month} is outside the planning horizon`);
    return t;
  };

  const D = dataset.demands.length;
  const demandItem = new Int32Array(D);
  const demandDue = new Int32Array(D);
  const demandPriority = new Int32Array(D);
  const demandWeight = new Float64Array(D);
  const demandsOf: number[][] = items.map(() => []);
  dataset.demands.forEach((d, k) => {
    const i = itemOf(d.item, `demand ${d.id}`);
    demandItem[k] = i;
    demandDue[k] = inHorizon(d.due, `demand ${d.id}`);
    const p = d.priority ?? consumerOf(d.consumer, `demand ${d.id}`).priority;
    demandPriority[k] = p;
    demandWeight[k] = priorityWeight(weights, p);
    demandsOf[i]!.push(k);
  });

  const G = dataset.targets.length;
  const targetItem = new Int32Array(G);
  const targetBy = new Int32Array(G);
  const targetPriority = new Int32Array(G);
  const targetWeight = new Float64Array(G);
  const targetPair = new Int32Array(G);
  const pairs: ConsumerStock[] = [];
  const pairKey = new Map<string, number>();
  const pairsOf: number[][] = items.map(() => []);
  dataset.targets.forEach((g, k) => {
    const i = itemOf(g.item, `target ${g.id}`);
    const c = consumerOf(g.consumer, `target ${g.id}`);
    targetItem[k] = i;
    targetBy[k] = inHorizon(g.by, `target ${g.id}`);
    targetPriority[k] = c.priority;
    targetWeight[k] = priorityWeight(weights, c.priority);
    // Item and consumer ids cannot contain "=", so this key is unambiguous.
    const key = `${g.consumer}=${g.item}`;
    let pi = pairKey.get(key);
    if (pi === undefined) {
      pi = pairs.length;
      pairKey.set(key, pi);
      pairs.push({ index: pi, consumer: g.consumer, item: i, holding: 0, usage: 0, targets: [], gapRate: 0 });
      pairsOf[i]!.push(pi);
    }
    const pair = pairs[pi]!;
    targetPair[k] = pi;
    pair.targets.push(k);
    pair.usage = Math.max(pair.usage, g.usagePerPeriod ?? 0);
    if (g.level > 0) pair.gapRate += targetWeight[k] * Math.max(weights.gap, weights.earlyGap);
  });
  for (const st of dataset.stocks) {
    if (st.holder === POOL) continue;
    const pi = pairKey.get(`${st.holder}=${st.item}`);
    if (pi !== undefined) pairs[pi]!.holding += st.qty;
  }

  // What the demands and targets need, through supply options that can produce.
  const needed = new Uint8Array(n);
  const stack: number[] = [];
  const need = (i: number): void => {
    if (needed[i] === 0 && earliest[i]! < T) {
      needed[i] = 1;
      stack.push(i);
    }
  };
  for (let k = 0; k < D; k++) need(demandItem[k]!);
  for (const pair of pairs) if (pair.gapRate > 0) need(pair.item);
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const s of suppliesOf[i]!)
      if (supplyFirst[s]! < T) for (let e = children.start[i]!; e < children.start[i + 1]!; e++) need(children.target[e]!);
  }

  // Latest useful period, parents first (the reverse of the children-first order).
  const latest = new Int32Array(n).fill(-1);
  for (let k = 0; k < D; k++) if (needed[demandItem[k]!] === 1) latest[demandItem[k]!] = T - 1;
  for (const pair of pairs) if (pair.gapRate > 0 && needed[pair.item] === 1) latest[pair.item] = T - 1;
  for (let k = n - 1; k >= 0; k--) {
    const p = order[k]!;
    if (needed[p] === 0 || latest[p]! < 0) continue;
    for (const s of suppliesOf[p]!) {
      if (supplyFirst[s]! >= T) continue;
      const lastUse = latest[p]! - leadTime[s]!;
      for (let e = children.start[p]!; e < children.start[p + 1]!; e++) {
        const c = children.target[e]!;
        latest[c] = Math.max(latest[c]!, lastUse);
      }
    }
  }

  // Units per demanded unit, parents first.
  const perDemanded = new Float64Array(n);
  for (let k = 0; k < D; k++) if (needed[demandItem[k]!] === 1) perDemanded[demandItem[k]!] = 1;
  for (const pair of pairs) if (pair.gapRate > 0 && needed[pair.item] === 1) perDemanded[pair.item] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const p = order[k]!;
    if (needed[p] === 0 || perDemanded[p] === 0) continue;
    if (!suppliesOf[p]!.some((s) => supplyFirst[s]! < T)) continue;
    for (let e = children.start[p]!; e < children.start[p + 1]!; e++) {
      const c = children.target[e]!;
      perDemanded[c] = Math.max(perDemanded[c]!, perDemanded[p]! * children.qty[e]!);
    }
  }
  const holdingScale = perDemanded.map((m) => (m > 0 ? 1 / m : 0));

  const chainCost = chainCosts(order, suppliesOf, children, supplies);
  // Lists by id (see canonicalOrder).
  const byId =
    <T extends { id: string }>(rows: readonly T[]) =>
    (a: number, b: number) =>
      rows[a]!.id < rows[b]!.id ? -1 : rows[a]!.id > rows[b]!.id ? 1 : 0;
  const canonicalOrder = Int32Array.from(items.keys()).sort(byId(items));
  const sortedSupplies = suppliesOf.map((list) => [...list].sort(byId(supplies)));
  for (const list of demandsOf) list.sort(byId(dataset.demands));
  for (const list of pairsOf)
    list.sort((a, b) => (pairs[a]!.consumer < pairs[b]!.consumer ? -1 : pairs[a]!.consumer > pairs[b]!.consumer ? 1 : 0));
  for (const pair of pairs) pair.targets.sort(byId(dataset.targets));
  const { cluster, count } = clustersOf(needed, suppliesOf, children, supplyFirst, T, canonicalOrder);

  return {
    ...base,
    suppliesOf: sortedSupplies,
    canonicalOrder,
    periods: T,
    leadTime,
    pool,
    earliest,
    supplyStart,
    supplyFirst,
    demandItem,
    demandDue,
    demandPriority,
    demandWeight,
    targetItem,
    targetBy,
    targetPriority,
    targetWeight,
    targetPair,
    pairs,
    pairsOf,
    demandsOf,
    needed,
    latest,
    holdingScale,
    cluster,
    clusterCount: count,
    chainCost,
    maxChainCost: chainCost.reduce((m, c) => Math.max(m, c), 0),
    consumers,
  };
}

/** Connected components of the modelled items over BOM links of active supply options (union-find). */
function clustersOf(
  needed: Uint8Array,
  suppliesOf: readonly (readonly number[])[],
  children: Adjacency,
  supplyFirst: Int32Array,
  T: number,
  canonicalOrder: Int32Array,
): { cluster: Int32Array; count: number } {
  const n = needed.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (let i = 0; i < n; i++) {
    if (needed[i] === 0) continue;
    if (!suppliesOf[i]!.some((s) => supplyFirst[s]! < T)) continue;
    for (let e = children.start[i]!; e < children.start[i + 1]!; e++) {
      const a = find(i);
      const b = find(children.target[e]!);
      if (a !== b) parent[a] = b;
    }
  }
  const cluster = new Int32Array(n).fill(-1);
  const idOfRoot = new Int32Array(n).fill(-1);
  let count = 0;
  // Numbered in id order, so clusters (and the groups packed from them) do not depend on row order.
  for (const i of canonicalOrder) {
    if (needed[i] === 0) continue;
    const r = find(i);
    if (idOfRoot[r] === -1) idOfRoot[r] = count++;
    cluster[i] = idOfRoot[r]!;
  }
  return { cluster, count };
}

function chainCosts(
  order: Int32Array,
  suppliesOf: readonly (readonly number[])[],
  children: Adjacency,
  supplies: readonly Supply[],
): Float64Array {
  const chain = new Float64Array(order.length);
  for (const i of order) {
    let below = 0;
    for (let e = children.start[i]!; e < children.start[i + 1]!; e++) below += children.qty[e]! * chain[children.target[e]!]!;
    let c = 0;
    for (const s of suppliesOf[i]!) c = Math.max(c, supplies[s]!.unitCost + below);
    chain[i] = c;
  }
  return chain;
}

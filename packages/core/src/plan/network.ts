/**
 * The dataset indexed for planning: integer indices instead of ids, capacity per period, BOM
 * edges both ways, the earliest month each item can exist, what the demands and targets need,
 * and the independent clusters. Everything here is linear in the size of the dataset.
 */
import { ParaatError } from "../errors.js";
import { monthToIndex, periodOf } from "../month.js";
import { POOL, type Company, type Consumer, type Country, type Dataset, type Item, type Site, type Supply } from "../model/schema.js";
import { priorityWeight, type PlanWeights } from "./options.js";

export interface BomEdge {
  /** The other item of the BOM line (the child in children[], the parent in parents[]). */
  item: number;
  qty: number;
}

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

export interface PlanNetwork {
  dataset: Dataset;
  periods: number;
  items: Item[];
  itemIndex: Map<string, number>;
  supplies: Supply[];
  supplyItem: Int32Array;
  leadTime: Int32Array;
  /** capacity[s * periods + t]: capacity of supply s in force in period t. */
  capacity: Float64Array;
  suppliesOf: number[][];
  children: BomEdge[][];
  parents: BomEdge[][];
  /** Opening pool stock per item. */
  pool: Float64Array;
  /** Items with every child before its parents. */
  order: Int32Array;
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
  sites: Map<string, Site>;
  companies: Map<string, Company>;
  countries: Map<string, Country>;
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
  const items = dataset.items;
  const itemIndex = new Map<string, number>();
  items.forEach((it, i) => itemIndex.set(it.id, i));
  const itemOf = (id: string, where: string): number => {
    const i = itemIndex.get(id);
    if (i === undefined) throw invalid(`${where} refers to unknown item ${JSON.stringify(id)}`);
    return i;
  };
  const n = items.length;

  const children: BomEdge[][] = items.map(() => []);
  const parents: BomEdge[][] = items.map(() => []);
  for (const line of dataset.bom) {
    const p = itemOf(line.parent, `BOM line ${line.parent}/${line.child}`);
    const c = itemOf(line.child, `BOM line ${line.parent}/${line.child}`);
    children[p]!.push({ item: c, qty: line.qty });
    parents[c]!.push({ item: p, qty: line.qty });
  }

  const supplies = dataset.supply;
  const S = supplies.length;
  const supplyItem = new Int32Array(S);
  const leadTime = new Int32Array(S);
  const capacity = new Float64Array(S * T);
  const suppliesOf: number[][] = items.map(() => []);
  const start0 = monthToIndex(horizon.start);
  supplies.forEach((s, k) => {
    const i = itemOf(s.item, `supply ${s.id}`);
    supplyItem[k] = i;
    leadTime[k] = s.leadTime;
    suppliesOf[i]!.push(k);
    // Each step holds from its month until the next step; none before the first.
    for (let j = 0; j < s.capacity.length; j++) {
      const step = s.capacity[j]!;
      const next = s.capacity[j + 1];
      const from = Math.max(0, monthToIndex(step.from) - start0);
      const to = Math.min(T, next === undefined ? T : monthToIndex(next.from) - start0);
      for (let t = from; t < to; t++) capacity[k * T + t] = step.perPeriod;
    }
  });

  const pool = new Float64Array(n);
  for (const st of dataset.stocks) if (st.holder === POOL) pool[itemOf(st.item, `stock ${st.item}/${st.holder}`)]! += st.qty;

  const order = topologicalOrder(children, parents, items);

  // Earliest availability, children first.
  const earliest = new Int32Array(n).fill(T);
  const supplyStart = new Int32Array(S).fill(T);
  const supplyFirst = new Int32Array(S).fill(T);
  for (const i of order) {
    let ea = pool[i]! > 0 ? 0 : T;
    for (const s of suppliesOf[i]!) {
      let start = 0;
      for (const e of children[i]!) start = Math.max(start, earliest[e.item]!);
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
    for (const s of suppliesOf[i]!) if (supplyFirst[s]! < T) for (const e of children[i]!) need(e.item);
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
      for (const e of children[p]!) latest[e.item] = Math.max(latest[e.item]!, lastUse);
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
    for (const e of children[p]!) perDemanded[e.item] = Math.max(perDemanded[e.item]!, perDemanded[p]! * e.qty);
  }
  const holdingScale = perDemanded.map((m) => (m > 0 ? 1 / m : 0));

  const chainCost = chainCosts(order, suppliesOf, children, supplies);
  const { cluster, count } = clustersOf(needed, suppliesOf, children, supplyFirst, T);

  return {
    dataset,
    periods: T,
    items,
    itemIndex,
    supplies,
    supplyItem,
    leadTime,
    capacity,
    suppliesOf,
    children,
    parents,
    pool,
    order,
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
    sites: new Map(dataset.sites.map((s) => [s.id, s])),
    companies: new Map(dataset.companies.map((c) => [c.id, c])),
    countries: new Map(dataset.countries.map((c) => [c.code, c])),
  };
}

/** Kahn's algorithm, children first; a cycle (which validation rejects) is an error here too. */
function topologicalOrder(children: BomEdge[][], parents: BomEdge[][], items: Item[]): Int32Array {
  const n = children.length;
  const remaining = new Int32Array(n);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    remaining[i] = children[i]!.length;
    if (remaining[i] === 0) order[tail++] = i;
  }
  while (head < tail) {
    const c = order[head++]!;
    for (const e of parents[c]!) if (--remaining[e.item]! === 0) order[tail++] = e.item;
  }
  if (tail < n) {
    const stuck = [...remaining.keys()].filter((i) => remaining[i]! > 0).map((i) => items[i]!.id);
    throw invalid(`the BOM has a cycle through ${stuck.slice(0, 5).join(", ")}`, { items: stuck });
  }
  return order;
}

/** Connected components of the modelled items over BOM links of active supply options (union-find). */
function clustersOf(
  needed: Uint8Array,
  suppliesOf: number[][],
  children: BomEdge[][],
  supplyFirst: Int32Array,
  T: number,
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
    for (const e of children[i]!) {
      const a = find(i);
      const b = find(e.item);
      if (a !== b) parent[a] = b;
    }
  }
  const cluster = new Int32Array(n).fill(-1);
  const idOfRoot = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (needed[i] === 0) continue;
    const r = find(i);
    if (idOfRoot[r] === -1) idOfRoot[r] = count++;
    cluster[i] = idOfRoot[r]!;
  }
  return { cluster, count };
}

function chainCosts(order: Int32Array, suppliesOf: number[][], children: BomEdge[][], supplies: Supply[]): Float64Array {
  const chain = new Float64Array(order.length);
  for (const i of order) {
    let below = 0;
    for (const e of children[i]!) below += e.qty * chain[e.item]!;
    let c = 0;
    for (const s of suppliesOf[i]!) c = Math.max(c, supplies[s]!.unitCost + below);
    chain[i] = c;
  }
  return chain;
}

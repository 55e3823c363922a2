/**
 * The one index of a dataset that every engine reads: items by number, the BOM as compressed
 * adjacency lists both ways, a topological order, supply options with their hosts and their
 * capacity per period of the horizon. Built in time linear in the dataset; the planner extends it
 * with its own period arrays (plan/network.ts).
 */
import { ParaatError } from "../errors.js";
import { monthToIndex } from "../month.js";
import type { Company, Country, Dataset, Item, Site, Supply } from "../model/schema.js";
import type { Adjacency, SupplyOption } from "./types.js";

export interface SupplyNetwork {
  readonly dataset: Dataset;
  /** Items in dataset order; item number i is `items[i]`. */
  readonly items: readonly Item[];
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Unit value of each item by item number (the same as items[i].unitValue, read without a property lookup). */
  readonly unitValue: Float64Array;
  /** Parent → child BOM lines by item number. */
  readonly children: Adjacency;
  /** Child → parent BOM lines by item number (qty is still units of child per unit of parent). */
  readonly parents: Adjacency;
  /** Item numbers, every parent before its children. */
  readonly order: Int32Array;
  /** Position of each item in `order`: a parent's rank is below its children's. */
  readonly rank: Int32Array;
  /** All supply options of each item (active or not), by item number. */
  readonly options: readonly (readonly SupplyOption[])[];
  readonly sites: ReadonlyMap<string, Site>;
  readonly companies: ReadonlyMap<string, Company>;
  readonly countries: ReadonlyMap<string, Country>;
  /** The dataset's supply options in dataset order; supply number s is `supplies[s]`. */
  readonly supplies: readonly Supply[];
  /** Item number of each supply option. */
  readonly supplyItem: Int32Array;
  /** Supply numbers of each item, in dataset order. */
  readonly suppliesOf: readonly (readonly number[])[];
  /** Periods of the horizon (0 if it is empty). */
  readonly periods: number;
  /** capacity[s * periods + t]: capacity per period of supply s in force in period t (0 before its first step). */
  readonly capacity: Float64Array;
}

function broken(message: string, details: unknown): ParaatError {
  return new ParaatError("VALIDATION_FAILED", `supply network: ${message}`, { details });
}

/** Edges from[k] → to[k] with quantity qty[k] as compressed adjacency lists, in input order per node. */
function buildAdjacency(n: number, from: Int32Array, to: Int32Array, qty: Float64Array): Adjacency {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const target = new Int32Array(from.length);
  const lineQty = new Float64Array(from.length);
  for (let k = 0; k < from.length; k++) {
    const at = fill[from[k]!]!++;
    target[at] = to[k]!;
    lineQty[at] = qty[k]!;
  }
  return { start, target, qty: lineQty };
}

/** Kahn's algorithm: parents before children; a cycle is a validation error. */
function topologicalOrder(n: number, children: Adjacency, parents: Adjacency, items: readonly Item[]): Int32Array {
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = parents.start[i + 1]! - parents.start[i]!;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  while (head < tail) {
    const p = order[head++]!;
    for (let e = children.start[p]!; e < children.start[p + 1]!; e++) {
      const c = children.target[e]!;
      if (--indegree[c]! === 0) order[tail++] = c;
    }
  }
  if (tail < n) {
    const inCycle = items.filter((_, i) => indegree[i]! > 0).map((it) => it.id);
    throw broken(`the BOM has a cycle through ${inCycle.slice(0, 5).join(", ")}`, { items: inCycle });
  }
  return order;
}

/**
 * Builds the network of a (validated) dataset in time linear in its size. Broken references and BOM
 * cycles throw VALIDATION_FAILED, so engines can rely on the index.
 */
export function buildSupplyNetwork(dataset: Dataset): SupplyNetwork {
  const items = dataset.items;
  const n = items.length;
  const itemIndex = new Map<string, number>();
  const unitValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    itemIndex.set(items[i]!.id, i);
    unitValue[i] = items[i]!.unitValue;
  }
  const countries = new Map(dataset.countries.map((c) => [c.code, c]));
  const companies = new Map(dataset.companies.map((c) => [c.id, c]));
  const sites = new Map(dataset.sites.map((s) => [s.id, s]));
  const find = (id: string, what: string, where: unknown): number => {
    const i = itemIndex.get(id);
    if (i === undefined) throw broken(`unknown ${what} ${JSON.stringify(id)}`, where);
    return i;
  };

  const m = dataset.bom.length;
  const parent = new Int32Array(m);
  const child = new Int32Array(m);
  const qty = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const b = dataset.bom[k]!;
    parent[k] = find(b.parent, "item", b);
    child[k] = find(b.child, "item", b);
    qty[k] = b.qty;
  }
  const children = buildAdjacency(n, parent, child, qty);
  const parents = buildAdjacency(n, child, parent, qty);
  const order = topologicalOrder(n, children, parents, items);
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;

  // Checked and counted first, so each item's list is allocated at its size.
  const supplies = dataset.supply;
  const itemOf = new Int32Array(supplies.length);
  const siteOf = new Array<Site>(supplies.length);
  const count = new Int32Array(n);
  for (let k = 0; k < supplies.length; k++) {
    const supply = supplies[k]!;
    const i = find(supply.item, "item", supply);
    const site = sites.get(supply.site);
    if (!site) throw broken(`unknown site ${JSON.stringify(supply.site)} in supply ${supply.id}`, supply);
    if (!companies.has(site.company)) throw broken(`unknown company ${JSON.stringify(site.company)} of site ${site.id}`, site);
    itemOf[k] = i;
    siteOf[k] = site;
    count[i]!++;
  }
  const periods = Math.max(0, dataset.horizon.periods);
  const capacity = unrollCapacity(supplies, dataset.horizon.start, periods);
  const options: SupplyOption[][] = Array.from(count, (c) => new Array<SupplyOption>(c));
  const suppliesOf: number[][] = Array.from(count, (c) => new Array<number>(c));
  count.fill(0);
  for (let k = 0; k < supplies.length; k++) {
    const site = siteOf[k]!;
    const i = itemOf[k]!;
    let total = 0;
    for (let t = k * periods; t < (k + 1) * periods; t++) total += capacity[t]!;
    suppliesOf[i]![count[i]!] = k;
    options[i]![count[i]!++] = {
      supply: supplies[k]!,
      site: site.id,
      company: site.company,
      country: site.country,
      averageCapacity: periods > 0 ? total / periods : 0,
    };
  }

  return {
    dataset,
    items,
    itemIndex,
    unitValue,
    children,
    parents,
    order,
    rank,
    options,
    sites,
    companies,
    countries,
    supplies,
    supplyItem: itemOf,
    suppliesOf,
    periods,
    capacity,
  };
}

/** Each capacity step holds from its month until the next step; none before the first. */
function unrollCapacity(supplies: readonly Supply[], start: string, periods: number): Float64Array {
  const capacity = new Float64Array(supplies.length * periods);
  const start0 = monthToIndex(start);
  const monthIndex = new Map<string, number>();
  const period = (month: string): number => {
    let m = monthIndex.get(month);
    if (m === undefined) monthIndex.set(month, (m = monthToIndex(month) - start0));
    return m;
  };
  for (let k = 0; k < supplies.length; k++) {
    const steps = supplies[k]!.capacity;
    for (let j = 0; j < steps.length; j++) {
      const next = steps[j + 1];
      const from = Math.max(0, period(steps[j]!.from));
      const to = Math.min(periods, next === undefined ? periods : period(next.from));
      capacity.fill(steps[j]!.perPeriod, k * periods + from, k * periods + Math.max(from, to));
    }
  }
  return capacity;
}

/** The item number of an id; NOT_FOUND when the dataset has no such item. */
export function itemNumber(net: SupplyNetwork, id: string): number {
  const i = net.itemIndex.get(id);
  if (i === undefined)
    throw new ParaatError("NOT_FOUND", `no item ${JSON.stringify(id)} in dataset ${net.dataset.name}`, { details: { item: id } });
  return i;
}

/** The neighbours of node i in adjacency lists (children or parents), for code off the hot paths. */
export function neighbours(adj: Adjacency, i: number): number[] {
  return Array.from(adj.target.subarray(adj.start[i], adj.start[i + 1]));
}

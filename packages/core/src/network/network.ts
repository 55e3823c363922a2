/**
 * The supply network of a dataset: a graphology graph for queries, and a dense index (items by
 * number, BOM as compressed adjacency lists, a topological order) that engines iterate in linear time.
 */
import { DirectedGraph } from "graphology";
import { ParaatError } from "../errors.js";
import type { Company, Country, Dataset, Item, Site } from "../model/schema.js";
import { averageCapacity } from "./capacity.js";
import type { Adjacency, NetworkEdge, NetworkNode, NodeKind, SupplyOption } from "./types.js";

export type SupplyGraph = DirectedGraph<NetworkNode, NetworkEdge>;

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
  /** The whole network as a graphology graph, built on first use (see nodeKey for node keys). */
  readonly graph: SupplyGraph;
}

/** The graph key of a node: kinds are prefixed so ids of different collections never collide. */
export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
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

function buildGraph(net: Omit<SupplyNetwork, "graph">): SupplyGraph {
  const g: SupplyGraph = new DirectedGraph<NetworkNode, NetworkEdge>();
  const add = (kind: NodeKind, id: string): string => {
    const key = nodeKey(kind, id);
    if (!g.hasNode(key)) g.addNode(key, { kind, id });
    return key;
  };
  // Repeated lines (e.g. an owner listed twice) add up instead of failing on a duplicate edge.
  const link = (from: string, to: string, attrs: NetworkEdge): void => {
    const edge = g.directedEdge(from, to);
    if (edge === undefined) g.addDirectedEdge(from, to, attrs);
    else
      g.updateEdgeAttributes(edge, (a) => ({
        ...a,
        ...(attrs.qty === undefined ? {} : { qty: (a.qty ?? 0) + attrs.qty }),
        ...(attrs.share === undefined ? {} : { share: (a.share ?? 0) + attrs.share }),
      }));
  };
  for (const c of net.countries.values()) add("country", c.code);
  for (const c of net.companies.values()) link(add("company", c.id), add("country", c.country), { kind: "registered-in" });
  for (const c of net.companies.values())
    for (const o of c.owners) {
      const owner = net.companies.has(o.owner) ? add("company", o.owner) : add("country", o.owner);
      link(nodeKey("company", c.id), owner, { kind: "owned-by", share: o.share });
    }
  for (const s of net.sites.values()) {
    const key = add("site", s.id);
    link(key, add("company", s.company), { kind: "operated-by" });
    link(key, add("country", s.country), { kind: "located-in" });
  }
  for (const it of net.items) add("item", it.id);
  net.items.forEach((it, i) => {
    for (let e = net.children.start[i]!; e < net.children.start[i + 1]!; e++)
      link(nodeKey("item", it.id), nodeKey("item", net.items[net.children.target[e]!]!.id), { kind: "bom", qty: net.children.qty[e]! });
    for (const o of net.options[i]!) {
      const key = add("supply", o.supply.id);
      link(nodeKey("item", it.id), key, { kind: "supplied-by" });
      link(key, nodeKey("site", o.site), { kind: "at" });
    }
  });
  return g;
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
  const options: SupplyOption[][] = Array.from(count, (c) => new Array<SupplyOption>(c));
  count.fill(0);
  for (let k = 0; k < supplies.length; k++) {
    const supply = supplies[k]!;
    const site = siteOf[k]!;
    const i = itemOf[k]!;
    options[i]![count[i]!++] = {
      supply,
      site: site.id,
      company: site.company,
      country: site.country,
      averageCapacity: averageCapacity(supply, dataset.horizon),
    };
  }

  const base = { dataset, items, itemIndex, unitValue, children, parents, order, rank, options, sites, companies, countries };
  let graph: SupplyGraph | undefined;
  return {
    ...base,
    get graph(): SupplyGraph {
      graph ??= buildGraph(base);
      return graph;
    },
  };
}

/** The active options of an item: those with capacity somewhere in the horizon. */
export function activeOptions(net: SupplyNetwork, item: number): SupplyOption[] {
  return net.options[item]!.filter((o) => o.averageCapacity > 0);
}

/** The item number of an id; NOT_FOUND when the dataset has no such item. */
export function itemNumber(net: SupplyNetwork, id: string): number {
  const i = net.itemIndex.get(id);
  if (i === undefined)
    throw new ParaatError("NOT_FOUND", `no item ${JSON.stringify(id)} in dataset ${net.dataset.name}`, { details: { item: id } });
  return i;
}

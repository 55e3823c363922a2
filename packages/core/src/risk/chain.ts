/**
 * An item's chain for the Network page: the BOM below it down to raw materials, who makes each
 * part where (supply option → site → company, and their countries), each country's bloc, and the
 * exposure and concentration figures of the risk analysis on every item. Pure: the services cache it.
 */
import type { Dataset, ItemKind } from "../model/schema.js";
import { buildSupplyNetwork, itemNumber } from "../network/network.js";
import { blocOf } from "./blocs.js";
import type { Bloc, ItemRisk, RiskResult } from "./types.js";

export const MAX_CHAIN_DEPTH = 50;

export type ChainNodeKind = "item" | "site" | "company" | "country";

export interface ChainNode {
  /** Unique in the chain: `<kind>:<ref>`. */
  id: string;
  kind: ChainNodeKind;
  /** The id in its collection (a country code for countries). */
  ref: string;
  label: string;
  /** Items: BOM levels below the requested item (0 for itself). */
  depth?: number;
  itemKind?: ItemKind;
  unit?: string;
  /** Items: the risk analysis's figures (exposure by country and bloc, HHI, single sourcing, stock cover). */
  risk?: Omit<ItemRisk, "id" | "name" | "kind" | "paths">;
  /** Sites, companies: the country they are in; countries: their own code. */
  country?: string;
  /** The bloc of that country, for colouring. */
  bloc?: Bloc;
}

export type ChainEdgeKind = "bom" | "supplied-by" | "operated-by" | "located-in" | "registered-in" | "sourced-from";

export interface ChainEdge {
  from: string;
  to: string;
  kind: ChainEdgeKind;
  /** bom: units of the child per unit of the parent. */
  qty?: number;
  /** supplied-by: the supply option, its lead time, its mean capacity per month over the horizon (0: inactive). */
  supply?: string;
  leadTime?: number;
  averageCapacity?: number;
  /** supplied-by: share of the item's active capacity; sourced-from: share of EU sourcing of the material. */
  share?: number;
}

export interface ItemChain {
  dataset: string;
  item: string;
  /** The depth limit applied. */
  depth: number;
  /** True when items below the depth limit were left out. */
  truncated: boolean;
  nodes: ChainNode[];
  edges: ChainEdge[];
}

const nodeId = (kind: ChainNodeKind, ref: string): string => `${kind}:${ref}`;

/** Builds the chain; pure apart from its inputs. */
export function itemChain(dataset: Dataset, risk: RiskResult, item: string, depth = MAX_CHAIN_DEPTH): ItemChain {
  const net = buildSupplyNetwork(dataset);
  const root = itemNumber(net, item);
  const riskById = new Map(risk.items.map((r) => [r.id, r]));
  const nodes = new Map<string, ChainNode>();
  const edges: ChainEdge[] = [];
  const country = (code: string): string => {
    const id = nodeId("country", code);
    if (!nodes.has(id)) {
      const c = net.countries.get(code);
      nodes.set(id, { id, kind: "country", ref: code, label: c?.name ?? code, country: code, bloc: blocOf(c) });
    }
    return id;
  };
  const company = (ref: string): string => {
    const id = nodeId("company", ref);
    if (!nodes.has(id)) {
      const c = net.companies.get(ref);
      const code = c?.country ?? "";
      nodes.set(id, { id, kind: "company", ref, label: c?.name ?? ref, country: code, bloc: blocOf(net.countries.get(code)) });
      if (c) edges.push({ from: id, to: country(c.country), kind: "registered-in" });
    }
    return id;
  };
  const site = (ref: string): string => {
    const id = nodeId("site", ref);
    if (!nodes.has(id)) {
      const s = net.sites.get(ref);
      const code = s?.country ?? "";
      nodes.set(id, { id, kind: "site", ref, label: s?.name ?? ref, country: code, bloc: blocOf(net.countries.get(code)) });
      if (s) {
        edges.push({ from: id, to: company(s.company), kind: "operated-by" });
        edges.push({ from: id, to: country(s.country), kind: "located-in" });
      }
    }
    return id;
  };
  const materials = new Map(dataset.materials.map((m) => [m.item, m]));

  // Breadth-first down the BOM, so each item's depth is its shortest distance from the root.
  const levels = new Map<number, number>([[root, 0]]);
  const queue = [root];
  let truncated = false;
  const { start, target, qty } = net.children;
  for (let k = 0; k < queue.length; k++) {
    const i = queue[k]!;
    const level = levels.get(i)!;
    const it = net.items[i]!;
    const id = nodeId("item", it.id);
    const r = riskById.get(it.id);
    const { id: _id, name: _name, kind: _kind, paths: _paths, ...figures } = r ?? ({} as ItemRisk);
    nodes.set(id, {
      id,
      kind: "item",
      ref: it.id,
      label: it.name,
      depth: level,
      itemKind: it.kind,
      unit: it.unit,
      ...(r ? { risk: figures } : {}),
    });

    const active = net.options[i]!.filter((o) => o.averageCapacity > 0);
    const total = active.reduce((s, o) => s + o.averageCapacity, 0);
    for (const o of net.options[i]!)
      edges.push({
        from: id,
        to: site(o.site),
        kind: "supplied-by",
        supply: o.supply.id,
        leadTime: o.supply.leadTime,
        averageCapacity: o.averageCapacity,
        share: total > 0 ? o.averageCapacity / total : 0,
      });
    const material = materials.get(it.id);
    if (active.length === 0 && material) {
      const stage = material.stages.find((s) => s.stage === "processing") ?? material.stages[0];
      for (const [code, share] of Object.entries(stage?.euSourcing ?? {}))
        if (share > 0) edges.push({ from: id, to: country(code), kind: "sourced-from", share });
    }

    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const c = target[e]!;
      if (level >= depth) {
        truncated = true;
        continue;
      }
      edges.push({ from: id, to: nodeId("item", net.items[c]!.id), kind: "bom", qty: qty[e]! });
      if (!levels.has(c)) {
        levels.set(c, level + 1);
        queue.push(c);
      }
    }
  }
  return { dataset: dataset.name, item, depth, truncated, nodes: [...nodes.values()], edges };
}

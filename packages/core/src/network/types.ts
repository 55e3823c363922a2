/** The vocabulary of the supply network: node and edge kinds, and a supply option with its hosts. */
import type { Supply } from "../model/schema.js";

export const nodeKinds = ["item", "supply", "site", "company", "country"] as const;
export type NodeKind = (typeof nodeKinds)[number];

/** The nodes whose loss takes supply options away: a production site, a company (all its sites), a country (all sites in it). */
export const hostKinds = ["site", "company", "country"] as const;
export type HostKind = (typeof hostKinds)[number];

/**
 * Edges point from what depends to what it depends on: parent item → child item (bom), item → its
 * supply options, supply → site, site → company and country, company → country, company → owner.
 */
export const edgeKinds = ["bom", "supplied-by", "at", "operated-by", "located-in", "registered-in", "owned-by"] as const;
export type EdgeKind = (typeof edgeKinds)[number];

export interface NetworkNode {
  kind: NodeKind;
  /** The id in its collection (a country code for countries and state owners). */
  id: string;
}

export interface NetworkEdge {
  kind: EdgeKind;
  /** Units of child per unit of parent (bom edges). */
  qty?: number;
  /** Ownership share 0…1 (owned-by edges). */
  share?: number;
}

/** A supply option resolved to where it is made, with its weight among the item's sources. */
export interface SupplyOption {
  supply: Supply;
  site: string;
  company: string;
  country: string;
  /** Mean capacity per period over the horizon; options with 0 are inactive. */
  averageCapacity: number;
}

/** Compressed adjacency lists: the neighbours of node i are `target[start[i]] … target[start[i + 1] - 1]`. */
export interface Adjacency {
  readonly start: Int32Array;
  readonly target: Int32Array;
  /** BOM quantity of each edge (units of child per unit of parent). */
  readonly qty: Float64Array;
}

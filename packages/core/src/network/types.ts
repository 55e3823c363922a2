/** The vocabulary of the supply network: host kinds, a supply option with its hosts, adjacency lists. */
import type { Supply } from "../model/schema.js";

/** The nodes whose loss takes supply options away: a production site, a company (all its sites), a country (all sites in it). */
export const hostKinds = ["site", "company", "country"] as const;
export type HostKind = (typeof hostKinds)[number];

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

/** A scenario's node (a site, a company or a country) as the set of sites it stands for. */
import type { Dataset } from "../model/schema.js";
import type { HostKind } from "../network/types.js";

/** A scenario names the same hosts as the risk engine. */
export type NodeKind = HostKind;

export interface ResolvedNode {
  kind: NodeKind;
  id: string;
  sites: Set<string>;
}

/** Looked up as a site id, then a company id (all its sites), then a country code (every site in it). */
export function resolveNode(d: Dataset, node: string): ResolvedNode | undefined {
  if (d.sites.some((s) => s.id === node)) return { kind: "site", id: node, sites: new Set([node]) };
  if (d.companies.some((c) => c.id === node))
    return { kind: "company", id: node, sites: new Set(d.sites.filter((s) => s.company === node).map((s) => s.id)) };
  if (d.countries.some((c) => c.code === node))
    return { kind: "country", id: node, sites: new Set(d.sites.filter((s) => s.country === node).map((s) => s.id)) };
  return undefined;
}

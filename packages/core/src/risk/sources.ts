/**
 * The direct sources of each item, shared by exposure, concentration and single points of failure:
 * its active supply options weighted by mean capacity over the horizon, or, for an item nobody in
 * the dataset makes but which has raw-material data, the EU sourcing shares of that material.
 */
import type { Material } from "../model/schema.js";
import { activeOptions, type SupplyNetwork } from "../network/network.js";
import type { HostKind, SupplyOption } from "../network/types.js";

export interface ItemSources {
  sourcing: "supply" | "material" | "none";
  /** Active options (empty unless sourcing is "supply"). */
  options: SupplyOption[];
  /** Share of the item's own origin per country (sums to 1 unless sourcing is "none"). */
  byCountry: Map<string, number>;
  /** Share per company; null when the companies are unknown (material data). */
  byCompany: Map<string, number> | null;
  /** Nodes hosting every active option: their loss leaves the item without supply. */
  hosts: { kind: HostKind; id: string }[];
}

function add(m: Map<string, number>, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}

/** The stage closest to the user: processing when given, else extraction. */
export function sourcingStage(material: Material): Material["stages"][number] | undefined {
  return material.stages.find((s) => s.stage === "processing") ?? material.stages[0];
}

function fromOptions(options: SupplyOption[]): ItemSources {
  const total = options.reduce((s, o) => s + o.averageCapacity, 0);
  const byCountry = new Map<string, number>();
  const byCompany = new Map<string, number>();
  for (const o of options) {
    add(byCountry, o.country, o.averageCapacity / total);
    add(byCompany, o.company, o.averageCapacity / total);
  }
  const hosts: ItemSources["hosts"] = [];
  const first = options[0]!;
  if (options.every((o) => o.site === first.site)) hosts.push({ kind: "site", id: first.site });
  if (byCompany.size === 1) hosts.push({ kind: "company", id: first.company });
  if (byCountry.size === 1) hosts.push({ kind: "country", id: first.country });
  return { sourcing: "supply", options, byCountry, byCompany, hosts };
}

function fromMaterial(material: Material): ItemSources | undefined {
  const stage = sourcingStage(material);
  if (!stage) return undefined;
  const entries = Object.entries(stage.euSourcing).filter(([, s]) => s > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total <= 0) return undefined;
  // Normalised, because validation allows the shares to miss 1 by up to 0.01.
  const byCountry = new Map(entries.map(([c, s]) => [c, s / total]));
  return { sourcing: "material", options: [], byCountry, byCompany: null, hosts: [] };
}

export function itemSources(net: SupplyNetwork): ItemSources[] {
  const materials = new Map(net.dataset.materials.map((m) => [m.item, m]));
  return net.items.map((item, i) => {
    const options = activeOptions(net, i);
    if (options.length > 0) return fromOptions(options);
    const material = materials.get(item.id);
    return (material && fromMaterial(material)) ?? { sourcing: "none", options: [], byCountry: new Map(), byCompany: null, hosts: [] };
  });
}

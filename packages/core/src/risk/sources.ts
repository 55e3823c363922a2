/**
 * The direct sources of each item, shared by exposure, concentration and single points of failure:
 * its active supply options weighted by mean capacity over the horizon, or, for an item nobody in
 * the dataset makes but which has raw-material data, the EU sourcing shares of that material.
 */
import type { Material } from "../model/schema.js";
import { hhi } from "./blocs.js";
import type { SupplyNetwork } from "../network/network.js";
import type { HostKind, SupplyOption } from "../network/types.js";

export interface ItemSources {
  sourcing: "supply" | "material" | "none";
  /** Active options (empty unless sourcing is "supply"). */
  options: readonly SupplyOption[];
  /** Share of the item's own origin per country (sums to 1 unless sourcing is "none"). */
  byCountry: Map<string, number>;
  /** HHI (0–10,000) of the shares per company; null when the companies are unknown (material data). */
  hhiCompany: number | null;
  /** Number of companies among the active options (0 when unknown). */
  companies: number;
  /** Nodes hosting every active option: their loss leaves the item without supply. */
  hosts: readonly Host[];
}

export interface Host {
  kind: HostKind;
  id: string;
}

function add(m: Map<string, number>, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}

/** The stage closest to the user: processing when given, else extraction. */
export function sourcingStage(material: Material): Material["stages"][number] | undefined {
  return material.stages.find((s) => s.stage === "processing") ?? material.stages[0];
}

/** One record per host, shared by the items it hosts (there are far fewer hosts than items). */
class Hosts {
  private readonly known = { site: new Map<string, Host>(), company: new Map<string, Host>(), country: new Map<string, Host>() };

  get(kind: HostKind, id: string): Host {
    const known = this.known[kind];
    let h = known.get(id);
    if (h === undefined) known.set(id, (h = { kind, id }));
    return h;
  }
}

function fromOptions(options: readonly SupplyOption[], hosts: Hosts): ItemSources {
  let total = 0;
  for (let k = 0; k < options.length; k++) total += options[k]!.averageCapacity;
  const byCountry = new Map<string, number>();
  // Per company only for its HHI and count, so the map is dropped straight away.
  const byCompany = new Map<string, number>();
  const first = options[0]!;
  let oneSite = true;
  for (let k = 0; k < options.length; k++) {
    const o = options[k]!;
    add(byCountry, o.country, o.averageCapacity / total);
    add(byCompany, o.company, o.averageCapacity / total);
    oneSite &&= o.site === first.site;
  }
  const common: Host[] = [];
  if (oneSite) common.push(hosts.get("site", first.site));
  if (byCompany.size === 1) common.push(hosts.get("company", first.company));
  if (byCountry.size === 1) common.push(hosts.get("country", first.country));
  return {
    sourcing: "supply",
    options,
    byCountry,
    hhiCompany: hhi(byCompany.values()),
    companies: byCompany.size,
    // Copied to its length: a list grown by push keeps room for 17.
    hosts: common.slice(),
  };
}

/** The active options of an item; its own list when all are active, which is the common case. */
function active(options: readonly SupplyOption[]): readonly SupplyOption[] {
  for (const o of options) if (!(o.averageCapacity > 0)) return options.filter((x) => x.averageCapacity > 0);
  return options;
}

function fromMaterial(material: Material): ItemSources | undefined {
  const stage = sourcingStage(material);
  if (!stage) return undefined;
  const entries = Object.entries(stage.euSourcing).filter(([, s]) => s > 0);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total <= 0) return undefined;
  // Normalised, because validation allows the shares to miss 1 by up to 0.01.
  const byCountry = new Map(entries.map(([c, s]) => [c, s / total]));
  return { sourcing: "material", options: [], byCountry, hhiCompany: null, companies: 0, hosts: [] };
}

export function itemSources(net: SupplyNetwork): ItemSources[] {
  const materials = new Map(net.dataset.materials.map((m) => [m.item, m]));
  const hosts = new Hosts();
  return net.items.map((item, i) => {
    const options = active(net.options[i]!);
    if (options.length > 0) return fromOptions(options, hosts);
    const material = materials.get(item.id);
    return (
      (material && fromMaterial(material)) ?? {
        sourcing: "none",
        options: [],
        byCountry: new Map(),
        hhiCompany: null,
        companies: 0,
        hosts: [],
      }
    );
  });
}

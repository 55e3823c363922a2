/**
 * Structural single points of failure (docs/risk.md, "Single points of failure"). Losing a site,
 * company or country removes exactly the supply options it hosts, so it leaves an item without any
 * supply only if it hosts all of that item's active options. Each item therefore names at most three
 * candidate nodes (its common site, company, country), found in O(options); the SPOFs of an end item
 * are the candidates of the items in its BOM tree. Total cost: the sum of the tree sizes — no
 * "remove a node and re-traverse" loop.
 */
import { BomWalker, type BomTree } from "../network/bom.js";
import type { SupplyNetwork } from "../network/network.js";
import { hostLabel } from "../words.js";
import type { Requirements } from "./requirement.js";
import type { ItemSources } from "./sources.js";
import { HostGroups, numberHosts, type HostNumbers } from "./spof-groups.js";
import { consequence } from "./spof-text.js";
import type { Spof } from "./types.js";

/** The BOM path from the tree's root to `item`; `position[i]` is i's place in `tree.items`. */
export function pathTo(tree: BomTree, position: Int32Array, item: number): number[] {
  const path: number[] = [];
  for (let at = item; at !== -1; at = tree.via[position[at]!]!) path.push(at);
  return path.reverse();
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Writes the SPOF records of one end item at a time (one call per end item, so it is compiled early). */
class SpofWriter {
  private readonly hosts: HostNumbers;
  /** "Losing <host label>" per host number. */
  private readonly losing: string[];
  private readonly ids: string[];
  private readonly names: string[];
  private readonly walker: BomWalker;
  private readonly groups: HostGroups;
  private readonly targetsOf = new Map<string, string[]>();

  constructor(
    net: SupplyNetwork,
    sources: readonly ItemSources[],
    req: Requirements,
    private readonly texts: boolean,
  ) {
    for (const t of net.dataset.targets) {
      const list = this.targetsOf.get(t.item);
      if (list) list.push(t.id);
      else this.targetsOf.set(t.item, [t.id]);
    }
    const hosts = (this.hosts = numberHosts(sources));
    this.losing = texts ? hosts.kind.map((kind, h) => `Losing ${hostLabel(net, kind, hosts.id[h]!)}`) : [];
    this.ids = net.items.map((it) => it.id);
    this.names = net.items.map((it) => it.name);
    this.walker = new BomWalker(net);
    this.groups = new HostGroups(hosts, req);
  }

  add(end: number, out: Spof[]): void {
    const { groups, walker, ids, names, hosts } = this;
    const count = groups.collect(walker, walker.walk(end), ids);
    if (count === 0) return;
    const endId = ids[end]!;
    const targets = this.targetsOf.get(endId) ?? [];
    let path: string[] = [];
    let stockMonths: number | null = null;
    let tail = "";
    for (let g = 0; g < count; g++) {
      const h = groups.host[g]!;
      const items = groups.ids[g]!;
      // A host taking away the same items as the previous one (an item's site, company and country)
      // has the same path, stock cover and words after its name.
      if (g > 0 && sameItems(items, groups.ids[g - 1]!)) path = path.slice();
      else {
        // Items come in breadth-first order, so the first is the closest to the end item.
        const first = groups.firstItems[3 * g]!;
        path = walker.path(first, ids);
        const cover = groups.cover[g]!;
        stockMonths = Number.isNaN(cover) ? null : cover;
        if (this.texts) tail = consequence(names[end]!, groups.firstNames(g, names), items.length, walker.path(first, names), stockMonths);
      }
      out.push({
        endItem: endId,
        node: hosts.id[h]!,
        nodeKind: hosts.kind[h]!,
        explanation: this.texts ? this.losing[h]! + tail : "",
        items,
        path,
        targets,
        stockMonths,
      });
    }
  }
}

export function structuralSpofs(
  net: SupplyNetwork,
  sources: readonly ItemSources[],
  req: Requirements,
  ends: readonly number[],
  texts = true,
): Spof[] {
  const writer = new SpofWriter(net, sources, req, texts);
  const out: Spof[] = [];
  for (const end of ends) writer.add(end, out);
  return out;
}

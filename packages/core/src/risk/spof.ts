/**
 * Structural single points of failure (docs/risk.md, "Single points of failure"). Losing a site,
 * company or country removes exactly the supply options it hosts, so it leaves an item without any
 * supply only if it hosts all of that item's active options. Each item therefore names at most three
 * candidate nodes (its common site, company, country), found in O(options); the SPOFs of an end item
 * are the candidates of the items in its BOM tree. Total cost: the sum of the tree sizes — no
 * "remove a node and re-traverse" loop.
 */
import { bomTree, type BomTree } from "../network/bom.js";
import type { SupplyNetwork } from "../network/network.js";
import type { HostKind } from "../network/types.js";
import { hostLabel, itemName, list, months } from "./describe.js";
import { stockMonths, type Requirements } from "./requirement.js";
import type { ItemSources } from "./sources.js";
import type { Spof } from "./types.js";

/** The BOM path from the tree's root to `item`; `position[i]` is i's place in `tree.items`. */
export function pathTo(tree: BomTree, position: Int32Array, item: number): number[] {
  const path: number[] = [];
  for (let at = item; at !== -1; at = tree.via[position[at]!]!) path.push(at);
  return path.reverse();
}

function leastCover(req: Requirements, items: number[]): number | null {
  let least: number | null = null;
  for (const i of items) {
    const m = stockMonths(req, i);
    if (m !== null && (least === null || m < least)) least = m;
  }
  return least;
}

function explain(net: SupplyNetwork, end: number, label: string, items: number[], path: number[], cover: number | null): string {
  const names = items.map((i) => itemName(net, i));
  const chain = path.map((i) => itemName(net, i)).join(" ← ");
  const stock =
    cover === null
      ? ""
      : cover === 0
        ? " No pool stock covers the gap."
        : ` Pool stock covers ${months(cover)}${items.length > 1 ? " at the least" : ""}.`;
  return `Losing ${label} leaves ${list(names)} without any supply${path.length > 1 ? `; ${itemName(net, end)} needs ${names[0]!} via ${chain}` : ""}.${stock}`;
}

export function structuralSpofs(
  net: SupplyNetwork,
  sources: readonly ItemSources[],
  req: Requirements,
  ends: readonly number[],
  texts = true,
): Spof[] {
  const targetsOf = new Map<string, string[]>();
  for (const t of net.dataset.targets) {
    const list = targetsOf.get(t.item);
    if (list) list.push(t.id);
    else targetsOf.set(t.item, [t.id]);
  }
  // Number the candidate hosts once, so grouping per tree is array work rather than string keys.
  const hosts: { kind: HostKind; id: string }[] = [];
  const hostNumber = new Map<string, number>();
  const hostsOf: Int32Array[] = sources.map((s) =>
    Int32Array.from(s.hosts, (h) => {
      const key = `${h.kind}:${h.id}`;
      let k = hostNumber.get(key);
      if (k === undefined) {
        k = hosts.length;
        hosts.push(h);
        hostNumber.set(key, k);
      }
      return k;
    }),
  );
  const labels = hosts.map((h) => hostLabel(net, h.kind, h.id));
  const seen = new Int32Array(net.items.length).fill(-1);
  const position = new Int32Array(net.items.length);
  const groupOf = new Int32Array(hosts.length).fill(-1);
  const out: Spof[] = [];
  ends.forEach((end, stamp) => {
    const tree = bomTree(net, end, { seen, stamp });
    const groups: { host: number; items: number[] }[] = [];
    for (const j of tree.items)
      for (const h of hostsOf[j]!) {
        const g = groupOf[h]!;
        if (g >= 0) groups[g]!.items.push(j);
        else {
          groupOf[h] = groups.length;
          groups.push({ host: h, items: [j] });
        }
      }
    if (groups.length === 0) return;
    tree.items.forEach((it, k) => (position[it] = k));
    const endId = net.items[end]!.id;
    const targets = targetsOf.get(endId) ?? [];
    for (const g of groups) {
      groupOf[g.host] = -1;
      const { kind, id } = hosts[g.host]!;
      // Items come in breadth-first order, so the first is the closest to the end item.
      const path = pathTo(tree, position, g.items[0]!);
      const cover = leastCover(req, g.items);
      out.push({
        endItem: endId,
        node: id,
        nodeKind: kind,
        explanation: texts ? explain(net, end, labels[g.host]!, g.items, path, cover) : "",
        items: g.items.map((i) => net.items[i]!.id),
        path: path.map((i) => net.items[i]!.id),
        targets,
        stockMonths: cover,
      });
    }
  });
  return out;
}

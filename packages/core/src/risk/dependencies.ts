/**
 * Which raw materials with supply-risk data each end item depends on, how much per unit, and
 * through which parts: a walk of each end item's BOM tree, exploded only when it holds a material.
 */
import { bomTree, explodeTree } from "../network/bom.js";
import type { SupplyNetwork } from "../network/network.js";
import { pathTo } from "./spof.js";
import type { MaterialDependency, MaterialRisk } from "./types.js";

export function materialDependencies(
  net: SupplyNetwork,
  materials: readonly MaterialRisk[],
  ends: readonly number[],
): MaterialDependency[] {
  const risk = new Map<number, MaterialRisk>();
  for (const m of materials) {
    const i = net.itemIndex.get(m.item);
    if (i !== undefined) risk.set(i, m);
  }
  if (risk.size === 0) return [];
  const seen = new Int32Array(net.items.length).fill(-1);
  const out: MaterialDependency[] = [];
  const position = new Int32Array(net.items.length);
  const { start, target } = net.children;
  ends.forEach((end, stamp) => {
    const tree = bomTree(net, end, { seen, stamp });
    // The parts of this tree that use each material directly: one pass over the tree's BOM lines.
    const users = new Map<number, string[]>();
    for (const p of tree.items)
      for (let e = start[p]!; e < start[p + 1]!; e++) {
        const c = target[e]!;
        if (!risk.has(c)) continue;
        const list = users.get(c);
        if (list) list.push(net.items[p]!.id);
        else users.set(c, [net.items[p]!.id]);
      }
    if (users.size === 0) return;
    const need = explodeTree(net, tree);
    tree.items.forEach((it, k) => (position[it] = k));
    for (const m of tree.items) {
      const via = users.get(m);
      if (via === undefined) continue;
      const path = pathTo(tree, position, m);
      const r = risk.get(m)!;
      out.push({
        endItem: net.items[end]!.id,
        material: r.item,
        critical: r.critical,
        supplyRisk: r.supplyRisk,
        qtyPerUnit: need.get(m) ?? 0,
        via,
        path: path.map((i) => net.items[i]!.id),
      });
    }
  });
  return out;
}

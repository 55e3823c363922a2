/** BOM traversal on the dense index: trees, explosion, end items, independent clusters. */
import { ParaatError } from "../errors.js";
import { itemNumber, type SupplyNetwork } from "./network.js";

/**
 * The items an item needs, itself included, in breadth-first order; `via[k]` is the parent through
 * which `items[k]` was first reached (-1 for the root), so a shortest BOM path can be read back.
 */
export interface BomTree {
  root: number;
  items: Int32Array;
  via: Int32Array;
}

/**
 * Breadth-first walk of the BOM below `root`. `seen` is reusable scratch space (one slot per item)
 * so that walking many trees costs only their sizes; pass a fresh `stamp` each call.
 */
export function bomTree(net: SupplyNetwork, root: number, scratch?: { seen: Int32Array; stamp: number }): BomTree {
  const seen = scratch?.seen ?? new Int32Array(net.items.length).fill(-1);
  const stamp = scratch?.stamp ?? 0;
  const items: number[] = [root];
  const via: number[] = [-1];
  seen[root] = stamp;
  const { start, target } = net.children;
  for (let k = 0; k < items.length; k++) {
    const p = items[k]!;
    for (let e = start[p]!; e < start[p + 1]!; e++) {
      const c = target[e]!;
      if (seen[c] === stamp) continue;
      seen[c] = stamp;
      items.push(c);
      via.push(p);
    }
  }
  return { root, items: Int32Array.from(items), via: Int32Array.from(via) };
}

/**
 * bomTree without allocating per tree, for engines that walk the trees of many roots: the walk of the
 * last root is in `items[0 … size)` and `via[0 … size)` (as in BomTree), and `position[i]` is the place of
 * item i in it (valid for the items of that walk only).
 */
export class BomWalker {
  readonly items: Int32Array;
  readonly via: Int32Array;
  readonly position: Int32Array;
  size = 0;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly net: SupplyNetwork) {
    const n = net.items.length;
    this.items = new Int32Array(n);
    this.via = new Int32Array(n);
    this.position = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  /** Breadth-first walk of the BOM below `root`; returns the number of items reached. */
  walk(root: number): number {
    const { items, via, position, seen } = this;
    const { start, target } = this.net.children;
    const stamp = ++this.stamp;
    items[0] = root;
    via[0] = -1;
    position[root] = 0;
    seen[root] = stamp;
    let size = 1;
    for (let k = 0; k < size; k++) {
      const p = items[k]!;
      for (let e = start[p]!; e < start[p + 1]!; e++) {
        const c = target[e]!;
        if (seen[c] === stamp) continue;
        seen[c] = stamp;
        position[c] = size;
        items[size] = c;
        via[size++] = p;
      }
    }
    this.size = size;
    return size;
  }

  /** The BOM path from the last root down to `item` (root first) as labels of its items (ids, names). */
  path<T>(item: number, labels: readonly T[]): T[] {
    const { via, position } = this;
    let length = 0;
    for (let at = item; at !== -1; at = via[position[at]!]!) length++;
    const path = new Array<T>(length);
    for (let at = item; at !== -1; at = via[position[at]!]!) path[--length] = labels[at]!;
    return path;
  }
}

/** Ids of every item `id` needs, itself included (its BOM tree). */
export function bomDescendants(net: SupplyNetwork, id: string): string[] {
  return Array.from(bomTree(net, itemNumber(net, id)).items, (i) => net.items[i]!.id);
}

/** The BOM path from the tree's root down to `item` (root first), read back through `via`. */
export function treePath(tree: BomTree, item: number): number[] {
  const parentOf = new Map<number, number>();
  tree.items.forEach((it, k) => parentOf.set(it, tree.via[k]!));
  const path: number[] = [];
  for (let at: number | undefined = item; at !== undefined && at !== -1; at = parentOf.get(at)) path.push(at);
  return path.reverse();
}

/**
 * Quantities of every item of a tree per unit of its root (summed over all BOM paths, so a part used
 * in two branches counts twice), by item number. Visits the tree in topological rank: O(t log t).
 */
export function explodeTree(net: SupplyNetwork, tree: BomTree): Map<number, number> {
  const sorted = Array.from(tree.items).sort((a, b) => net.rank[a]! - net.rank[b]!);
  const need = new Map<number, number>([[tree.root, 1]]);
  const { start, target, qty } = net.children;
  for (const p of sorted) {
    const q = need.get(p) ?? 0;
    for (let e = start[p]!; e < start[p + 1]!; e++) need.set(target[e]!, (need.get(target[e]!) ?? 0) + q * qty[e]!);
  }
  return need;
}

/** BOM explosion: the total quantity of every item needed for `qty` units of `id`, by item id. */
export function explodeBom(net: SupplyNetwork, id: string, qty = 1): Map<string, number> {
  if (!(Number.isFinite(qty) && qty >= 0)) throw new ParaatError("INVALID_ARGUMENT", `BOM explosion needs a quantity ≥ 0, got ${qty}`);
  const need = explodeTree(net, bomTree(net, itemNumber(net, id)));
  return new Map(Array.from(need, ([i, q]) => [net.items[i]!.id, q * qty]));
}

/**
 * Items something is wanted of: kind "end-item", or the item of a demand or a target. These are the
 * roots of the trees whose parts are "needed".
 */
export function endItems(net: SupplyNetwork): number[] {
  const wanted = new Uint8Array(net.items.length);
  net.items.forEach((it, i) => {
    if (it.kind === "end-item") wanted[i] = 1;
  });
  for (const d of net.dataset.demands) {
    const i = net.itemIndex.get(d.item);
    if (i !== undefined) wanted[i] = 1;
  }
  for (const t of net.dataset.targets) {
    const i = net.itemIndex.get(t.item);
    if (i !== undefined) wanted[i] = 1;
  }
  const out: number[] = [];
  wanted.forEach((w, i) => {
    if (w) out.push(i);
  });
  return out;
}

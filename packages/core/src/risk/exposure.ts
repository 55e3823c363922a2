/**
 * Multi-tier origin exposure by value (docs/risk.md, "Exposure"). Each item's value splits into its
 * own value added (made where its sources are, weighted by capacity share) and its inputs (each
 * child's qty × unitValue), and each input carries the child's exposure. Children are done before
 * parents, so one pass over the BOM lines computes every item: O(lines × countries).
 */
import type { SupplyNetwork } from "../network/network.js";
import type { ItemSources } from "./sources.js";

/** Pseudo-country of the share that comes from items without any source. */
export const UNSOURCED = "unsourced";

/** A path from an item down to the item whose own production in `country` is the source. */
export interface PathNode {
  item: number;
  /** Index into ExposureTable.codes. */
  country: number;
  /** Share of `item`'s value that flows along this path. */
  share: number;
  /** Share of the last item's own sourcing from the country. */
  sourceShare: number;
  next: PathNode | null;
}

export interface ExposureTable {
  /** Country codes; the last one is UNSOURCED. */
  codes: string[];
  /** Exposure of item i to codes[k] is vectors[i * codes.length + k]. */
  vectors: Float64Array;
  /** The codes each item is exposed to (indices into codes), so sparse rows are read sparsely. */
  nonzero: Int32Array[];
  /** Per item: its best path per country and its top paths overall, largest first, without repeats. */
  paths: PathNode[][];
}

/**
 * How an item's value splits between its own production and each BOM line (by line number):
 * shares of max(unitValue, Σ qty × child unitValue), so they always sum to 1. When the item and its
 * inputs are all valued 0, own production and each input get equal shares.
 */
export function valueSplit(net: SupplyNetwork, p: number, scratch?: Float64Array): { own: number; lines: Float64Array } {
  const { start, target, qty } = net.children;
  const from = start[p]!;
  const count = start[p + 1]! - from;
  const lines = scratch && scratch.length >= count ? scratch.subarray(0, count) : new Float64Array(count);
  const value = net.items[p]!.unitValue;
  let inputs = 0;
  for (let e = 0; e < count; e++) {
    lines[e] = qty[from + e]! * net.items[target[from + e]!]!.unitValue;
    inputs += lines[e]!;
  }
  const total = Math.max(value, inputs);
  if (total <= 0) {
    lines.fill(1 / (count + 1));
    return { own: 1 / (count + 1), lines };
  }
  for (let e = 0; e < count; e++) lines[e]! /= total;
  return { own: Math.max(value - inputs, 0) / total, lines };
}

interface Candidate {
  share: number;
  country: number;
  sourceShare: number;
  next: PathNode | null;
}

function entersTop(top: Candidate[], k: number, share: number): boolean {
  return k > 0 && (top.length < k || share > top[top.length - 1]!.share);
}

/** Inserts into a list kept sorted by share (largest first) and at most `k` long. */
function insertTop(top: Candidate[], k: number, c: Candidate): void {
  let at = top.length;
  while (at > 0 && top[at - 1]!.share < c.share) at--;
  top.splice(at, 0, c);
  if (top.length > k) top.pop();
}

export function computeExposure(
  net: SupplyNetwork,
  sources: readonly ItemSources[],
  options: { topPaths: number; maxPaths: number },
): ExposureTable {
  const codes = [...net.countries.keys()];
  const index = new Map(codes.map((c, k) => [c, k]));
  for (const s of sources)
    for (const c of s.byCountry.keys())
      if (!index.has(c)) {
        index.set(c, codes.length);
        codes.push(c);
      }
  const unsourced = codes.length;
  codes.push(UNSOURCED);
  const width = codes.length;
  const n = net.items.length;
  const vectors = new Float64Array(n * width);
  // Per item: its best path per country (only countries it is exposed to) and its top paths overall.
  const best: PathNode[][] = new Array<PathNode[]>(n);
  const top: PathNode[][] = new Array<PathNode[]>(n);
  const paths: PathNode[][] = new Array<PathNode[]>(n);
  const nonzero: Int32Array[] = new Array<Int32Array>(n);
  const { start, target } = net.children;
  // Scratch space per country, reset after each item: the winning share and where it comes from.
  const bestShare = new Float64Array(width);
  const bestNext: (PathNode | null)[] = new Array<PathNode | null>(width).fill(null);
  const seen = new Uint8Array(width);
  const bestSource = new Float64Array(width);
  const bestNode: (PathNode | undefined)[] = new Array<PathNode | undefined>(width);
  const unsourcedOnly = new Map([[UNSOURCED, 1]]);
  let maxLines = 0;
  for (let p = 0; p < n; p++) maxLines = Math.max(maxLines, start[p + 1]! - start[p]!);
  const lineScratch = new Float64Array(maxLines);

  // Keeps, per country, the largest share offered for the current item (the first one on ties).
  const touched: number[] = [];
  const offer = (country: number, share: number, sourceShare: number, next: PathNode | null): void => {
    if (!seen[country]) {
      seen[country] = 1;
      touched.push(country);
    } else if (share <= bestShare[country]!) return;
    bestShare[country] = share;
    bestNext[country] = next;
    bestSource[country] = sourceShare;
  };

  for (let k = n - 1; k >= 0; k--) {
    touched.length = 0;
    const p = net.order[k]!;
    const base = p * width;
    const split = valueSplit(net, p, lineScratch);
    const topHere: Candidate[] = [];

    // Own value added, where the item's own sources are.
    if (split.own > 0) {
      const own = sources[p]!.sourcing === "none" ? unsourcedOnly : sources[p]!.byCountry;
      for (const [code, s] of own) {
        const c = code === UNSOURCED ? unsourced : index.get(code)!;
        vectors[base + c]! += split.own * s;
        if (s <= 0) continue;
        offer(c, split.own * s, s, null);
        if (entersTop(topHere, options.topPaths, split.own * s))
          insertTop(topHere, options.topPaths, { share: split.own * s, country: c, sourceShare: s, next: null });
      }
    }

    // Inputs: each child's exposure, scaled by its share of the value.
    for (let e = start[p]!; e < start[p + 1]!; e++) {
      const w = split.lines[e - start[p]!]!;
      if (w <= 0) continue;
      const c = target[e]!;
      const cbase = c * width;
      for (const j of nonzero[c]!) vectors[base + j]! += w * vectors[cbase + j]!;
      // Every country of the child's exposure has a best path, so offering them marks the parent's too.
      for (const node of best[c]!) offer(node.country, w * node.share, node.sourceShare, node);
      for (const node of top[c]!)
        if (entersTop(topHere, options.topPaths, w * node.share))
          insertTop(topHere, options.topPaths, { share: w * node.share, country: node.country, sourceShare: node.sourceShare, next: node });
    }

    // One node per country; a top path that is also its country's best shares that node.
    const mine: PathNode[] = [];
    for (const c of touched) {
      const node: PathNode = { item: p, country: c, share: bestShare[c]!, sourceShare: bestSource[c]!, next: bestNext[c]! };
      bestNode[c] = node;
      mine.push(node);
    }
    best[p] = mine;
    nonzero[p] = Int32Array.from(touched).sort();
    const listed = mine.slice();
    top[p] = topHere.map((t) => {
      const same = bestNode[t.country];
      if (same !== undefined && same.next === t.next) return same;
      const node: PathNode = { item: p, country: t.country, share: t.share, sourceShare: t.sourceShare, next: t.next };
      listed.push(node);
      return node;
    });
    listed.sort((a, b) => b.share - a.share);
    if (listed.length > options.maxPaths) listed.length = options.maxPaths;
    paths[p] = listed;
    for (const c of touched) {
      seen[c] = 0;
      bestShare[c] = 0;
      bestNext[c] = null;
      bestSource[c] = 0;
      bestNode[c] = undefined;
    }
  }
  return { codes, vectors, nonzero, paths };
}

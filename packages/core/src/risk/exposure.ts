/**
 * Multi-tier origin exposure by value (docs/risk.md, "Exposure"). Each item's value splits into its
 * own value added (made where its sources are, weighted by capacity share) and its inputs (each
 * child's qty × unitValue), and each input carries the child's exposure. Children are done before
 * parents, so one pass over the BOM lines computes every item: O(lines × countries).
 *
 * The paths come out of the same pass. The best path of a country at an item continues with the best
 * path of that country at one child, so all of them form a forest of steps, kept in typed arrays
 * (path-steps.ts); an item's exposure is a sparse row beside it. Only the at most maxPaths paths
 * reported per item become records, later (paths.ts).
 */
import type { SupplyNetwork } from "../network/network.js";
import { PathSelection } from "./path-selection.js";
import { ExposureRows, IntList, PathSteps } from "./path-steps.js";
import type { ItemSources } from "./sources.js";

/** Pseudo-country of the share that comes from items without any source. */
export const UNSOURCED = "unsourced";

export interface ExposureTable {
  /** Country codes; the last one is UNSOURCED. */
  codes: string[];
  /**
   * Item i is exposed to codes[rows[r]] by rowValue[r] for r in rowStart[i] … rowStart[i] + rowLength[i] - 1,
   * in ascending code order (only the codes it is exposed to: rows are sparse).
   */
  rows: Int32Array;
  rowValue: Float64Array;
  rowStart: Int32Array;
  rowLength: Int32Array;
  /** Every item's best path per country and top paths, as steps that share their tails. */
  steps: PathSteps;
  /** The first steps of item i's reported paths, largest share first: pathList[pathStart[i]] … (pathCount[i] of them). */
  pathList: Int32Array;
  pathStart: Int32Array;
  pathCount: Int32Array;
}

/**
 * How an item's value splits between its own production and each BOM line (by line number):
 * shares of max(unitValue, Σ qty × child unitValue), so they always sum to 1. When the item and its
 * inputs are all valued 0, own production and each input get equal shares.
 */
export function valueSplit(net: SupplyNetwork, p: number, scratch?: Float64Array): { own: number; lines: Float64Array } {
  const count = net.children.start[p + 1]! - net.children.start[p]!;
  const lines = scratch && scratch.length >= count ? scratch.subarray(0, count) : new Float64Array(count);
  return { own: splitInto(net, p, lines), lines };
}

/** valueSplit without allocating: writes the line shares into `lines` and returns the own share. */
function splitInto(net: SupplyNetwork, p: number, lines: Float64Array): number {
  const { unitValue } = net;
  const { start, target, qty } = net.children;
  const from = start[p]!;
  const count = start[p + 1]! - from;
  const value = unitValue[p]!;
  let inputs = 0;
  for (let e = 0; e < count; e++) {
    lines[e] = qty[from + e]! * unitValue[target[from + e]!]!;
    inputs += lines[e]!;
  }
  const total = Math.max(value, inputs);
  if (total <= 0) {
    lines.fill(1 / (count + 1), 0, count);
    return 1 / (count + 1);
  }
  for (let e = 0; e < count; e++) lines[e]! /= total;
  return Math.max(value - inputs, 0) / total;
}

/** Country codes of the dataset, then any other code a source names, then UNSOURCED. */
function countryCodes(net: SupplyNetwork, sources: readonly ItemSources[]): { codes: string[]; index: Map<string, number> } {
  const codes = [...net.countries.keys()];
  const index = new Map(codes.map((c, k) => [c, k]));
  for (const s of sources)
    for (const c of s.byCountry.keys())
      if (!index.has(c)) {
        index.set(c, codes.length);
        codes.push(c);
      }
  index.set(UNSOURCED, codes.length);
  codes.push(UNSOURCED);
  return { codes, index };
}

/** Each item's own sourcing by country number: country[k], share[k] for k in start[i] … start[i + 1] - 1. */
function ownSources(
  sources: readonly ItemSources[],
  index: ReadonlyMap<string, number>,
  unsourced: number,
): { start: Int32Array; country: Int32Array; share: Float64Array } {
  const start = new Int32Array(sources.length + 1);
  for (let i = 0; i < sources.length; i++) start[i + 1] = start[i]! + (sources[i]!.sourcing === "none" ? 1 : sources[i]!.byCountry.size);
  const country = new Int32Array(start[sources.length]!);
  const share = new Float64Array(start[sources.length]!);
  for (let i = 0; i < sources.length; i++) {
    let k = start[i]!;
    if (sources[i]!.sourcing === "none") {
      country[k] = unsourced;
      share[k] = 1;
    } else
      sources[i]!.byCountry.forEach((s, code) => {
        country[k] = index.get(code)!;
        share[k++] = s;
      });
  }
  return { start, country, share };
}

export function computeExposure(
  net: SupplyNetwork,
  sources: readonly ItemSources[],
  options: { topPaths: number; maxPaths: number },
): ExposureTable {
  const { codes, index } = countryCodes(net, sources);
  const mine = ownSources(sources, index, codes.length - 1);
  const width = codes.length;
  const n = net.items.length;
  const { start, target } = net.children;
  const rows = new ExposureRows(n * 8);
  const rowStart = new Int32Array(n);
  const rowLength = new Int32Array(n);
  const steps = new PathSteps(n * 8);
  // Per item, during the pass: where its best steps start (rowLength[i] of them, in the order its
  // countries were first offered) and its top steps (in topList).
  const bestStart = new Int32Array(n);
  const topList = new IntList(n * Math.min(options.topPaths, 4));
  const topStart = new Int32Array(n);
  const topCount = new Int32Array(n);
  const paths = new IntList(n * Math.min(options.maxPaths, 4));
  const pathStart = new Int32Array(n);
  const pathCount = new Int32Array(n);
  let maxLines = 0;
  for (let p = 0; p < n; p++) maxLines = Math.max(maxLines, start[p + 1]! - start[p]!);
  const lines = new Float64Array(maxLines);
  const pick = new PathSelection(width, options.topPaths, options.maxPaths);

  for (let k = n - 1; k >= 0; k--) {
    const p = net.order[k]!;
    const own = splitInto(net, p, lines);

    // Own value added, where the item's own sources are.
    // (Shares are positive: sources keep only options with capacity and countries with a share.)
    if (own > 0)
      for (let x = mine.start[p]!; x < mine.start[p + 1]!; x++)
        if (mine.share[x]! > 0) pick.addOwn(mine.country[x]!, own * mine.share[x]!, mine.share[x]!);

    // Inputs: each child's exposure, scaled by its share of the value.
    for (let e = start[p]!; e < start[p + 1]!; e++) {
      const w = lines[e - start[p]!]!;
      if (w <= 0) continue;
      const c = target[e]!;
      pick.addChild(w, steps, bestStart[c]!, rowLength[c]!);
      pick.addChildTops(w, steps, topList.data, topStart[c]!, topCount[c]!);
    }

    bestStart[p] = steps.size;
    rowStart[p] = rows.size;
    rowLength[p] = pick.touchedCount;
    pick.writeBest(p, steps, rows);
    topStart[p] = topList.size;
    topCount[p] = pick.writeTop(p, steps, topList);
    pathStart[p] = paths.size;
    pathCount[p] = pick.writePaths(bestStart[p], steps, paths);
    pick.reset();
  }
  return {
    codes,
    rows: rows.country,
    rowValue: rows.value,
    rowStart,
    rowLength,
    steps,
    pathList: paths.data,
    pathStart,
    pathCount,
  };
}

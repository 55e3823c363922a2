/**
 * Choosing one item's paths while exposure visits it: the best offer per country (the first one on
 * ties), the K largest offers overall, and the at most maxPaths of them that are reported. Reused
 * scratch arrays by country number, reset after each item in O(countries touched).
 */
import { END, type ExposureRows, type IntList, type PathSteps } from "./path-steps.js";

export class PathSelection {
  /** Per country: the current item's exposure to it, summed as the offers come. */
  private readonly exposure: Float64Array;
  // Per country: whether it was offered for the current item, and the winning offer.
  private readonly seen: Uint8Array;
  private readonly bestShare: Float64Array;
  private readonly bestSource: Float64Array;
  private readonly bestNext: Int32Array;
  /** The step written for the country's best offer (valid after writeBest). */
  private readonly bestStep: Int32Array;
  /** Countries in the order they were first offered. */
  private readonly touched: Int32Array;
  touchedCount = 0;
  // The K largest offers, largest first.
  private readonly topShare: Float64Array;
  private readonly topCountry: Int32Array;
  private readonly topSource: Float64Array;
  private readonly topNext: Int32Array;
  private topLength = 0;

  constructor(
    width: number,
    private readonly k: number,
    private readonly maxPaths: number,
  ) {
    this.exposure = new Float64Array(width);
    this.seen = new Uint8Array(width);
    this.bestShare = new Float64Array(width);
    this.bestSource = new Float64Array(width);
    this.bestNext = new Int32Array(width);
    this.bestStep = new Int32Array(width);
    this.touched = new Int32Array(width);
    this.topShare = new Float64Array(k);
    this.topCountry = new Int32Array(k);
    this.topSource = new Float64Array(k);
    this.topNext = new Int32Array(k);
  }

  /** The item's own production in a country, `share` of its value: exposure, and a candidate for both lists. */
  addOwn(country: number, share: number, sourceShare: number): void {
    this.exposure[country]! += share;
    this.offerBest(country, share, sourceShare, END);
    this.offerTop(country, share, sourceShare, END);
  }

  /**
   * A BOM line to a child, `w` of the item's value: adds the child's exposure and offers its best steps
   * (`count` from `first`, one per country it is exposed to). One loop for both, with the scratch
   * arrays in locals: it is the innermost loop of the analysis.
   */
  addChild(w: number, steps: PathSteps, first: number, count: number): void {
    const { exposure, seen, touched, bestShare, bestSource, bestNext } = this;
    const { country, share, sourceShare } = steps;
    const childExposure = steps.exposure;
    for (let s = first, end = first + count; s < end; s++) {
      const c = country[s]!;
      // One addition per country and line, in line order: the sums do not depend on the country order.
      exposure[c]! += w * childExposure[s]!;
      const offered = w * share[s]!;
      if (seen[c] === 0) {
        seen[c] = 1;
        touched[this.touchedCount++] = c;
      } else if (offered <= bestShare[c]!) continue;
      bestShare[c] = offered;
      bestSource[c] = sourceShare[s]!;
      bestNext[c] = s;
    }
  }

  /** Offers the child's top steps (list[first] …, `count` of them), scaled by `w`. */
  addChildTops(w: number, steps: PathSteps, list: Int32Array, first: number, count: number): void {
    for (let t = first, end = first + count; t < end; t++) {
      const s = list[t]!;
      const offered = w * steps.share[s]!;
      if (this.entersTop(offered)) this.offerTop(steps.country[s]!, offered, steps.sourceShare[s]!, s);
    }
  }

  private entersTop(share: number): boolean {
    return this.k > 0 && (this.topLength < this.k || share > this.topShare[this.topLength - 1]!);
  }

  /** Keeps, per country, the largest share offered (the first one on ties). */
  private offerBest(country: number, share: number, sourceShare: number, next: number): void {
    if (!this.seen[country]) {
      this.seen[country] = 1;
      this.touched[this.touchedCount++] = country;
    } else if (share <= this.bestShare[country]!) return;
    this.bestShare[country] = share;
    this.bestSource[country] = sourceShare;
    this.bestNext[country] = next;
  }

  /** Keeps the K largest offers; a later offer equal to one kept goes after it. */
  private offerTop(country: number, share: number, sourceShare: number, next: number): void {
    if (!this.entersTop(share)) return;
    const k = this.k;
    let len = this.topLength;
    let at = len;
    while (at > 0 && this.topShare[at - 1]! < share) at--;
    if (len === k) len--; // the last one drops out
    for (let i = len; i > at; i--) {
      this.topShare[i] = this.topShare[i - 1]!;
      this.topCountry[i] = this.topCountry[i - 1]!;
      this.topSource[i] = this.topSource[i - 1]!;
      this.topNext[i] = this.topNext[i - 1]!;
    }
    this.topShare[at] = share;
    this.topCountry[at] = country;
    this.topSource[at] = sourceShare;
    this.topNext[at] = next;
    this.topLength = len + 1;
  }

  /**
   * Writes one step per country offered (in first-offered order), with the item's exposure to it, and
   * the item's row of (country, exposure) in ascending country order.
   */
  writeBest(item: number, steps: PathSteps, rows: ExposureRows): void {
    const count = this.touchedCount;
    steps.reserve(count);
    rows.reserve(count);
    const { country, value } = rows;
    const from = rows.size;
    for (let j = 0; j < count; j++) {
      const c = this.touched[j]!;
      const v = this.exposure[c]!;
      this.bestStep[c] = steps.push(item, c, this.bestShare[c]!, this.bestSource[c]!, this.bestNext[c]!, v);
      // Insertion sort: rows are short (the countries of one item).
      let at = from + j;
      while (at > from && country[at - 1]! > c) {
        country[at] = country[at - 1]!;
        value[at] = value[at - 1]!;
        at--;
      }
      country[at] = c;
      value[at] = v;
    }
    rows.size += count;
  }

  /**
   * Writes the top offers to `list` and returns how many: a top offer that is also its country's best
   * is that step; the others get steps of their own, after the best ones.
   */
  writeTop(item: number, steps: PathSteps, list: IntList): number {
    const len = this.topLength;
    steps.reserve(len);
    list.reserve(len);
    for (let t = 0; t < len; t++) {
      const c = this.topCountry[t]!;
      const same = this.bestStep[c]!;
      list.data[list.size++] =
        steps.next[same] === this.topNext[t] ? same : steps.push(item, c, this.topShare[t]!, this.topSource[t]!, this.topNext[t]!, 0);
    }
    return len;
  }

  /**
   * Reports the at most maxPaths largest of the item's steps (`first` … the last step written), largest
   * first and in writing order on ties — a stable sort cut short. Returns how many went into `out`.
   */
  writePaths(first: number, steps: PathSteps, out: IntList): number {
    const max = this.maxPaths;
    const share = steps.share;
    out.reserve(Math.min(max, steps.size - first));
    // Insertion into the item's part of `out`, which stays sorted and at most `max` long.
    const list = out.data;
    const from = out.size;
    let len = 0;
    for (let s = first; s < steps.size; s++) {
      const v = share[s]!;
      if (max === 0 || (len === max && !(v > share[list[from + len - 1]!]!))) continue;
      if (len < max) len++;
      let at = from + len - 1;
      for (; at > from && share[list[at - 1]!]! < v; at--) list[at] = list[at - 1]!;
      list[at] = s;
    }
    out.size += len;
    return len;
  }

  /** Clears the per-country scratch of the countries touched, ready for the next item. */
  reset(): void {
    for (let j = 0; j < this.touchedCount; j++) {
      const c = this.touched[j]!;
      // The best offer's fields are only read once the country is seen again, so they need no reset.
      this.seen[c] = 0;
      this.exposure[c] = 0;
    }
    this.touchedCount = 0;
    this.topLength = 0;
  }
}

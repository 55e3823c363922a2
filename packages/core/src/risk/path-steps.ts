/**
 * Path steps in parallel typed arrays. A step is (item, country, share, source share, next step): the
 * best path of a country at an item always continues with a step of one of its children, so every
 * item's paths share their tails and the whole lot is a forest. Keeping it in flat arrays instead of
 * one object per (item, country) spares the garbage collector hundreds of thousands of objects.
 */

/** No next step: the path ends at this step's item, whose own production is the source. */
export const END = -1;

export class PathSteps {
  item: Int32Array;
  /** Index into ExposureTable.codes. */
  country: Int32Array;
  /** Share of the step's item's value that flows along the path from here. */
  share: Float64Array;
  /** Share of the last item's own sourcing from the country. */
  sourceShare: Float64Array;
  /** The next step (on a child), or END. */
  next: Int32Array;
  /**
   * For the best step of a country at an item: the item's whole exposure to the country (0 for other
   * steps). Read by the parents in the same sweep as the steps, so no item × country table is needed.
   */
  exposure: Float64Array;
  size = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.item = new Int32Array(c);
    this.country = new Int32Array(c);
    this.share = new Float64Array(c);
    this.sourceShare = new Float64Array(c);
    this.next = new Int32Array(c);
    this.exposure = new Float64Array(c);
  }

  /** Makes room for `extra` more steps (doubling, so appends stay amortised O(1)). */
  reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.item.length) return;
    const c = Math.max(need, 2 * this.item.length);
    this.item = grown(this.item, new Int32Array(c));
    this.country = grown(this.country, new Int32Array(c));
    this.share = grown(this.share, new Float64Array(c));
    this.sourceShare = grown(this.sourceShare, new Float64Array(c));
    this.next = grown(this.next, new Int32Array(c));
    this.exposure = grown(this.exposure, new Float64Array(c));
  }

  /** Appends a step (room must have been reserved) and returns its index. */
  push(item: number, country: number, share: number, sourceShare: number, next: number, exposure: number): number {
    const k = this.size++;
    this.item[k] = item;
    this.country[k] = country;
    this.share[k] = share;
    this.sourceShare[k] = sourceShare;
    this.next[k] = next;
    this.exposure[k] = exposure;
    return k;
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A growable list of int32 (step indices), for per-item lists stored end to end. */
export class IntList {
  data: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  reserve(extra: number): void {
    const need = this.size + extra;
    if (need > this.data.length) this.data = grown(this.data, new Int32Array(Math.max(need, 2 * this.data.length)));
  }
}

/** Per-item rows of (country, exposure), stored end to end. */
export class ExposureRows {
  country: Int32Array;
  value: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.country = new Int32Array(Math.max(16, capacity));
    this.value = new Float64Array(Math.max(16, capacity));
  }

  reserve(extra: number): void {
    const need = this.size + extra;
    if (need <= this.country.length) return;
    const c = Math.max(need, 2 * this.country.length);
    this.country = grown(this.country, new Int32Array(c));
    this.value = grown(this.value, new Float64Array(c));
  }
}

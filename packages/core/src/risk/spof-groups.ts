/**
 * Grouping the items of one BOM tree by the host (site, company, country) that holds all their
 * active options, in typed scratch arrays reused from tree to tree.
 */
import type { BomWalker } from "../network/bom.js";
import type { HostKind } from "../network/types.js";
import { stockMonths, type Requirements } from "./requirement.js";
import type { ItemSources } from "./sources.js";

/** The candidate hosts numbered once, and the numbers of each item's: list[start[i]] … list[start[i + 1] - 1]. */
export interface HostNumbers {
  kind: HostKind[];
  id: string[];
  start: Int32Array;
  list: Int32Array;
}

export function numberHosts(sources: readonly ItemSources[]): HostNumbers {
  const kind: HostKind[] = [];
  const id: string[] = [];
  const number = new Map<string, number>();
  const start = new Int32Array(sources.length + 1);
  const list: number[] = [];
  sources.forEach((s, i) => {
    for (const h of s.hosts) {
      const key = `${h.kind}:${h.id}`;
      let k = number.get(key);
      if (k === undefined) {
        k = kind.length;
        kind.push(h.kind);
        id.push(h.id);
        number.set(key, k);
      }
      list.push(k);
    }
    start[i + 1] = list.length;
  });
  return { kind, id, start, list: Int32Array.from(list) };
}

export class HostGroups {
  /** Per group, in order of first appearance in the tree: its host, ... */
  readonly host: Int32Array;
  /** ... the ids of its items in tree order, ... */
  readonly ids: string[][] = [];
  /** ... the numbers of its first three items (at 3 × group), ... */
  readonly firstItems: Int32Array;
  /** ... and the least months of pool-stock cover among its items (NaN when none has a requirement). */
  readonly cover: Float64Array;
  private readonly count: Int32Array;
  /** Per host: its group in the current tree, or -1. */
  private readonly groupOf: Int32Array;

  constructor(
    private readonly hosts: HostNumbers,
    private readonly req: Requirements,
  ) {
    const h = hosts.kind.length;
    this.host = new Int32Array(h);
    this.firstItems = new Int32Array(3 * h);
    this.cover = new Float64Array(h);
    this.count = new Int32Array(h);
    this.groupOf = new Int32Array(h).fill(-1);
  }

  /** The names of the first (at most three) items of group g. */
  firstNames(g: number, names: readonly string[]): string[] {
    const count = this.count[g]!;
    const first = [names[this.firstItems[3 * g]!]!];
    if (count > 1) first.push(names[this.firstItems[3 * g + 1]!]!);
    if (count > 2) first.push(names[this.firstItems[3 * g + 2]!]!);
    return first;
  }

  /** Groups the items of the walker's last walk (`size` of them); returns the number of groups. */
  collect(walker: BomWalker, size: number, itemIds: readonly string[]): number {
    const { start, list } = this.hosts;
    const items = walker.items;
    let groups = 0;
    // First pass: the groups, their sizes, first items and least cover.
    for (let k = 0; k < size; k++) {
      const j = items[k]!;
      const months = stockMonths(this.req, j);
      for (let x = start[j]!; x < start[j + 1]!; x++) {
        const h = list[x]!;
        let g = this.groupOf[h]!;
        if (g < 0) {
          g = groups++;
          this.groupOf[h] = g;
          this.host[g] = h;
          this.count[g] = 0;
          this.cover[g] = NaN;
        }
        const slot = this.count[g]!++;
        if (slot < 3) this.firstItems[3 * g + slot] = j;
        // (A NaN cover, none yet, compares false.)
        if (months !== null && !(this.cover[g]! <= months)) this.cover[g] = months;
      }
    }
    // Second pass: each group's ids in an array of its exact size.
    for (let g = 0; g < groups; g++) {
      this.ids[g] = new Array<string>(this.count[g]!);
      this.count[g] = 0;
    }
    for (let k = 0; k < size; k++) {
      const j = items[k]!;
      for (let x = start[j]!; x < start[j + 1]!; x++) {
        const g = this.groupOf[list[x]!]!;
        this.ids[g]![this.count[g]!++] = itemIds[j]!;
      }
    }
    for (let g = 0; g < groups; g++) this.groupOf[this.host[g]!] = -1;
    return groups;
  }
}

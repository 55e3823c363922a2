/**
 * The reported exposure paths of each item as records: item ids from the item down to the source,
 * and the text. Only the chosen paths are materialised, from the steps of the exposure table.
 */
import type { SupplyNetwork } from "../network/network.js";
import { pct } from "../words.js";
import { UNSOURCED, type ExposureTable } from "./exposure.js";
import { END } from "./path-steps.js";
import type { ExposurePath } from "./types.js";

export class PathWriter {
  private readonly ids: string[];
  private readonly names: string[];

  constructor(
    net: SupplyNetwork,
    private readonly table: ExposureTable,
    private readonly texts: boolean,
  ) {
    this.ids = net.items.map((it) => it.id);
    this.names = net.items.map((it) => it.name);
  }

  pathsOf(item: number): ExposurePath[] {
    const { pathList, pathStart, pathCount } = this.table;
    const count = pathCount[item]!;
    const out = new Array<ExposurePath>(count);
    for (let j = 0; j < count; j++) out[j] = this.path(pathList[pathStart[item]! + j]!);
    return out;
  }

  private path(step: number): ExposurePath {
    const { steps, codes } = this.table;
    const next = steps.next;
    // Counted first so the array is allocated at its size (push would leave room for 17).
    let length = 0;
    for (let s = step; s !== END; s = next[s]!) length++;
    const items = new Array<string>(length);
    for (let s = step, k = 0; s !== END; s = next[s]!) items[k++] = this.ids[steps.item[s]!]!;
    const country = codes[steps.country[step]!]!;
    const share = steps.share[step]!;
    const sourceShare = steps.sourceShare[step]!;
    return { items, country, share, sourceShare, text: this.texts ? this.text(step, country, share, sourceShare) : "" };
  }

  /**
   * "A ← B ← C: CN 70% of supply, 2.1% of value", joined in one go: a flat string is one heap object,
   * where concatenating piece by piece would leave a rope of several for the collector to copy.
   */
  private text(step: number, country: string, share: number, sourceShare: number): string {
    const { next, item } = this.table.steps;
    const parts: string[] = [];
    for (let s = step; s !== END; s = next[s]!) {
      if (s !== step) parts.push(" ← ");
      parts.push(this.names[item[s]!]!);
    }
    if (country === UNSOURCED) parts.push(": no supply, ", pct(share), " of value");
    else parts.push(": ", country, " ", pct(sourceShare), " of supply, ", pct(share), " of value");
    return parts.join("");
  }
}

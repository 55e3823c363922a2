/** Helpers to write plan explanations: month ranges, consumers and the place of a supply option (the rest is in core/words.ts). */
import { monthsBetween, periodMonth } from "../month.js";
import { shortName } from "../words.js";
import type { PlanNetwork } from "./network.js";
import type { MonthRange } from "./types.js";

/** Consecutive periods where flag(t) holds, as month ranges. */
export function monthRanges(net: PlanNetwork, from: number, to: number, flag: (t: number) => boolean): MonthRange[] {
  const out: MonthRange[] = [];
  let open = -1;
  for (let t = from; t <= to; t++) {
    if (flag(t)) {
      if (open < 0) open = t;
    } else if (open >= 0) {
      out.push({ from: periodMonth(net.dataset.horizon, open), to: periodMonth(net.dataset.horizon, t - 1) });
      open = -1;
    }
  }
  if (open >= 0) out.push({ from: periodMonth(net.dataset.horizon, open), to: periodMonth(net.dataset.horizon, to) });
  return out;
}

export function countMonths(ranges: readonly MonthRange[]): number {
  let n = 0;
  for (const r of ranges) n += monthsBetween(r.from, r.to) + 1;
  return n;
}

/** "from 2025-02" (to the end of the window), "from 2025-02 to 2025-06", or the first two ranges and a count. */
export function rangeWords(ranges: readonly MonthRange[], windowEnd: string): string {
  const one = (r: MonthRange): string =>
    r.from === r.to ? `in ${r.from}` : r.to === windowEnd ? `from ${r.from}` : `from ${r.from} to ${r.to}`;
  if (ranges.length === 0) return "";
  if (ranges.length === 1) return one(ranges[0]!);
  const rest = ranges.length > 2 ? ` and ${ranges.length - 2} more period${ranges.length > 3 ? "s" : ""}` : "";
  return `${one(ranges[0]!)}, ${one(ranges[1]!)}${rest}`;
}

export function consumerName(net: PlanNetwork, id: string): string {
  return shortName(net.consumers.get(id)?.name ?? id);
}

/** Site, company and country of a supply option. */
export function supplyPlace(
  net: PlanNetwork,
  s: number,
): { site: string; siteName: string; company: string; companyName: string; country: string } {
  const supply = net.supplies[s]!;
  const site = net.sites.get(supply.site);
  const company = site ? net.companies.get(site.company) : undefined;
  return {
    site: supply.site,
    siteName: site?.name ?? supply.site,
    company: site?.company ?? "",
    companyName: company?.name ?? site?.company ?? "",
    country: site?.country ?? "",
  };
}

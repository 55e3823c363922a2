/**
 * The names of the plan's LP variables and rows. Each is a one-letter prefix and dataset indices
 * (position in the dataset's lists) and a period, e.g. `x12_34` is production of the 13th supply
 * option started in period 34. Short, valid for every LP reader, and unique across clusters,
 * so the clusters' models can be written as one file. `describePlanName` turns one back into words.
 */
import { periodMonth } from "../month.js";
import type { PlanNetwork } from "./network.js";

/** Variables, then rows; the position is the kind code in LpModel. */
export const planPrefixes = ["x", "p", "d", "s", "y", "c", "u", "g", "b", "q", "h", "n"] as const;

export const V_PRODUCTION = 0;
export const V_POOL = 1;
export const V_DELIVERY = 2;
export const V_SHORT = 3;
export const V_STOCK_DELIVERY = 4;
export const V_CONSUMER_STOCK = 5;
export const V_UNMET_USAGE = 6;
export const V_GAP = 7;
export const R_POOL_BALANCE = 8;
export const R_DEMAND = 9;
export const R_CONSUMER_BALANCE = 10;
export const R_GAP = 11;

/** What each prefix stands for (written as comments at the top of an exported LP). */
export const planNameLegend: readonly string[] = [
  "x<supply>_<t>: units started by supply option <supply> in period t (output arrives at t + lead time)",
  "p<item>_<t>: pool stock of item <item> at the end of period t",
  "d<demand>_<t>: units delivered to demand <demand> in period t",
  "s<demand>: units of demand <demand> not delivered by the horizon end",
  "y<pair>_<t>: units delivered to consumer stock <pair> (a consumer's stock of an item) in period t",
  "c<pair>_<t>: consumer stock <pair> at the end of period t",
  "u<pair>_<t>: usage of consumer stock <pair> in period t that its stock cannot cover",
  "g<target>_<t>: gap of target <target> (level minus stock, if positive) in period t",
  "b<item>_<t>: pool balance of item <item> in period t",
  "q<demand>: delivered plus short equals ordered, for demand <demand>",
  "h<pair>_<t>: consumer stock balance of <pair> in period t",
  "n<target>_<t>: gap of target <target> in period t is at least level minus stock",
];

const NAME = /^([a-z])(\d+)(?:_(\d+))?$/;

/** Words for an LP name of the plan model, e.g. "production of supply nc-bergerac in 2025-03"; undefined if not one. */
export function describePlanName(net: PlanNetwork, name: string): string | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const kind = planPrefixes.indexOf(m[1] as (typeof planPrefixes)[number]);
  const a = Number(m[2]);
  const t = m[3] === undefined ? undefined : Number(m[3]);
  const month = t === undefined ? "" : ` in ${periodMonth(net.dataset.horizon, t)}`;
  const item = (i: number): string => net.items[i]?.id ?? `#${i}`;
  const pair = (k: number): string => {
    const p = net.pairs[k];
    return p ? `${p.consumer}'s stock of ${item(p.item)}` : `#${k}`;
  };
  switch (kind) {
    case V_PRODUCTION:
      return `production started by supply ${net.supplies[a]?.id ?? `#${a}`}${month}`;
    case V_POOL:
      return `pool stock of ${item(a)} at the end of${month.replace(" in", "")}`;
    case V_DELIVERY:
      return `delivery to demand ${net.dataset.demands[a]?.id ?? `#${a}`}${month}`;
    case V_SHORT:
      return `shortfall of demand ${net.dataset.demands[a]?.id ?? `#${a}`}`;
    case V_STOCK_DELIVERY:
      return `delivery to ${pair(a)}${month}`;
    case V_CONSUMER_STOCK:
      return `${pair(a)} at the end of${month.replace(" in", "")}`;
    case V_UNMET_USAGE:
      return `unmet usage of ${pair(a)}${month}`;
    case V_GAP:
      return `gap of target ${net.dataset.targets[a]?.id ?? `#${a}`}${month}`;
    case R_POOL_BALANCE:
      return `pool balance of ${item(a)}${month}`;
    case R_DEMAND:
      return `delivered plus short of demand ${net.dataset.demands[a]?.id ?? `#${a}`}`;
    case R_CONSUMER_BALANCE:
      return `balance of ${pair(a)}${month}`;
    case R_GAP:
      return `gap of target ${net.dataset.targets[a]?.id ?? `#${a}`}${month}`;
    default:
      return undefined;
  }
}

/**
 * Mean monthly requirement of every item, and the months its pool stock covers: the basis for
 * "stock covers N months" and "hold a stockpile of N months (X units)".
 */
import { POOL } from "../model/schema.js";
import type { SupplyNetwork } from "../network/network.js";

export interface Requirements {
  /** Units per month, by item number. */
  monthly: Float64Array;
  /** Pool stock, by item number. */
  pool: Float64Array;
}

/**
 * Independent requirement of an item: its demands plus, for each target, the gap between the level
 * and the consumer's current holding, spread over the horizon, plus the target's usage per period.
 * Dependent requirement: each parent's requirement times the BOM quantity, added top-down in
 * topological order (so every path counts), which is linear in the BOM lines.
 */
export function requirements(net: SupplyNetwork): Requirements {
  const { dataset } = net;
  const n = net.items.length;
  const periods = dataset.horizon.periods;
  const monthly = new Float64Array(n);
  const pool = new Float64Array(n);
  const holding = new Map<string, number>();
  for (const s of dataset.stocks) {
    const i = net.itemIndex.get(s.item);
    if (i === undefined) continue;
    if (s.holder === POOL) pool[i]! += s.qty;
    else holding.set(`${s.holder}\u0000${s.item}`, (holding.get(`${s.holder}\u0000${s.item}`) ?? 0) + s.qty);
  }
  for (const d of dataset.demands) {
    const i = net.itemIndex.get(d.item);
    if (i !== undefined) monthly[i]! += d.qty / periods;
  }
  for (const t of dataset.targets) {
    const i = net.itemIndex.get(t.item);
    if (i === undefined) continue;
    const gap = Math.max(0, t.level - (holding.get(`${t.consumer}\u0000${t.item}`) ?? 0));
    monthly[i]! += gap / periods + (t.usagePerPeriod ?? 0);
  }
  const { start, target, qty } = net.children;
  for (let k = 0; k < net.order.length; k++) {
    const p = net.order[k]!;
    const r = monthly[p]!;
    if (r === 0) continue;
    for (let e = start[p]!; e < start[p + 1]!; e++) monthly[target[e]!]! += r * qty[e]!;
  }
  return { monthly, pool };
}

/** Months of cover of the pool stock; null when the item has no requirement. */
export function stockMonths(req: Requirements, item: number): number | null {
  const r = req.monthly[item]!;
  return r > 0 ? req.pool[item]! / r : null;
}

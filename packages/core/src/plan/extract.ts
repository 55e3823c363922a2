/** Turning solution values into the plan's lists: production, deliveries, stocks and the state of each demand and target. */
import { periodMonth } from "../month.js";
import { POOL } from "../model/schema.js";
import type { PlanNetwork } from "./network.js";
import type { PlanValues } from "./solution.js";
import type { PlanDelivery, PlanProduction, PlanStock } from "./types.js";

/** Quantities are reported to 6 decimals; solver noise below the tolerance is 0. */
export function roundQty(v: number, tolerance: number): number {
  if (Math.abs(v) < tolerance) return 0;
  return Math.round(v * 1e6) / 1e6;
}

/** Whether a ≥ b within the tolerance relative to b's size. */
export function atLeast(a: number, b: number, tolerance: number): boolean {
  return a >= b - tolerance * Math.max(1, Math.abs(b));
}

export interface DemandSummary {
  onTime: number;
  late: number;
  short: number;
  /** Period of the last delivery; -1 if none. */
  last: number;
  delivered: number;
}

export function summariseDemand(values: PlanValues, d: number): DemandSummary {
  const net = values.model.network;
  const tol = values.model.options.tolerance;
  const qty = net.dataset.demands[d]!.qty;
  const due = net.demandDue[d]!;
  let onTime = 0;
  let late = 0;
  let last = -1;
  for (let t = due; t < values.T; t++) {
    const q = roundQty(values.delivery(d, t), tol);
    if (q <= 0) continue;
    if (t === due) onTime += q;
    else late += q;
    last = t;
  }
  onTime = roundQty(Math.min(onTime, qty), tol);
  late = roundQty(Math.min(late, qty - onTime), tol);
  // What is missing within the solver's tolerance, relative to the order, is not short.
  const short = roundQty(Math.max(0, qty - onTime - late), tol * Math.max(1, qty));
  return { onTime, late, short, last, delivered: onTime + late };
}

export interface TargetSummary {
  met: boolean;
  /** Period; -1 if never. */
  metAt: number;
  gapAtBy: number;
  stockAtBy: number;
  /** Periods late; -1 if never met. */
  late: number;
}

export function summariseTarget(net: PlanNetwork, j: number, stock: Float64Array, tolerance: number): TargetSummary {
  const level = net.dataset.targets[j]!.level;
  const by = net.targetBy[j]!;
  const ok = (t: number): boolean => atLeast(stock[t]!, level, tolerance);
  const stockAtBy = stock[by]!;
  const gapAtBy = roundQty(Math.max(0, level - stockAtBy), tolerance * Math.max(1, level));
  if (ok(by)) {
    let from = by;
    while (from > 0 && ok(from - 1)) from--;
    return { met: true, metAt: from, gapAtBy: 0, stockAtBy, late: 0 };
  }
  for (let t = by + 1; t < stock.length; t++) if (ok(t)) return { met: false, metAt: t, gapAtBy, stockAtBy, late: t - by };
  return { met: false, metAt: -1, gapAtBy, stockAtBy, late: -1 };
}

export function collectProduction(values: PlanValues): PlanProduction[] {
  const net = values.model.network;
  const tol = values.model.options.tolerance;
  const out: PlanProduction[] = [];
  const months = monthsOf(net);
  net.supplies.forEach((s, k) => {
    if (net.supplyFirst[k]! >= values.T) return;
    for (let t = net.supplyFirst[k]!; t < values.T; t++) {
      const q = roundQty(values.production(k, t), tol);
      if (q > 0) out.push({ supply: s.id, item: s.item, site: s.site, period: months[t]!, qty: q });
    }
  });
  return out;
}

/**
 * Deliveries to demands, then to consumer stocks. A delivery to a consumer stock that several
 * targets share is attributed to the target in force: the one with the earliest `by` not before
 * the delivery month, or else the one with the latest `by`.
 */
export function collectDeliveries(values: PlanValues): PlanDelivery[] {
  const net = values.model.network;
  const tol = values.model.options.tolerance;
  const months = monthsOf(net);
  const out: PlanDelivery[] = [];
  net.dataset.demands.forEach((d, k) => {
    for (let t = net.demandDue[k]!; t < values.T; t++) {
      const q = roundQty(values.delivery(k, t), tol);
      if (q > 0) out.push({ demand: d.id, item: d.item, consumer: d.consumer, period: months[t]!, qty: q });
    }
  });
  for (const pair of net.pairs) {
    if (values.model.pairModelled[pair.index] === 0) continue;
    const byOrder = [...pair.targets].sort((a, b) => net.targetBy[a]! - net.targetBy[b]!);
    const item = net.items[pair.item]!.id;
    for (let t = 0; t < values.T; t++) {
      const q = roundQty(values.stockDelivery(pair.index, t), tol);
      if (q <= 0) continue;
      const j = byOrder.find((x) => net.targetBy[x]! >= t) ?? byOrder[byOrder.length - 1]!;
      out.push({ target: net.dataset.targets[j]!.id, item, consumer: pair.consumer, period: months[t]!, qty: q });
    }
  }
  return out;
}

/** Pool stock of every modelled item and each consumer stock, per period. */
export function collectStocks(values: PlanValues): PlanStock[] {
  const net = values.model.network;
  const tol = values.model.options.tolerance;
  const months = monthsOf(net);
  const out: PlanStock[] = [];
  for (let i = 0; i < net.items.length; i++) {
    if (net.needed[i] === 0) continue;
    for (let t = 0; t < values.T; t++)
      out.push({ item: net.items[i]!.id, holder: POOL, period: months[t]!, qty: roundQty(values.pool(i, t), tol) });
  }
  for (const pair of net.pairs) {
    const { stock, unmet } = values.consumerStock(pair.index);
    const item = net.items[pair.item]!.id;
    for (let t = 0; t < values.T; t++) {
      out.push({ item, holder: pair.consumer, period: months[t]!, qty: roundQty(stock[t]!, tol), unmetUsage: roundQty(unmet[t]!, tol) });
    }
  }
  return out;
}

export function monthsOf(net: PlanNetwork): string[] {
  const out: string[] = [];
  for (let t = 0; t < net.periods; t++) out.push(periodMonth(net.dataset.horizon, t));
  return out;
}

/**
 * Chart data for the plan page: cumulative deliveries against the need, month by month. Pure
 * functions of the plan result, so the chart component only draws what these return and never
 * recomputes what the planner decided.
 */
import type { PlanResult, TargetResult } from "@paraat/core";
import { indexToMonth, monthToIndex } from "@paraat/core/shared";

export interface DemandSeries {
  months: string[];
  /** Quantity due up to and including each month. */
  need: number[];
  /** Quantity delivered up to and including each month. */
  delivered: number[];
  /** The demands of the group, with their due months (for marks on the axis). */
  dues: { id: string; due: string; qty: number }[];
}

function horizonMonths(plan: Pick<PlanResult, "horizon">): string[] {
  const first = monthToIndex(plan.horizon.start);
  return Array.from({ length: Math.max(0, plan.horizon.periods) }, (_, i) => indexToMonth(first + i));
}

/** Position of a month on the horizon, clamped: a month before the start counts in the first period. */
function slot(start: number, periods: number, month: string): number {
  return Math.min(periods - 1, Math.max(0, monthToIndex(month) - start));
}

function cumulative(values: number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/** All demands of one consumer for one item: what is due and what is delivered, cumulated. */
export function demandSeries(plan: Pick<PlanResult, "horizon" | "demands" | "deliveries">, consumer: string, item: string): DemandSeries {
  const months = horizonMonths(plan);
  const start = monthToIndex(plan.horizon.start);
  const periods = months.length;
  const due = new Array<number>(periods).fill(0);
  const got = new Array<number>(periods).fill(0);
  const group = plan.demands.filter((d) => d.consumer === consumer && d.item === item);
  const ids = new Set(group.map((d) => d.id));
  for (const d of group) due[slot(start, periods, d.due)]! += d.qty;
  for (const dl of plan.deliveries) {
    if ("demand" in dl && ids.has(dl.demand)) {
      const p = monthToIndex(dl.period) - start;
      if (p >= 0 && p < periods) got[p]! += dl.qty;
    }
  }
  return {
    months,
    need: cumulative(due),
    delivered: cumulative(got),
    dues: group.map((d) => ({ id: d.id, due: d.due, qty: d.qty })).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
  };
}

export interface TargetSeries {
  months: string[];
  /** The consumer's stock at the end of each month, as the planner computed it. */
  stock: number[];
  /** Deliveries into the consumer's stock, cumulated. */
  delivered: number[];
  level: number;
  by: string;
  metAt: string | null;
}

/** A target's stock over time against its level: the planner's own series (TargetResult.stock), so the chart and metAt agree. */
export function targetSeries(
  plan: Pick<PlanResult, "horizon" | "deliveries">,
  target: Pick<TargetResult, "item" | "consumer" | "level" | "by" | "metAt" | "stock">,
): TargetSeries {
  const months = horizonMonths(plan);
  const start = monthToIndex(plan.horizon.start);
  const periods = months.length;
  const inflow = new Array<number>(periods).fill(0);
  for (const dl of plan.deliveries) {
    if ("target" in dl && dl.consumer === target.consumer && dl.item === target.item) {
      const p = monthToIndex(dl.period) - start;
      if (p >= 0 && p < periods) inflow[p]! += dl.qty;
    }
  }
  return { months, stock: target.stock, delivered: cumulative(inflow), level: target.level, by: target.by, metAt: target.metAt };
}

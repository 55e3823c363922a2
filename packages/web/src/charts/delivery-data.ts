/**
 * Chart data for the plan page: cumulative deliveries against the need, month by month. Pure
 * functions of the plan result (and, for a target, the consumer's opening stock and usage), so the
 * chart component only draws what these return.
 */
import type { PlanResult, TargetResult } from "@paraat/core";
import { monthIndex, monthRange } from "../lib/month.js";

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
  return monthRange(plan.horizon.start, plan.horizon.periods);
}

/** Position of a month on the horizon, clamped: a month before the start counts in the first period. */
function slot(start: number, periods: number, month: string): number {
  return Math.min(periods - 1, Math.max(0, monthIndex(month) - start));
}

function cumulative(values: number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/** All demands of one consumer for one item: what is due and what is delivered, cumulated. */
export function demandSeries(plan: Pick<PlanResult, "horizon" | "demands" | "deliveries">, consumer: string, item: string): DemandSeries {
  const months = horizonMonths(plan);
  const start = monthIndex(plan.horizon.start);
  const periods = months.length;
  const due = new Array<number>(periods).fill(0);
  const got = new Array<number>(periods).fill(0);
  const group = plan.demands.filter((d) => d.consumer === consumer && d.item === item);
  const ids = new Set(group.map((d) => d.id));
  for (const d of group) due[slot(start, periods, d.due)]! += d.qty;
  for (const dl of plan.deliveries) {
    if ("demand" in dl && ids.has(dl.demand)) {
      const p = monthIndex(dl.period) - start;
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
  /** The consumer's stock at the end of each month. */
  stock: number[];
  /** Deliveries into the consumer's stock, cumulated. */
  delivered: number[];
  level: number;
  by: string;
  metAt: string | null;
  /** Whether the stock came from the plan (`stocks` option) or was rebuilt from deliveries and usage. */
  source: "plan" | "rebuilt";
}

/**
 * A target's stock over time against its level. When the plan carries stocks it is read from there;
 * otherwise it is rebuilt: each month the stock grows by what is delivered into it and falls by the
 * usage it can cover (never below zero; what it cannot cover is unmet usage), which is how the
 * planning model moves a consumer's stock.
 */
export function targetSeries(
  plan: Pick<PlanResult, "horizon" | "deliveries" | "stocks">,
  target: Pick<TargetResult, "item" | "consumer" | "level" | "by" | "metAt">,
  opening: number,
  usagePerPeriod: number,
): TargetSeries {
  const months = horizonMonths(plan);
  const start = monthIndex(plan.horizon.start);
  const periods = months.length;
  const inflow = new Array<number>(periods).fill(0);
  for (const dl of plan.deliveries) {
    if ("target" in dl && dl.consumer === target.consumer && dl.item === target.item) {
      const p = monthIndex(dl.period) - start;
      if (p >= 0 && p < periods) inflow[p]! += dl.qty;
    }
  }
  const planned = (plan.stocks ?? []).filter((s) => s.holder === target.consumer && s.item === target.item);
  let stock: number[];
  let source: TargetSeries["source"];
  if (planned.length > 0) {
    stock = new Array<number>(periods).fill(0);
    for (const s of planned) {
      const p = monthIndex(s.period) - start;
      if (p >= 0 && p < periods) stock[p] = s.qty;
    }
    source = "plan";
  } else {
    let level = opening;
    stock = inflow.map((q) => (level = Math.max(0, level + q - usagePerPeriod)));
    source = "rebuilt";
  }
  return { months, stock, delivered: cumulative(inflow), level: target.level, by: target.by, metAt: target.metAt, source };
}

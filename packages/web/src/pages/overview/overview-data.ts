/**
 * What the overview lists, computed from the plan and risk results: targets with the month each is
 * met against its date, demands with their status, the top bottlenecks and risks. Pure.
 */
import type { Bottleneck, DemandResult, Finding, PlanResult, TargetResult } from "@paraat/core";

export type TargetStatus = "met" | "late" | "never";

export interface TargetRow {
  id: string;
  item: string;
  consumer: string;
  level: number;
  by: string;
  metAt: string | null;
  monthsLate: number | null;
  gapAtBy: number;
  status: TargetStatus;
}

export function targetStatus(t: Pick<TargetResult, "met" | "metAt">): TargetStatus {
  if (t.met) return "met";
  return t.metAt === null ? "never" : "late";
}

/** Targets worst first: never met, then most months late, then met; ties by date and id. */
export function targetRows(targets: readonly TargetResult[]): TargetRow[] {
  const rank = { never: 0, late: 1, met: 2 } as const;
  return targets
    .map((t) => ({
      id: t.id,
      item: t.item,
      consumer: t.consumer,
      level: t.level,
      by: t.by,
      metAt: t.metAt,
      monthsLate: t.monthsLate,
      gapAtBy: t.gapAtBy,
      status: targetStatus(t),
    }))
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (b.monthsLate ?? 0) - (a.monthsLate ?? 0) ||
        a.by.localeCompare(b.by) ||
        a.id.localeCompare(b.id),
    );
}

export type DemandStatus = "on-time" | "late" | "short";

/** Quantities this small relative to the demand are solver noise, not a delay. */
const TOLERANCE = 1e-6;

/** Short when some is never delivered in the horizon; else late when some comes after the due month. */
export function demandStatus(d: Pick<DemandResult, "qty" | "late" | "short">): DemandStatus {
  const eps = TOLERANCE * Math.max(1, d.qty);
  if (d.short > eps) return "short";
  if (d.late > eps) return "late";
  return "on-time";
}

export interface DemandRow {
  id: string;
  item: string;
  consumer: string;
  qty: number;
  due: string;
  onTime: number;
  late: number;
  short: number;
  lastDelivery: string | null;
  monthsLate: number;
  status: DemandStatus;
}

/** Demands worst first: short, then late (most months first), then on time; ties by due month. */
export function demandRows(demands: readonly DemandResult[]): DemandRow[] {
  const rank = { short: 0, late: 1, "on-time": 2 } as const;
  return demands
    .map((d) => ({
      id: d.id,
      item: d.item,
      consumer: d.consumer,
      qty: d.qty,
      due: d.due,
      onTime: d.onTime,
      late: d.late,
      short: d.short,
      lastDelivery: d.lastDelivery,
      monthsLate: d.monthsLate,
      status: demandStatus(d),
    }))
    .sort(
      (a, b) => rank[a.status] - rank[b.status] || b.monthsLate - a.monthsLate || a.due.localeCompare(b.due) || a.id.localeCompare(b.id),
    );
}

export function statusCounts<S extends string>(rows: readonly { status: S }[]): Partial<Record<S, number>> {
  const out: Partial<Record<S, number>> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** The first n bottlenecks by rank. */
export function topBottlenecks(plan: Pick<PlanResult, "bottlenecks">, n: number): Bottleneck[] {
  return [...plan.bottlenecks].sort((a, b) => a.rank - b.rank).slice(0, n);
}

/** The n findings with the highest score; ties by id so the list is stable. */
export function topRisks(register: readonly Finding[], n: number): Finding[] {
  return [...register].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, n);
}

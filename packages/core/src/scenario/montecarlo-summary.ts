/**
 * What a Monte Carlo batch says (docs/scenarios.md): per target the probability that it is met by its
 * month with a 95% Wilson interval, the distribution of the month it is met, and the events most often
 * present when it is missed; per demand the probability it is delivered in full on time and the
 * expected shortfall. Runs are folded in run order, so the summary is the same however they were computed.
 */
import { monthToIndex, indexToMonth } from "../month.js";

/** What one run's plan says of each target and demand (the fixed fields of the planner's result). */
export interface RunOutcome {
  run: number;
  /** Ids of the events that happened in the run. */
  events: string[];
  targets: { id: string; met: boolean; metAt: string | null }[];
  demands: { id: string; qty: number; onTime: number; short: number }[];
}

export interface TargetProbability {
  id: string;
  /** Share of runs in which the target is met by its month. */
  probability: number;
  /** 95% Wilson score interval of that share. */
  ci: [number, number];
  /** Month by which the target is met in 10%, 50%, 90% of runs; null when fewer runs reach it in the horizon. */
  metAt: { p10: string | null; p50: string | null; p90: string | null };
  /** Events present in the runs that missed it, most frequent first: the share of those runs each was in. */
  causes: { event: string; missShare: number }[];
  /** How many runs met it first in each month (in month order), and never (`month: null`, last): the histogram. */
  distribution: { month: string | null; runs: number }[];
}

export interface DemandProbability {
  id: string;
  /** Share of runs in which the whole quantity is delivered in its due month. */
  onTimeProbability: number;
  /** Mean over the runs of what is not delivered by the horizon's end. */
  expectedShort: number;
}

export interface MonteCarloSummary {
  runs: number;
  seed: number;
  targets: TargetProbability[];
  demands: DemandProbability[];
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** The Wilson score interval of k successes in n trials (Wilson 1927), clamped to [0, 1]. */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The nearest-rank quantile of the months a target is met (never met counts as after every month):
 * the smallest month by which at least q of the runs have met it; null when that is "never".
 */
export function metAtQuantile(months: readonly (string | null)[], q: number): string | null {
  const sorted = months.map((m) => (m === null ? Infinity : monthToIndex(m))).sort((a, b) => a - b);
  const at = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return at === undefined || at === Infinity ? null : indexToMonth(at);
}

export function summarizeRuns(outcomes: readonly RunOutcome[], seed: number, tolerance = 1e-6): MonteCarloSummary {
  const runs = [...outcomes].sort((a, b) => a.run - b.run);
  const n = runs.length;
  const targetIds = runs[0]?.targets.map((t) => t.id) ?? [];
  const demandIds = runs[0]?.demands.map((d) => d.id) ?? [];
  // Looked up by id in every run: a run's lists need not be in the same order.
  const targetRows = (id: string) => runs.map((r) => r.targets.find((t) => t.id === id) ?? { id, met: false, metAt: null });
  const targets = targetIds.map((id): TargetProbability => {
    const rows = targetRows(id);
    const met = rows.filter((t) => t.met).length;
    const missCounts = new Map<string, number>();
    let misses = 0;
    runs.forEach((r, j) => {
      if (rows[j]!.met) return;
      misses++;
      for (const e of r.events) missCounts.set(e, (missCounts.get(e) ?? 0) + 1);
    });
    const months = rows.map((t) => t.metAt);
    const [lo, hi] = wilson(met, n);
    const perMonth = new Map<string | null, number>();
    for (const m of months) perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    const distribution = [...perMonth]
      .map(([month, runs]) => ({ month, runs }))
      .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month.localeCompare(b.month)));
    return {
      id,
      probability: n === 0 ? 0 : round(met / n),
      ci: [round(lo), round(hi)],
      metAt: { p10: metAtQuantile(months, 0.1), p50: metAtQuantile(months, 0.5), p90: metAtQuantile(months, 0.9) },
      causes: [...missCounts]
        .map(([event, c]) => ({ event, missShare: round(c / misses) }))
        .sort((a, b) => b.missShare - a.missShare || a.event.localeCompare(b.event)),
      distribution,
    };
  });
  const demands = demandIds.map((id): DemandProbability => {
    const rows = runs.map((r) => r.demands.find((d) => d.id === id)!);
    const onTime = rows.filter((d) => d.onTime >= d.qty - tolerance * Math.max(1, d.qty)).length;
    const short = rows.reduce((s, d) => s + d.short, 0);
    return { id, onTimeProbability: n === 0 ? 0 : round(onTime / n), expectedShort: n === 0 ? 0 : round(short / n) };
  });
  return { runs: n, seed, targets, demands };
}

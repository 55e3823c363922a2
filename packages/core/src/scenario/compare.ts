/**
 * Scenarios side by side (`paraat scenario compare`): for the base and each scenario, its targets,
 * demands, production cost, autonomy and top bottlenecks, each figure with its difference to the
 * base. The plans and risk analyses are computed elsewhere (the services, as jobs); this only
 * shapes them, so the CLI, the API, the web page and the workbook show the same numbers.
 */
import { monthsBetween } from "../month.js";
import type { Dataset } from "../model/schema.js";
import type { PlanResult } from "../plan/types.js";
import type { RiskResult } from "../risk/types.js";

export interface ScenarioOutcome {
  /** "base" for the dataset as it is. */
  name: string;
  dataset: Dataset;
  plan: PlanResult;
  risk: RiskResult;
}

export interface ComparedTarget {
  id: string;
  met: boolean;
  metAt: string | null;
  gapAtBy: number;
  monthsLate: number | null;
  /** Against the base: months later it is met (negative: earlier; null when met in only one, or not there), extra gap at `by`. */
  diff?: { monthsLater: number | null; gapAtBy: number; metChanged: boolean } | null;
}

export interface ComparedDemand {
  id: string;
  onTime: number;
  late: number;
  short: number;
  diff?: { onTime: number; late: number; short: number } | null;
}

export interface Autonomy {
  /**
   * Share of value from the EU, and from the EU and NATO, over the end items, weighted by the value
   * the demands and targets ask of each (alike when they ask nothing); null without end items.
   */
  eu: number | null;
  euNato: number | null;
  /** Per end item, from the risk engine. */
  items: { id: string; eu: number; euNato: number }[];
}

export interface ComparedBottleneck {
  rank: number;
  supply: string;
  item: string;
  site: string;
  value: number;
}

export interface ComparedScenario {
  name: string;
  targets: ComparedTarget[];
  demands: ComparedDemand[];
  /** Production cost of the plan (EUR): quantity × unit cost over every production. */
  cost: number;
  autonomy: Autonomy;
  /** The top 3. */
  bottlenecks: ComparedBottleneck[];
  diff?: { cost: number; autonomy: { eu: number | null; euNato: number | null } };
}

export interface ScenarioComparison {
  scenarios: ComparedScenario[];
}

const round = (v: number, digits = 6): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function planCost(dataset: Dataset, plan: PlanResult): number {
  const unitCost = new Map(dataset.supply.map((s) => [s.id, s.unitCost]));
  let cost = 0;
  for (const p of plan.production) cost += p.qty * (unitCost.get(p.supply) ?? 0);
  return round(cost, 2);
}

export function autonomyOf(dataset: Dataset, risk: RiskResult): Autonomy {
  const value = new Map(dataset.items.map((i) => [i.id, i.unitValue]));
  const asked = new Map<string, number>();
  for (const d of dataset.demands) asked.set(d.item, (asked.get(d.item) ?? 0) + d.qty * (value.get(d.item) ?? 0));
  for (const t of dataset.targets) asked.set(t.item, (asked.get(t.item) ?? 0) + t.level * (value.get(t.item) ?? 0));
  const items = risk.items.filter((i) => i.kind === "end-item").map((i) => ({ id: i.id, eu: i.autonomy.eu, euNato: i.autonomy.euNato }));
  let w = items.reduce((sum, i) => sum + (asked.get(i.id) ?? 0), 0);
  // Nothing asked of any end item: every end item counts alike.
  const weight = (id: string): number => (w > 0 ? (asked.get(id) ?? 0) : 1);
  if (w === 0) w = items.length;
  const mean = (pick: (i: (typeof items)[number]) => number): number | null =>
    w === 0 ? null : round(items.reduce((sum, i) => sum + weight(i.id) * pick(i), 0) / w);
  return { eu: mean((i) => i.eu), euNato: mean((i) => i.euNato), items };
}

const difference = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : round(a - b));

function shape(o: ScenarioOutcome): ComparedScenario {
  return {
    name: o.name,
    targets: o.plan.targets.map((t) => ({ id: t.id, met: t.met, metAt: t.metAt, gapAtBy: t.gapAtBy, monthsLate: t.monthsLate })),
    demands: o.plan.demands.map((d) => ({ id: d.id, onTime: d.onTime, late: d.late, short: d.short })),
    cost: planCost(o.dataset, o.plan),
    autonomy: autonomyOf(o.dataset, o.risk),
    bottlenecks: o.plan.bottlenecks
      .slice(0, 3)
      .map((b) => ({ rank: b.rank, supply: b.supply, item: b.item, site: b.site, value: b.value })),
  };
}

/** The base first (the outcome named "base", else the first), then the others in the order given, each with its differences. */
export function compareOutcomes(outcomes: readonly ScenarioOutcome[]): ScenarioComparison {
  if (outcomes.length === 0) return { scenarios: [] };
  const at = Math.max(
    0,
    outcomes.findIndex((o) => o.name === "base"),
  );
  const base = shape(outcomes[at]!);
  const targets = new Map(base.targets.map((t) => [t.id, t]));
  const demands = new Map(base.demands.map((d) => [d.id, d]));
  const others = outcomes
    .filter((_, k) => k !== at)
    .map(shape)
    .map((s): ComparedScenario => ({
      ...s,
      targets: s.targets.map((t) => {
        const b = targets.get(t.id);
        if (b === undefined) return { ...t, diff: null };
        const monthsLater = t.metAt !== null && b.metAt !== null ? monthsBetween(b.metAt, t.metAt) : null;
        return { ...t, diff: { monthsLater, gapAtBy: round(t.gapAtBy - b.gapAtBy), metChanged: t.met !== b.met } };
      }),
      demands: s.demands.map((d) => {
        const b = demands.get(d.id);
        if (b === undefined) return { ...d, diff: null };
        return { ...d, diff: { onTime: round(d.onTime - b.onTime), late: round(d.late - b.late), short: round(d.short - b.short) } };
      }),
      diff: {
        cost: round(s.cost - base.cost, 2),
        autonomy: { eu: difference(s.autonomy.eu, base.autonomy.eu), euNato: difference(s.autonomy.euNato, base.autonomy.euNato) },
      },
    }));
  return { scenarios: [base, ...others] };
}

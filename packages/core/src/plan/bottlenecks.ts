/**
 * Bottlenecks: supply options ranked by how much one more unit per month would improve the
 * objective — the sum over the months the option has capacity of the shadow price of its
 * capacity bound (minus the reduced cost of production at its bound). The top ones are solved
 * again with more capacity (their cluster only) to say what it would gain in units and months.
 */
import { writeLp } from "../lp/write.js";
import { periodMonth } from "../month.js";
import type { PlanModel } from "./build.js";
import type { Explainer } from "./explain.js";
import { summariseDemand, summariseTarget, type DemandSummary, type TargetSummary } from "./extract.js";
import { isActiveSupply } from "./network.js";
import { PlanValues, solveGroup, type GroupSolution, type SolverChoice } from "./solution.js";
import type { Bottleneck, CapacityChange, CapacityGain } from "./types.js";
import { itemName } from "../words.js";
import { countMonths, monthRanges, supplyPlace } from "./words.js";

export interface BottleneckRun {
  bottlenecks: Bottleneck[];
  resolves: number;
  /** Re-solves that started from the plan's optimal basis. */
  warmStarts: number;
  solveMs: number;
}

export async function findBottlenecks(
  model: PlanModel,
  values: PlanValues,
  explainer: Explainer,
  choice: SolverChoice,
  before: { demands: DemandSummary[]; targets: TargetSummary[] },
): Promise<BottleneckRun> {
  const net = model.network;
  const T = net.periods;
  const ranked: Bottleneck[] = [];
  for (let s = 0; s < net.supplies.length; s++) {
    if (!isActiveSupply(net, s) || net.needed[net.supplyItem[s]!] === 0) continue;
    const months = monthRanges(net, 0, T - 1, (t) => explainer.binding(s, t));
    if (months.length === 0) continue;
    let value = 0;
    for (let t = 0; t < T; t++) value += values.capacityValue(s, t);
    const i = net.supplyItem[s]!;
    ranked.push({
      rank: 0,
      supply: net.supplies[s]!.id,
      item: net.items[i]!.id,
      itemName: itemName(net, i),
      ...supplyPlace(net, s),
      value,
      months,
      bindingMonths: countMonths(months),
    });
  }
  // Without duals, the months fully used are all there is to rank by.
  ranked.sort((a, b) => b.value - a.value || b.bindingMonths - a.bindingMonths || a.supply.localeCompare(b.supply));
  const top = ranked.slice(0, model.options.bottlenecks);
  top.forEach((b, k) => (b.rank = k + 1));

  let resolves = 0;
  let warmStarts = 0;
  let solveMs = 0;
  const supplyIndex = new Map(net.supplies.map((s, k) => [s.id, k]));
  const queue: (() => Promise<void>)[] = [];
  for (const b of top.slice(0, model.options.resolveTop)) {
    const s = supplyIndex.get(b.supply)!;
    const g = model.itemGroup[net.supplyItem[s]!]!;
    const lp = model.groups[g]!.model;
    const warm = values.solutions[g]!.basis !== undefined;
    if (!warm && lp.nonzeroCount > model.options.resolveMaxNonzeros) {
      b.gainSkipped = `not re-solved: its cluster's LP has ${lp.nonzeroCount} non-zeros, more than resolveMaxNonzeros (${model.options.resolveMaxNonzeros}), and the solver cannot start from the plan's basis`;
      continue;
    }
    queue.push(async () => {
      const run = await resolveWithMoreCapacity(model, values, s, choice);
      resolves++;
      if (warm) warmStarts++;
      solveMs += run.solution.solveMs;
      b.gain = gainOf(model, values, run.values, run.group, before);
    });
  }
  // Re-solves are independent: run up to parallelSolves at once (a native solver is a separate process).
  const workers = Array.from({ length: Math.min(model.options.parallelSolves, queue.length) }, async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  });
  await Promise.all(workers);
  return { bottlenecks: top, resolves, warmStarts, solveMs };
}

async function resolveWithMoreCapacity(
  model: PlanModel,
  values: PlanValues,
  s: number,
  choice: SolverChoice,
): Promise<{ solution: GroupSolution; values: PlanValues; group: number }> {
  const net = model.network;
  const T = net.periods;
  const g = model.itemGroup[net.supplyItem[s]!]!;
  const lp = model.groups[g]!.model;
  const factor = 1 + model.options.capacityIncrease;
  const changed: [number, number][] = [];
  for (let t = 0; t < T; t++) {
    const j = model.xVar[s * T + t]!;
    if (j < 0) continue;
    changed.push([j, lp.upper(j)]);
    lp.setUpper(j, lp.upper(j) * factor);
  }
  let text: string;
  try {
    text = writeLp(lp);
  } finally {
    for (const [j, up] of changed) lp.setUpper(j, up);
  }
  // Only bounds change, so the plan's optimal basis stays dual feasible: a warm start where the backend can.
  const basis = values.solutions[g]!.basis;
  const what = `The re-solve with more capacity of ${net.supplies[s]!.id}`;
  // The gain is read from the values alone: no duals (CBC then prints a third of the solution file).
  const solution = await solveGroup(model, model.groups[g]!, choice, what, text, {
    duals: false,
    ...(basis === undefined ? {} : { basis }),
  });
  const solutions = [...values.solutions];
  solutions[g] = solution;
  return { solution, values: new PlanValues(model, solutions), group: g };
}

function gainOf(
  model: PlanModel,
  beforeValues: PlanValues,
  after: PlanValues,
  group: number,
  before: { demands: DemandSummary[]; targets: TargetSummary[] },
): CapacityGain {
  const net = model.network;
  const T = net.periods;
  const tol = model.options.tolerance;
  const month = (t: number): string | null => (t < 0 ? null : periodMonth(net.dataset.horizon, t));
  const changes: CapacityChange[] = [];
  let units = 0;
  let onTimeUnits = 0;
  for (let d = 0; d < net.demandItem.length; d++) {
    if (model.itemGroup[net.demandItem[d]!] !== group) continue;
    const b = before.demands[d]!;
    const a = summariseDemand(after, d);
    units += a.delivered - b.delivered;
    onTimeUnits += a.onTime - b.onTime;
    // Completion month: the last delivery when all is delivered.
    const done = (x: DemandSummary): number => (x.short > 0 ? -1 : x.last);
    const bd = done(b);
    const ad = done(a);
    const extra = a.delivered - b.delivered;
    if (bd !== ad || Math.abs(extra) > tol * Math.max(1, net.dataset.demands[d]!.qty)) {
      changes.push({
        demand: net.dataset.demands[d]!.id,
        before: month(bd),
        after: month(ad),
        monthsEarlier: bd >= 0 && ad >= 0 ? bd - ad : null,
        units: round6(extra),
      });
    }
  }
  for (const pair of net.pairs) {
    if (model.itemGroup[pair.item] !== group || model.pairModelled[pair.index] === 0) continue;
    for (let t = 0; t < T; t++) units += after.stockDelivery(pair.index, t) - beforeValues.stockDelivery(pair.index, t);
    const stock = after.consumerStock(pair.index).stock;
    for (const j of pair.targets) {
      const b = before.targets[j]!;
      const a = summariseTarget(net, j, stock, tol);
      const extra = a.stockAtBy - b.stockAtBy;
      if (a.metAt !== b.metAt || Math.abs(extra) > tol * Math.max(1, net.dataset.targets[j]!.level)) {
        changes.push({
          target: net.dataset.targets[j]!.id,
          before: month(b.metAt),
          after: month(a.metAt),
          monthsEarlier: b.metAt >= 0 && a.metAt >= 0 ? b.metAt - a.metAt : null,
          units: round6(extra),
        });
      }
    }
  }
  changes.sort((x, y) => (y.monthsEarlier ?? 0) - (x.monthsEarlier ?? 0) || y.units - x.units);
  return {
    capacityIncrease: model.options.capacityIncrease,
    objectiveBefore: beforeValues.objective,
    objectiveAfter: after.objective,
    units: round6(units),
    onTimeUnits: round6(onTimeUnits),
    changes,
  };
}

function round6(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return Math.abs(r) < 1e-6 ? 0 : r;
}

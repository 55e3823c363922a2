/**
 * planDataset: build the LP, solve it cluster block by cluster block with the injected solver,
 * and turn the optimum into the plan — production, deliveries, the state of every demand and
 * target with an explanation when it misses its month, and the bottlenecks.
 */
import { horizonEnd } from "../month.js";
import type { Dataset } from "../model/schema.js";
import { buildPlanModel, planModelSize, type PlanModel } from "./build.js";
import { findBottlenecks } from "./bottlenecks.js";
import { Explainer } from "./explain.js";
import { collectDeliveries, collectProduction, collectStocks, summariseDemand, summariseTarget, type TargetSummary } from "./extract.js";
import { planClock, type PlanContext, type PlanOptions } from "./options.js";
import { PlanValues, solveGroup, type GroupSolution, type SolverChoice } from "./solution.js";
import type { DemandResult, PlanResult, TargetResult } from "./types.js";
import { periodMonth } from "../month.js";

export async function planDataset(
  dataset: Dataset,
  options: PlanOptions,
  solver: SolverChoice,
  context?: PlanContext,
): Promise<PlanResult> {
  return await solvePlanModel(buildPlanModel(dataset, options, context), solver, context);
}

/** Solves a model built by buildPlanModel (e.g. after exporting it) and reads the plan from it. */
export async function solvePlanModel(model: PlanModel, solver: SolverChoice, context?: PlanContext): Promise<PlanResult> {
  const clock = planClock(context);
  const net = model.network;
  const opts = model.options;
  const solutions: GroupSolution[] = [];
  for (const group of model.groups) {
    // Keep the optimal basis of a block that a bottleneck re-solve may start from.
    solutions.push(await solveGroup(model, group, solver, "The plan", undefined, { keepBasis: opts.resolveTop > 0 }));
  }
  const values = new PlanValues(model, solutions);

  const explainStarted = clock();
  const explainer = new Explainer(model, values);
  const month = (t: number): string | null => (t < 0 ? null : periodMonth(net.dataset.horizon, t));
  const demandSummaries = net.dataset.demands.map((_, d) => summariseDemand(values, d));
  const demands: DemandResult[] = net.dataset.demands.map((d, k) => {
    const s = demandSummaries[k]!;
    return {
      id: d.id,
      item: d.item,
      consumer: d.consumer,
      qty: d.qty,
      due: d.due,
      priority: net.demandPriority[k]!,
      onTime: s.onTime,
      late: s.late,
      short: s.short,
      lastDelivery: month(s.last),
      monthsLate: s.late > 0 ? s.last - net.demandDue[k]! : 0,
      explanation: explainer.explainDemand(k, s),
    };
  });
  const targetSummaries: TargetSummary[] = [];
  const targets: TargetResult[] = new Array<TargetResult>(net.dataset.targets.length);
  for (const pair of net.pairs) {
    const { stock, unmet } = values.consumerStock(pair.index);
    let unmetTotal = 0;
    for (const u of unmet) unmetTotal += u;
    const series = Array.from(stock, (v) => Math.round(v * 1e6) / 1e6);
    for (const j of pair.targets) {
      const t = net.dataset.targets[j]!;
      const s = summariseTarget(net, j, stock, opts.tolerance);
      targetSummaries[j] = s;
      targets[j] = {
        id: t.id,
        item: t.item,
        consumer: t.consumer,
        level: t.level,
        by: t.by,
        met: s.met,
        metAt: month(s.metAt),
        gapAtBy: s.gapAtBy,
        monthsLate: s.late < 0 ? null : s.late,
        unmetUsage: Math.round(unmetTotal * 1e6) / 1e6,
        stock: series,
        explanation: explainer.explainTarget(j, s, unmet),
      };
    }
  }
  let explainMs = clock() - explainStarted;

  const run = await findBottlenecks(model, values, explainer, solver, { demands: demandSummaries, targets: targetSummaries });
  // The bases were only for the re-solves (on `large` they are tens of megabytes).
  for (const s of solutions) delete s.basis;
  const size = planModelSize(model);
  const backends = [...new Set(solutions.map((s) => s.backend).filter((b) => b !== "none"))];
  const production = collectProduction(values);
  const deliveries = collectDeliveries(values);
  const collectStarted = clock();
  const stocks = opts.stocks ? collectStocks(values) : undefined;
  explainMs += clock() - collectStarted;

  return {
    status: "optimal",
    objective: values.objective,
    horizon: { start: net.dataset.horizon.start, periods: net.periods, end: horizonEnd(net.dataset.horizon) },
    production,
    deliveries,
    ...(stocks === undefined ? {} : { stocks }),
    demands,
    targets,
    bottlenecks: run.bottlenecks,
    ties: {
      applied: opts.breakTies,
      rule: opts.ties,
      supplies: [...opts.tieOrder.supplies],
      targets: [...opts.tieOrder.targets],
      objectiveScale: model.objectiveScale,
    },
    solver: {
      backend: backends.length > 0 ? backends.join("+") : "none",
      solveMs: solutions.reduce((sum, s) => sum + s.solveMs, 0) + run.solveMs,
      buildMs: model.buildMs,
      explainMs,
      ...size,
      clusters: net.clusterCount,
      solves: solutions.filter((s) => s.backend !== "none").length,
      resolves: run.resolves,
      warmStarts: run.warmStarts,
      duals: values.hasDuals,
    },
    weights: { ...opts.weights, cost: model.costWeight, holdingPerMonth: model.holdingWeight },
  };
}

/**
 * The scenario runs as plain functions of plain data (see plan-run.ts): compare, a chunk of a
 * Monte Carlo batch, time to survive. Each plans with the same planner as a plan job, so a
 * worker thread or a queue worker computes exactly what the server would.
 */
import {
  buildPlanModel,
  compareScenarios,
  planRuns,
  solvePlanModel,
  timeToSurvive,
  type Dataset,
  type NodeSurvival,
  type PlanContext,
  type PlanOptions,
  type PlanResult,
  type RiskEvent,
  type RunOutcome,
  type Scenario,
  type ScenarioComparison,
  type SolverChoice,
} from "@paraat/core";
import type { Progress } from "./progress.js";

const clock: PlanContext = { clock: () => performance.now() };

/** Plans one dataset with the given options: no progress of its own (the run reports per plan). */
function planner(solver: SolverChoice, options: PlanOptions): (dataset: Dataset) => Promise<PlanResult> {
  return (dataset) => solvePlanModel(buildPlanModel(dataset, options, clock), solver, clock);
}

/** A run of many plans reads only targets and demands: no bottlenecks, no re-solves. */
const outcomesOnly: PlanOptions = { bottlenecks: 0, resolveTop: 0 };

export interface CompareRunInput {
  dataset: Dataset;
  scenarios: Scenario[];
  options: PlanOptions;
}

export function runCompare(input: CompareRunInput, progress: Progress, solver: SolverChoice): Promise<ScenarioComparison> {
  return compareScenarios(input.dataset, input.scenarios, planner(solver, input.options), (done, total, what) =>
    progress(done / total, what),
  );
}

export interface MonteCarloChunkInput {
  /** The base of the batch (the dataset, or a scenario applied to it). */
  dataset: Dataset;
  events: RiskEvent[];
  seed: number;
  /** Run numbers of this chunk. */
  runs: number[];
  options: PlanOptions;
}

export function runMonteCarloChunk(input: MonteCarloChunkInput, progress: Progress, solver: SolverChoice): Promise<RunOutcome[]> {
  return planRuns(
    input.dataset,
    input.events,
    input.seed,
    input.runs,
    planner(solver, { ...input.options, ...outcomesOnly }),
    (done, total) => progress(done / total, `${done} of ${total} runs`),
  );
}

export interface SurviveRunInput {
  dataset: Dataset;
  from: string;
  node?: string;
  options: PlanOptions;
}

export function runSurvive(input: SurviveRunInput, progress: Progress, solver: SolverChoice): Promise<NodeSurvival[]> {
  progress(0, "planning the base and each outage");
  return timeToSurvive(input.dataset, planner(solver, { ...input.options, ...outcomesOnly }), {
    from: input.from,
    ...(input.node === undefined ? {} : { node: input.node }),
  });
}

/**
 * The runs there are, by kind, each a plain function of plain data: what a worker thread (or a
 * queue worker) can be asked to do.
 */
import type { NodeSurvival, PlanResult, RiskResult, RunOutcome, ScenarioComparison, SolverChoice } from "@paraat/core";
import { defaultSolver, runPlan, type PlanRunInput } from "./plan-run.js";
import type { Progress } from "./progress.js";
import { runRisk, type RiskRunInput } from "./risk-run.js";
import {
  runCompare,
  runMonteCarloChunk,
  runSurvive,
  type CompareRunInput,
  type MonteCarloChunkInput,
  type SurviveRunInput,
} from "./scenario-runs.js";

export interface RunKinds {
  plan: { input: PlanRunInput; output: PlanResult };
  risk: { input: RiskRunInput; output: RiskResult };
  compare: { input: CompareRunInput; output: ScenarioComparison };
  montecarlo: { input: MonteCarloChunkInput; output: RunOutcome[] };
  survive: { input: SurviveRunInput; output: NodeSurvival[] };
}
export type RunKind = keyof RunKinds;
export type RunInput<K extends RunKind> = RunKinds[K]["input"];
export type RunOutput<K extends RunKind> = RunKinds[K]["output"];

export type RunFunctions = { [K in RunKind]: (input: RunInput<K>, progress: Progress) => Promise<RunOutput<K>> };

/** The run functions, plans solved with `solver`. */
export function runFunctions(solver: SolverChoice = defaultSolver): RunFunctions {
  return {
    plan: (input, progress) => runPlan(input, progress, solver),
    risk: runRisk,
    compare: (input, progress) => runCompare(input, progress, solver),
    montecarlo: (input, progress) => runMonteCarloChunk(input, progress, solver),
    survive: (input, progress) => runSurvive(input, progress, solver),
  };
}

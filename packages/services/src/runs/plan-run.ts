/**
 * The work of a plan job as one plain function: a dataset and options in, the PlanResult out,
 * progress along the way. It needs no store and no services, so a worker thread (and later a
 * queue worker on another machine) calls exactly this.
 */
import {
  buildPlanModel,
  solvePlanModel,
  type Dataset,
  type PlanContext,
  type PlanOptions,
  type PlanResult,
  type SolverChoice,
} from "@paraat/core";
import { chooseSolver } from "@paraat/solver";
import { GROUPS_FROM, reportingSolver } from "./plan-progress.js";
import type { Progress } from "./progress.js";

export interface PlanRunInput {
  dataset: Dataset;
  options: PlanOptions;
}

/** The solver a run uses unless told otherwise: chosen by model size (HiGHS in-process, CBC for large models). */
export const defaultSolver: SolverChoice = (size) => chooseSolver(size);

/** Core reads no clock; the services time the build, explanations and collection. */
const clock: PlanContext = { clock: () => performance.now() };

export async function runPlan(input: PlanRunInput, progress: Progress, solver: SolverChoice = defaultSolver): Promise<PlanResult> {
  progress(0, "building the planning model");
  const model = buildPlanModel(input.dataset, input.options, clock);
  const groups = model.groups.filter((g) => g.model.variableCount > 0).length;
  progress(GROUPS_FROM, `model built: ${groups} cluster groups to solve`);
  const result = await solvePlanModel(model, reportingSolver(model, solver, progress), clock);
  progress(1, "plan ready");
  return result;
}

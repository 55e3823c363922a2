/** Plans a dataset with HiGHS for a test and fails the test if the independent checker finds anything wrong. */
import { highsSolver } from "@paraat/solver";
import type { LpSolver } from "../../lp/solver.js";
import type { Dataset } from "../../model/schema.js";
import type { PlanOptions } from "../options.js";
import { planDataset } from "../plan.js";
import type { PlanResult } from "../types.js";
import { checkPlan } from "./check-plan.js";

let shared: LpSolver | undefined;

export function testSolver(): LpSolver {
  shared ??= highsSolver();
  return shared;
}

export async function planAndCheck(dataset: Dataset, options: PlanOptions = {}, solver: LpSolver = testSolver()): Promise<PlanResult> {
  const result = await planDataset(dataset, { stocks: true, ...options }, solver);
  const problems = checkPlan(dataset, result);
  if (problems.length > 0) throw new Error(`the plan fails the checker:\n${problems.join("\n")}`);
  return result;
}

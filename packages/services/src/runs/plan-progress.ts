/**
 * Progress of a plan from the solves it makes, without reaching into the planner: the planner
 * solves each non-empty cluster group once, in order, then explains the plan, then re-solves
 * the top bottlenecks. Wrapping the solver choice sees each of those steps begin and end.
 */
import type { LpSolver, PlanModel, SolverChoice } from "@paraat/core";
import type { Progress } from "./progress.js";

/** Where the steps sit in the plan's 0…1 (building the model takes the part before GROUPS_FROM). */
export const GROUPS_FROM = 0.1;
const GROUPS_TO = 0.65;
const EXPLAINING = 0.7;
const RESOLVES_FROM = 0.8;
const RESOLVES_TO = 0.98;

export function reportingSolver(model: PlanModel, choice: SolverChoice, progress: Progress): SolverChoice {
  const groups = model.groups.filter((g) => g.model.variableCount > 0).length;
  const options = model.options;
  // At most this many re-solves (fewer when there are fewer bottlenecks or a cluster is too big).
  const resolves = Math.min(options.resolveTop, options.bottlenecks);
  let started = 0;
  let groupsDone = 0;
  let resolvesDone = 0;
  const wrap = (solver: LpSolver): LpSolver => ({
    name: solver.name,
    async solve(lp, solveOptions) {
      const isGroup = ++started <= groups;
      if (!isGroup && started === groups + 1)
        progress(RESOLVES_FROM, `plan explained; re-solving up to ${resolves} bottlenecks with more capacity`);
      const solution = await solver.solve(lp, solveOptions);
      if (isGroup) {
        groupsDone++;
        progress(GROUPS_FROM + ((GROUPS_TO - GROUPS_FROM) * groupsDone) / groups, `solved cluster group ${groupsDone} of ${groups}`);
        if (groupsDone === groups) progress(EXPLAINING, "explaining the plan");
      } else {
        resolvesDone++;
        progress(
          RESOLVES_FROM + ((RESOLVES_TO - RESOLVES_FROM) * Math.min(resolvesDone, resolves)) / Math.max(1, resolves),
          `re-solved bottleneck ${resolvesDone} of at most ${resolves}`,
        );
      }
      return solution;
    },
  });
  return async (size) => wrap(typeof choice === "function" ? await choice(size) : choice);
}

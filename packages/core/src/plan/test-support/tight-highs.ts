/**
 * HiGHS with feasibility tolerances of 1e-9 instead of its default 1e-7, through the backend's
 * own injection point. With the defaults its optimum can differ from GLPK's by a few 1e-6
 * relative on plans whose objective is mostly the small cost and holding terms (measured on
 * generated networks); the cross-check of the two solvers needs the tighter setting.
 */
import { highsSolver, loadHighsInstance, type HighsInstance } from "@paraat/solver";
import type { LpSolver } from "../../lp/solver.js";

export const tightTolerances = { primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 };

export function tightHighsSolver(): LpSolver {
  return highsSolver({
    loadInstance: async (): Promise<HighsInstance> => {
      const h = await loadHighsInstance();
      return {
        solve: (lp, options) => h.solve(lp, { ...options, ...tightTolerances }),
        get memoryBytes() {
          return h.memoryBytes;
        },
      };
    },
  });
}

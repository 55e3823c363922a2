/**
 * The contract between the planning model and the solvers. A model is handed over as text in
 * CPLEX LP format (the same text `--export-lp` writes), so every backend solves exactly the
 * model a user can inspect and re-solve elsewhere.
 */
export type LpStatus = "optimal" | "infeasible" | "unbounded" | "time-limit" | "error";

export interface LpSolution {
  status: LpStatus;
  /** Objective value as the backend reports it for the model (including any constant term). */
  objective: number;
  /** Primal value per variable name; variables a backend omits are 0. */
  primal: Map<string, number>;
  /**
   * Dual value (shadow price) per constraint name, normalised across backends to
   * d(objective)/d(rhs) for a minimisation. Empty when the backend cannot report duals.
   */
  duals: Map<string, number>;
  /** Which backend solved it, e.g. "highs-wasm", "cbc", "glpsol", "glpk-js". */
  backend: string;
  /** Wall-clock solve time in milliseconds, as measured around the backend call. */
  solveMs: number;
  /** Backend's own message, for errors. */
  message?: string;
}

export interface LpSolveOptions {
  /** Seconds before the backend gives up. */
  timeLimit?: number;
  /** Ask for duals (costs time on some backends). Default true. */
  duals?: boolean;
}

export interface LpSolver {
  readonly name: string;
  solve(lp: string, options?: LpSolveOptions): Promise<LpSolution>;
}

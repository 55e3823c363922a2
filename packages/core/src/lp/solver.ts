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
  /** The optimal basis, when asked for with `keepBasis` and the backend can give one. */
  basis?: LpBasis;
}

/**
 * A simplex basis in a backend's own format. A re-solve of the same model with changed bounds
 * starts from it (a warm start: a few dual simplex iterations instead of a solve from scratch).
 */
export interface LpBasis {
  /** The backend and file format, e.g. "cbc:mps-basis"; a backend ignores a basis of another format. */
  format: string;
  text: string;
}

export interface LpSolveOptions {
  /** Seconds before the backend gives up. */
  timeLimit?: number;
  /** Ask for duals (costs time on some backends). Default true. */
  duals?: boolean;
  /**
   * Dual feasibility tolerance: reduced costs within it count as zero, so objective terms smaller
   * than it are in effect ignored. Backends that expose it (HiGHS, CBC) use it; their default is 1e-7.
   */
  dualTolerance?: number;
  /** Return the optimal basis (LpSolution.basis) when the backend can. Default false. */
  keepBasis?: boolean;
  /** Start from this basis of the same model (same variables and rows) when the backend can. */
  basis?: LpBasis;
}

export interface LpSolver {
  readonly name: string;
  solve(lp: string, options?: LpSolveOptions): Promise<LpSolution>;
}

/**
 * Picks the backend for a model, as modelling layers such as PuLP and Pyomo do: the model is the
 * same LP text whichever solves it. HiGHS in-process for small models (no process start, no
 * files); a native solver, when installed, for larger ones, where it is several times faster
 * than HiGHS compiled to WebAssembly; and above what the 2 GB WebAssembly heap holds, a native
 * solver or a clear error saying how to install one. The thresholds come from
 * `npm run bench -- solver` (see the README for the measured table).
 */
import { ParaatError } from "@paraat/core";
import type { LpSolver } from "@paraat/core";
import { glpkJsSolver } from "./glpk-js.js";
import { highsSolver, nativeSolverHint } from "./highs.js";
import { cbcSolver } from "./native/cbc.js";
import { glpsolSolver } from "./native/glpsol.js";

export type SolverPreference = "auto" | "highs" | "cbc" | "glpsol" | "glpk-js";

export interface ModelSize {
  variables: number;
  constraints: number;
  /** Non-zeros of the constraint matrix; estimated from the other two when absent. */
  nonzeros?: number;
}

export interface ChooseSolverOptions extends ModelSize {
  prefer?: SolverPreference;
  /** Where PATH, PARAAT_CBC and PARAAT_GLPSOL are read; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Above this many non-zeros a native solver, when installed, is faster than HiGHS-WASM. */
export const nativeFasterFromNonzeros = 10_000;
/** Above this many non-zeros HiGHS-WASM is expected to exhaust its 2 GB heap (or take too long). */
export const highsWasmMaxNonzeros = 1_500_000;

/** The planner's rows average about 2.7 non-zeros per variable; used when nonzeros is not given. */
export function estimatedNonzeros(size: ModelSize): number {
  return size.nonzeros ?? Math.round(2.7 * Math.max(size.variables, size.constraints));
}

/** Async so that a later backend may probe its executable without changing callers. */
export function chooseSolver(options: ChooseSolverOptions): Promise<LpSolver> {
  // A throw inside the executor becomes the rejection.
  return new Promise((resolve) => resolve(pickSolver(options)));
}

function pickSolver(options: ChooseSolverOptions): LpSolver {
  const prefer = options.prefer ?? "auto";
  const env = options.env ?? process.env;
  if (prefer === "highs") return highsSolver();
  if (prefer === "glpk-js") return glpkJsSolver();
  const cbc = cbcSolver(env);
  const glpsol = glpsolSolver(env);
  if (prefer === "cbc" || prefer === "glpsol") {
    const wanted = prefer === "cbc" ? cbc : glpsol;
    if (wanted.isAvailable()) return wanted;
    const pkg = prefer === "cbc" ? "coinor-cbc" : "glpk-utils";
    const envVar = prefer === "cbc" ? "PARAAT_CBC" : "PARAAT_GLPSOL";
    throw new ParaatError(
      "SOLVER_FAILED",
      `The ${prefer} solver was asked for but is not installed: \`apt-get install ${pkg}\`, or set ${envVar}.`,
      {
        details: { prefer },
      },
    );
  }
  const nonzeros = estimatedNonzeros(options);
  if (nonzeros <= nativeFasterFromNonzeros) return highsSolver();
  // CBC (CLP's dual simplex) is far faster than glpsol on time-phased plans; glpsol is the
  // fallback only when HiGHS-WASM cannot hold the model.
  if (cbc.isAvailable()) return cbc;
  if (nonzeros <= highsWasmMaxNonzeros) return highsSolver();
  if (glpsol.isAvailable()) return glpsol;
  throw new ParaatError(
    "SOLVER_FAILED",
    `The model (${options.variables} variables, ${options.constraints} constraints, ~${nonzeros} non-zeros) is too large for the ` +
      `in-process solver (HiGHS WebAssembly, heap limited to 2 GB). ${nativeSolverHint}`,
    { details: { variables: options.variables, constraints: options.constraints, nonzeros } },
  );
}

export { highsSolver, loadHighsInstance, nativeSolverHint, type HighsSolverOptions, type HighsInstance } from "./highs.js";
export { cbcSolver } from "./native/cbc.js";
export { glpsolSolver } from "./native/glpsol.js";
export type { NativeLpSolver, NativeLpSolution } from "./native/native-solver.js";
export { glpkJsSolver } from "./glpk-js.js";
export {
  chooseSolver,
  estimatedNonzeros,
  highsWasmMaxNonzeros,
  nativeFasterFromNonzeros,
  type ChooseSolverOptions,
  type ModelSize,
  type SolverPreference,
} from "./choose.js";
export { parseLp } from "./lp-text/parse-lp.js";
export { writeLp } from "./lp-text/write-lp.js";
export type { LinearProgram, LinearRow, LinearTerm, ColumnBounds, RowSense } from "./lp-text/program.js";

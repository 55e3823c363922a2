/**
 * HiGHS compiled to WebAssembly (the `highs` package), solving in-process.
 *
 * Two known limits shape this backend: one module instance fails after thousands of solves,
 * and its heap stops at 2 GB (a WebAssembly memory never shrinks, either). So the compiled
 * module is cached, but a fresh instance (≈50–80 ms CPU) is loaded after a number of solves, after
 * any solve that grew the heap past a threshold, and always after a throw. An abort (the heap
 * is full) becomes a SOLVER_FAILED error that names the native solvers to install.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { ParaatError } from "@paraat/core";
import type { LpSolution, LpSolveOptions, LpSolver, LpStatus } from "@paraat/core";
import * as highsPackage from "highs";
import type { Highs, InitOptions } from "highs";
import { parseLp } from "./lp-text/parse-lp.js";

export interface HighsSolverOptions {
  /** Solves on one module instance before a fresh one is loaded. Default 200. */
  solvesPerInstance?: number;
  /** A fresh instance is loaded after a solve leaves the heap larger than this. Default 256 MiB. */
  maxRetainedHeapBytes?: number;
  /** Loads a module instance; tests replace it to simulate an abort. */
  loadInstance?: () => Promise<HighsInstance>;
}

/** The part of a HiGHS module instance this backend uses. */
export type HighsInstance = Pick<Highs, "solve" | "memoryBytes">;

export const nativeSolverHint =
  "Install a native LP solver, which the planner then uses automatically: `apt-get install coinor-cbc` (CBC) or " +
  "`apt-get install glpk-utils` (glpsol); or point PARAAT_CBC / PARAAT_GLPSOL at the executable.";

/** The package's types are CommonJS-shaped; its ESM build, which Node loads here, exports the loader as `default`. */
const loadHighs = (highsPackage as unknown as { default: (options?: InitOptions) => Promise<Highs> }).default;
type WasmModule = InitOptions["wasmModule"];
/** Node's WebAssembly global; the project's type libraries (ES2023, no DOM) do not declare it. */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

let compiled: Promise<WasmModule> | undefined;

/** The compiled module is immutable and shared; only instances hold state. */
function compiledModule(): Promise<WasmModule> {
  compiled ??= (async () => {
    const path = createRequire(import.meta.url).resolve("highs/runtime");
    return await wasm.compile(await readFile(path));
  })();
  return compiled;
}

/** Loads a fresh HiGHS module instance, with its own heap, from the shared compiled module. */
export async function loadHighsInstance(): Promise<Highs> {
  return await loadHighs({ wasmModule: await compiledModule() });
}

const statusOf: Record<string, LpStatus> = {
  Optimal: "optimal",
  Infeasible: "infeasible",
  Unbounded: "unbounded",
  "Time limit reached": "time-limit",
};

/** HiGHS reports "Empty" for a model without rows and columns; its objective is then the constant. */
function emptyObjective(lp: string): number {
  return parseLp(lp).objectiveConstant;
}

function isReadError(message: string): boolean {
  return /Unable to read LP model/i.test(message);
}

export function highsSolver(options: HighsSolverOptions = {}): LpSolver {
  const solvesPerInstance = options.solvesPerInstance ?? 200;
  const maxRetainedHeapBytes = options.maxRetainedHeapBytes ?? 256 * 1024 * 1024;
  const load = options.loadInstance ?? loadHighsInstance;
  let instance: Promise<HighsInstance> | undefined;
  let solves = 0;

  const acquire = (): Promise<HighsInstance> => {
    if (instance === undefined || solves >= solvesPerInstance) {
      instance = load();
      solves = 0;
    }
    solves++;
    return instance;
  };

  return {
    name: "highs-wasm",
    async solve(lp: string, opts: LpSolveOptions = {}): Promise<LpSolution> {
      const started = performance.now();
      const highs = await acquire();
      const highsOptions = {
        output_flag: false,
        ...(opts.timeLimit === undefined ? {} : { time_limit: opts.timeLimit }),
        ...(opts.dualTolerance === undefined ? {} : { dual_feasibility_tolerance: opts.dualTolerance }),
      };
      let raw: ReturnType<Highs["solve"]>;
      try {
        raw = highs.solve(lp, highsOptions);
        // Presolve may stop at "infeasible or unbounded"; the simplex without presolve decides.
        if (raw.Status === "Primal infeasible or unbounded") raw = highs.solve(lp, { ...highsOptions, presolve: "off" });
      } catch (e) {
        instance = undefined; // never reuse an instance that threw
        const message = e instanceof Error ? e.message : String(e);
        const solveMs = performance.now() - started;
        if (isReadError(message)) {
          return { status: "error", objective: NaN, primal: new Map(), duals: new Map(), backend: "highs-wasm", solveMs, message };
        }
        throw new ParaatError(
          "SOLVER_FAILED",
          `The model is too large for the in-process solver (HiGHS WebAssembly, heap limited to 2 GB): it aborted. ${nativeSolverHint}`,
          { details: { backend: "highs-wasm", message }, cause: e },
        );
      }
      if (highs.memoryBytes > maxRetainedHeapBytes) instance = undefined;
      const solveMs = performance.now() - started;
      const base = { backend: "highs-wasm", solveMs };
      if (raw.Status === "Empty") {
        return { ...base, status: "optimal", objective: emptyObjective(lp), primal: new Map(), duals: new Map() };
      }
      const status = statusOf[raw.Status] ?? "error";
      const primal = new Map<string, number>();
      const duals = new Map<string, number>();
      if (status === "optimal" || status === "time-limit") {
        // The result type is a union over LP, MIP and infeasible shapes; for an LP with a solution
        // every column has Primal and every row Name and Dual.
        const columns = raw.Columns as Record<string, { Primal?: number }>;
        const rows = raw.Rows as { Name?: string; Dual?: number }[];
        for (const [name, col] of Object.entries(columns)) if (col.Primal !== undefined) primal.set(name, col.Primal + 0);
        // HiGHS's row dual is already d(objective)/d(rhs) for a minimisation.
        if (opts.duals !== false)
          for (const row of rows) if (row.Name !== undefined && row.Dual !== undefined) duals.set(row.Name, row.Dual + 0);
      }
      return {
        ...base,
        status,
        objective: status === "optimal" || status === "time-limit" ? raw.ObjectiveValue : NaN,
        primal,
        duals,
        ...(status === "error" ? { message: `HiGHS status: ${raw.Status}` } : {}),
      };
    },
  };
}

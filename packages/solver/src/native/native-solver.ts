/**
 * The common shape of the native backends: find the executable, write the LP (without its
 * objective constant, which GLPK rejects and CBC drops) to a private temp directory, run the
 * solver there, read its files and add the constant back. The directory is always removed.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ParaatError } from "@paraat/core";
import type { LpSolution, LpSolveOptions, LpSolver } from "@paraat/core";
import { splitObjectiveConstant } from "../lp-text/objective-constant.js";
import { findExecutable } from "./find-executable.js";
import { processStats, withTempDir } from "./run-process.js";
import type { NativeSolutionFile } from "./solution-file.js";

/** A native backend's solution also tells the solver process's own peak memory and CPU time (for benchmarks). */
export interface NativeLpSolution extends LpSolution {
  peakRssMb?: number;
  cpuMs?: number;
}

export interface NativeLpSolver extends LpSolver {
  solve(lp: string, options?: LpSolveOptions): Promise<NativeLpSolution>;
  /** True when the executable is found (environment variable or PATH). */
  isAvailable(): boolean;
  /** The executable that would run, or undefined. */
  executable(): string | undefined;
}

export interface NativeBackend {
  name: string;
  binary: string;
  envVar: string;
  debianPackage: string;
  /** Runs the solver on `lpPath` inside `dir` and reads its output. */
  run(executable: string, dir: string, lpPath: string, options: LpSolveOptions): Promise<NativeSolutionFile>;
}

export function nativeSolver(backend: NativeBackend, env: NodeJS.ProcessEnv = process.env): NativeLpSolver {
  const executable = (): string | undefined => findExecutable(backend.binary, backend.envVar, env);
  return {
    name: backend.name,
    isAvailable: () => executable() !== undefined,
    executable,
    async solve(lp: string, options: LpSolveOptions = {}): Promise<NativeLpSolution> {
      const started = performance.now();
      const exe = executable();
      if (exe === undefined) {
        throw new ParaatError(
          "SOLVER_FAILED",
          `${backend.name} is not installed: install it with \`apt-get install ${backend.debianPackage}\`, or set ${backend.envVar} to the executable.`,
          { details: { backend: backend.name } },
        );
      }
      let split: { lp: string; constant: number };
      try {
        split = splitObjectiveConstant(lp);
      } catch (e) {
        // Unreadable text is reported like every other backend does: status "error".
        const message = e instanceof Error ? e.message : String(e);
        return {
          status: "error",
          objective: NaN,
          primal: new Map(),
          duals: new Map(),
          backend: backend.name,
          solveMs: performance.now() - started,
          message,
        };
      }
      const { lp: text, constant } = split;
      const file = await withTempDir(`paraat-${backend.name}-`, async (dir) => {
        const lpPath = join(dir, "model.lp");
        await writeFile(lpPath, text);
        return await backend.run(exe, dir, lpPath, options);
      });
      const hasSolution = file.status === "optimal" || file.status === "time-limit";
      return {
        status: file.status,
        objective: hasSolution ? file.objective + constant : NaN,
        primal: file.primal,
        duals: options.duals === false ? new Map<string, number>() : file.duals,
        backend: backend.name,
        solveMs: performance.now() - started,
        ...(file.message === undefined ? {} : { message: file.message }),
        ...(file.basis === undefined ? {} : { basis: file.basis }),
        ...processStats(file),
      };
    },
  };
}

/** The last lines of a solver log, for an error message. */
export const logTail = (log: string, lines = 8): string => log.trim().split(/\r?\n/).slice(-lines).join("\n");

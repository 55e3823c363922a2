/** glpsol (Debian package glpk-utils) as a child process: GLPK's simplex with its presolver. */
import { join } from "node:path";
import type { LpSolveOptions } from "@paraat/core";
import { GlpkNameReader, GlpsolSolutionReader } from "./glpsol-solution.js";
import { logTail, nativeSolver, type NativeLpSolver } from "./native-solver.js";
import { forEachLine } from "./read-lines.js";
import { deadlineFor, processStats, runProcess } from "./run-process.js";
import { withoutSolution, type NativeSolutionFile } from "./solution-file.js";

async function runGlpsolOnce(
  executable: string,
  dir: string,
  lpPath: string,
  options: LpSolveOptions,
  presolve: boolean,
): Promise<{ file: NativeSolutionFile; log: string }> {
  const solPath = join(dir, "solution.txt");
  const namesPath = join(dir, "names.glp");
  // --xcheck: the final basis is checked in exact arithmetic (and the simplex goes on exactly if it
  // is not optimal). Without it glpsol stops within its fixed tolerance of 1e-7, a few 1e-9 of the
  // objective from the optimum, at another vertex than HiGHS and CBC (docs/planning.md, "Ties").
  const args = ["--lp", lpPath, "--wglp", namesPath, "--write", solPath, "--xcheck", ...(presolve ? [] : ["--nopresol"])];
  if (options.timeLimit !== undefined) args.push("--tmlim", String(Math.max(1, Math.ceil(options.timeLimit))));
  const outcome = await runProcess(executable, args, { cwd: dir, deadlineMs: deadlineFor(options.timeLimit) });
  const log = outcome.log;
  const peak = processStats(outcome);
  if (outcome.killed) return { file: { ...withoutSolution("time-limit", "glpsol was stopped at the deadline"), ...peak }, log };
  if (outcome.exitCode !== 0)
    return { file: { ...withoutSolution("error", `glpsol failed (exit ${outcome.exitCode}):\n${logTail(log)}`), ...peak }, log };
  const names = new GlpkNameReader();
  await forEachLine(namesPath, (l) => names.line(l));
  const reader = new GlpsolSolutionReader(names);
  await forEachLine(solPath, (l) => reader.line(l));
  const file = reader.result(log);
  return { file: { ...(file.status === "error" ? { ...file, message: `${file.message ?? ""}\n${logTail(log)}` } : file), ...peak }, log };
}

async function runGlpsol(executable: string, dir: string, lpPath: string, options: LpSolveOptions): Promise<NativeSolutionFile> {
  const first = await runGlpsolOnce(executable, dir, lpPath, options, true);
  // The presolver proves "no dual feasible solution" but not whether the LP is infeasible or
  // unbounded; the simplex without it tells which.
  if (first.file.status !== "error" || !/NO DUAL FEASIBLE/i.test(first.log)) return first.file;
  const second = (await runGlpsolOnce(executable, dir, lpPath, options, false)).file;
  return { ...second, ...processStats(first.file, second) };
}

export function glpsolSolver(env: NodeJS.ProcessEnv = process.env): NativeLpSolver {
  return nativeSolver({ name: "glpsol", binary: "glpsol", envVar: "PARAAT_GLPSOL", debianPackage: "glpk-utils", run: runGlpsol }, env);
}

/** CBC (Debian package coinor-cbc) as a child process; for an LP it runs CLP's simplex. */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { LpSolveOptions } from "@paraat/core";
import { CbcSolutionReader } from "./cbc-solution.js";
import { logTail, nativeSolver, type NativeLpSolver } from "./native-solver.js";
import { forEachLine } from "./read-lines.js";
import { deadlineFor, processStats, runProcess } from "./run-process.js";
import { withoutSolution, type NativeSolutionFile } from "./solution-file.js";

async function runCbc(executable: string, dir: string, lpPath: string, options: LpSolveOptions): Promise<NativeSolutionFile> {
  const solPath = join(dir, "solution.txt");
  const limit = options.timeLimit === undefined ? [] : ["sec", String(options.timeLimit)];
  const outcome = await runProcess(executable, [lpPath, ...limit, "solve", "printingOptions", "all", "solu", solPath], {
    cwd: dir,
    deadlineMs: deadlineFor(options.timeLimit),
  });
  const peak = processStats(outcome);
  if (outcome.killed) return { ...withoutSolution("time-limit", "cbc was stopped at the deadline"), ...peak };
  // CBC exits 0 even when it cannot read the model; then it writes no solution file.
  const written = await access(solPath).then(
    () => true,
    () => false,
  );
  if (outcome.exitCode !== 0 || !written)
    return { ...withoutSolution("error", `cbc failed (exit ${outcome.exitCode}):\n${logTail(outcome.log)}`), ...peak };
  const reader = new CbcSolutionReader();
  await forEachLine(solPath, (l) => reader.line(l));
  return { ...reader.result(), ...peak };
}

export function cbcSolver(env: NodeJS.ProcessEnv = process.env): NativeLpSolver {
  return nativeSolver({ name: "cbc", binary: "cbc", envVar: "PARAAT_CBC", debianPackage: "coinor-cbc", run: runCbc }, env);
}

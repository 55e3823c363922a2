/** CBC (Debian package coinor-cbc) as a child process; for an LP it runs CLP's simplex. */
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LpSolveOptions } from "@paraat/core";
import { CbcSolutionReader } from "./cbc-solution.js";
import { logTail, nativeSolver, type NativeLpSolver } from "./native-solver.js";
import { forEachLine } from "./read-lines.js";
import { deadlineFor, processStats, runProcess } from "./run-process.js";
import { withoutSolution, type NativeSolutionFile } from "./solution-file.js";

/** The format of CBC's (CLP's) basis files: MPS basis sections keyed by variable and row names. */
export const CBC_BASIS = "cbc:mps-basis";

/**
 * The command line. With a basis of the same model, CLP's dual simplex starts from it without
 * presolve (presolve would change the model the basis describes): after a bound change the old
 * optimum stays dual feasible, so a few iterations find the new one.
 */
async function commandLine(dir: string, lpPath: string, solPath: string, options: LpSolveOptions): Promise<string[]> {
  const args = [lpPath];
  if (options.timeLimit !== undefined) args.push("sec", String(options.timeLimit));
  if (options.dualTolerance !== undefined) args.push("dualTolerance", String(options.dualTolerance));
  if (options.basis?.format === CBC_BASIS) {
    const basisIn = join(dir, "start.bas");
    await writeFile(basisIn, options.basis.text);
    args.push("presolve", "off", "basisI", basisIn, "dualS");
  } else args.push("solve");
  if (options.keepBasis === true) args.push("basisO", join(dir, "optimal.bas"));
  // `all` also prints every row (for its dual) and the zero columns; without duals the default
  // (non-zero columns only) is a third of the file on `large`.
  if (options.duals !== false) args.push("printingOptions", "all");
  args.push("solu", solPath);
  return args;
}

async function runCbc(executable: string, dir: string, lpPath: string, options: LpSolveOptions): Promise<NativeSolutionFile> {
  const solPath = join(dir, "solution.txt");
  const outcome = await runProcess(executable, await commandLine(dir, lpPath, solPath, options), {
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
  const result = reader.result();
  const basis =
    options.keepBasis === true && result.status === "optimal"
      ? await readFile(join(dir, "optimal.bas"), "utf8").then(
          (text) => ({ format: CBC_BASIS, text }),
          () => undefined,
        )
      : undefined;
  return { ...result, ...peak, ...(basis === undefined ? {} : { basis }) };
}

export function cbcSolver(env: NodeJS.ProcessEnv = process.env): NativeLpSolver {
  return nativeSolver({ name: "cbc", binary: "cbc", envVar: "PARAAT_CBC", debianPackage: "coinor-cbc", run: runCbc }, env);
}

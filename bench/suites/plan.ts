/**
 * Suite "plan": the planning engine end to end on the generator presets `small`, `medium` and
 * `large` and on the sample dataset nl-2024 — model size, build time, solve time (backend chosen
 * automatically), explanations and bottleneck re-solves, peak memory — and, on the exported LP of
 * the same model, glpsol and cbc alone, as ratios (plan end to end / the faster native solver).
 *
 * Each measurement runs in its own process. Run as a script (`plan.ts --plan-case <mode> <case> <lp>`)
 * it is one measured case. Limits: PARAAT_BENCH_PLAN_CASES (comma list, default
 * small,medium,large,nl-2024), PARAAT_BENCH_PLAN_TIMEOUT seconds per native solve (default 1800),
 * PARAAT_BENCH_PLAN_NATIVE the native references run (comma list, default cbc,glpsol).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildPlanModel,
  generateDataset,
  planModelSize,
  planModelToLp,
  presets,
  resolvePlanOptions,
  solvePlanModel,
  validateDataset,
  type Dataset,
  type LpSolution,
  type LpSolver,
  type PresetName,
} from "@paraat/core";
import { cbcSolver, chooseSolver, glpsolSolver, type NativeLpSolution } from "@paraat/solver";
import { reportCase, runCase } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const here = fileURLToPath(import.meta.url);
const repo = join(dirname(here), "..", "..");
const CASES = ["small", "medium", "large", "nl-2024"];
type Mode = "plan" | "plan-untied" | "cbc" | "glpsol";

function loadCase(name: string): Dataset {
  if (name in presets) return generateDataset(presets[name as PresetName]);
  const path = join(repo, "datasets", name, `${name}.json`);
  const result = validateDataset(JSON.parse(readFileSync(path, "utf8")));
  if (!result.ok) throw new Error(`${path} is not a valid dataset (${result.issues.length} issues)`);
  return result.dataset;
}

/** Child side: plan the case (writing its LP to lpPath), or solve lpPath with one native solver. */
async function measure(mode: Mode, name: string, lpPath: string): Promise<void> {
  const timeLimit = Number(process.env.PARAAT_BENCH_PLAN_TIMEOUT ?? 1800);
  if (mode === "cbc" || mode === "glpsol") {
    const solver = mode === "cbc" ? cbcSolver() : glpsolSolver();
    if (!solver.isAvailable()) return reportCase({ status: "not installed" });
    // The same dual tolerance the planner passes (glpsol has none), so the comparison is like for like.
    const dualTolerance = resolvePlanOptions().dualTolerance;
    const s: NativeLpSolution = await solver.solve(readFileSync(lpPath, "utf8"), { timeLimit, duals: false, dualTolerance });
    return reportCase({ status: s.status, objective: s.objective, solveMs: s.solveMs, cpuMs: s.cpuMs, solverPeakRssMb: s.peakRssMb });
  }
  const dataset = loadCase(name);
  // plan-untied: the same plan without the tie rule (issue "One dataset, one answer" measures what the rule costs).
  const options = mode === "plan-untied" ? { breakTies: false } : {};
  if (mode === "plan-untied") lpPath = `${lpPath}.untied`;
  const started = performance.now();
  const model = buildPlanModel(dataset, options, { clock: () => performance.now() });
  const buildMs = performance.now() - started;
  const size = planModelSize(model);
  // The export is what the native solvers solve; it is not part of the plan's end-to-end time.
  const exportStarted = performance.now();
  writeFileSync(lpPath, planModelToLp(model));
  const exportMs = performance.now() - exportStarted;
  // Record what the chosen backend reports (a native one adds its CPU time and peak memory).
  const solves: (LpSolution & { cpuMs?: number; peakRssMb?: number; startedAt: number; endedAt: number })[] = [];
  const recording = async (s: { variables: number; constraints: number; nonzeros: number }): Promise<LpSolver> => {
    const inner = await chooseSolver(s);
    return {
      name: inner.name,
      solve: async (lp, o) => {
        const startedAt = performance.now();
        const r = await inner.solve(lp, o);
        solves.push({ ...r, startedAt, endedAt: performance.now() });
        return r;
      },
    };
  };
  const planStarted = performance.now();
  const result = await solvePlanModel(model, recording, { clock: () => performance.now() });
  const planMs = performance.now() - planStarted;
  const mainSolves = solves.slice(0, result.solver.solves);
  const resolves = solves.slice(result.solver.solves);
  reportCase({
    items: dataset.items.length,
    ...size,
    clusters: result.solver.clusters,
    solves: result.solver.solves,
    resolves: result.solver.resolves,
    backend: result.solver.backend,
    buildMs,
    exportMs,
    solveMs: mainSolves.reduce((t, s) => t + s.solveMs, 0),
    // Re-solves run in parallel: their wall time, first start to last end.
    resolveMs: resolves.length === 0 ? 0 : Math.max(...resolves.map((s) => s.endedAt)) - Math.min(...resolves.map((s) => s.startedAt)),
    explainMs: result.solver.explainMs,
    endToEndMs: buildMs + planMs,
    solverCpuMs: mainSolves.reduce((t, s) => t + (s.cpuMs ?? NaN), 0),
    solverPeakRssMb: Math.max(0, ...solves.map((s) => s.peakRssMb ?? 0)),
    objective: result.objective,
    late: result.demands.filter((d) => d.late > 0 || d.short > 0).length,
    unmet: result.targets.filter((t) => !t.met).length,
  });
}

const num = (v: unknown): number => (typeof v === "number" ? v : NaN);

async function run(): Promise<BenchTable[]> {
  const cases = (process.env.PARAAT_BENCH_PLAN_CASES ?? CASES.join(",")).split(",");
  const timeoutS = Number(process.env.PARAAT_BENCH_PLAN_TIMEOUT ?? 1800);
  const natives = (process.env.PARAAT_BENCH_PLAN_NATIVE ?? "cbc,glpsol").split(",");
  const workDir = mkdtempSync(join(tmpdir(), "paraat-bench-plan-"));
  const rows: (string | number)[][] = [];
  const notes = [
    "plan s: build + solve + reading the solution + explanations (not generating or loading the dataset, not writing the export); end-to-end s adds the bottleneck re-solves.",
    "solve: the plan's own solves with the automatically chosen backend; re-solves: wall time of the +10% capacity re-solves of the top bottlenecks (two at a time), warm-started from the plan's optimal basis when the backend is CBC.",
    "cbc / glpsol: that solver alone on the exported LP (`cbc FILE dualTolerance 1e-9 solve` — the planner's tolerance —, `glpsol --lp FILE`), own process, duals not read.",
    "ratio: plan s ÷ the faster of cbc and glpsol (and end-to-end s ÷ the same). node MB: peak RSS of the planning process; solver MB: of the native solver process.",
    "plan s, no tie rule: the same plan with breakTies false (no tie terms, no objective scale, no re-allocation; the solver's pivoting picks among the optima); tie rule: plan s against it.",
    `Native solves stop after ${timeoutS} s (PARAAT_BENCH_PLAN_TIMEOUT); wall times on a shared 2-core machine, CPU times in brackets where the solver process lived long enough to be sampled (100 ms).`,
  ];
  try {
    for (const name of cases) {
      const lpPath = join(workDir, `${name}.lp`);
      const child = async (mode: Mode): Promise<{ data: Record<string, unknown>; peakRssMb: number } | string> => {
        process.stderr.write(`bench plan: ${name} ${mode}\n`);
        try {
          const r = await runCase(here, ["--plan-case", mode, name, lpPath], {
            timeoutMs: (timeoutS + 600) * 1000 * (mode === "plan" ? 3 : 1),
          });
          process.stderr.write(`  ${JSON.stringify({ ...r.data, nodePeakRssMb: r.peakRssMb })}\n`);
          return r;
        } catch (e) {
          const text = e instanceof Error ? e.message : String(e);
          notes.push(`${name} ${mode}: ${/exited with null/.test(text) ? "killed at the timeout" : text.split("\n")[0]!.slice(0, 200)}`);
          return "failed";
        }
      };
      const plan = await child("plan");
      if (typeof plan === "string") {
        rows.push([name, "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "failed", "-", "-", "-", "-", "-"]);
        continue;
      }
      const untied = await child("plan-untied");
      const untiedS = typeof untied === "string" ? NaN : (num(untied.data.endToEndMs) - num(untied.data.resolveMs)) / 1000;
      const native: Record<string, { s: number; cpu: number; mb: number; status: string }> = {};
      for (const mode of ["cbc", "glpsol"] as const) {
        if (!natives.includes(mode)) {
          native[mode] = { s: NaN, cpu: NaN, mb: NaN, status: "not run" };
          continue;
        }
        const r = await child(mode);
        const d = typeof r === "string" ? {} : r.data;
        native[mode] = {
          s: num(d.solveMs) / 1000,
          cpu: num(d.cpuMs) / 1000,
          mb: num(d.solverPeakRssMb),
          status: typeof r === "string" ? r : String(d.status),
        };
      }
      const d = plan.data;
      const e2e = num(d.endToEndMs) / 1000;
      const core = e2e - num(d.resolveMs) / 1000;
      const ok = (m: "cbc" | "glpsol"): number => (native[m]!.status === "optimal" ? native[m]!.s : Infinity);
      const fastest = Math.min(ok("cbc"), ok("glpsol"));
      const cell = (m: "cbc" | "glpsol"): string =>
        native[m]!.status === "optimal"
          ? `${native[m]!.s.toFixed(1)}${Number.isFinite(native[m]!.cpu) ? ` (${native[m]!.cpu.toFixed(1)})` : ""}${Number.isFinite(native[m]!.mb) ? ` ${native[m]!.mb.toFixed(0)} MB` : ""}`
          : `${native[m]!.status}${native[m]!.status === "time-limit" ? ` > ${timeoutS} s` : ""}`;
      rows.push([
        name,
        num(d.items),
        num(d.variables),
        num(d.constraints),
        num(d.nonzeros),
        num(d.clusters),
        num(d.buildMs) / 1000,
        `${(num(d.solveMs) / 1000).toFixed(1)}${Number.isFinite(num(d.solverCpuMs)) ? ` (${(num(d.solverCpuMs) / 1000).toFixed(1)})` : ""}`,
        num(d.explainMs) / 1000,
        core,
        num(d.resolveMs) / 1000,
        e2e,
        `${plan.peakRssMb.toFixed(0)} / ${num(d.solverPeakRssMb) > 0 ? num(d.solverPeakRssMb).toFixed(0) : "-"}`,
        String(d.backend),
        cell("cbc"),
        cell("glpsol"),
        Number.isFinite(fastest) ? `${(core / fastest).toFixed(2)} (${(e2e / fastest).toFixed(2)})` : "-",
        untiedS,
        Number.isFinite(untiedS) ? `${(((core - untiedS) / untiedS) * 100).toFixed(0)}%` : "-",
      ]);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return [
    {
      title: "Planning engine: model size, time and memory; native solvers on the exported LP",
      columns: [
        "case",
        "items",
        "variables",
        "constraints",
        "non-zeros",
        "clusters",
        "build s",
        "solve s (CPU)",
        "explain s",
        "plan s",
        "re-solves s",
        "end-to-end s",
        "node / solver MB",
        "backend",
        "cbc s (CPU) MB",
        "glpsol s (CPU) MB",
        "ratio",
        "plan s, no tie rule",
        "tie rule",
      ],
      rows,
      notes,
    },
  ];
}

export const suite: BenchSuite = {
  name: "plan",
  description: "planning engine end to end on the generator presets and nl-2024, against glpsol and cbc on the exported LP",
  run,
};

if (process.argv[2] === "--plan-case") {
  const [, , , mode, name, lpPath] = process.argv;
  await measure(mode as Mode, name!, lpPath!);
}

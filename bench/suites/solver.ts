/**
 * Suite "solver": synthetic time-phased LPs of the planner's shape (items × 60 months, BOM
 * links, capacities with a ramp-up, lead times, backlog) at growing sizes, solved by each
 * backend in its own child process so peak memory is per case. An abort (HiGHS-WASM's 2 GB
 * heap) or a timeout is recorded as such. This table is what chooseSolver's thresholds rest on.
 *
 * Sizes: PARAAT_BENCH_SOLVER_ITEMS (comma list, default 1000,4000,10000); backends:
 * PARAAT_BENCH_SOLVER_BACKENDS (default highs,cbc,glpsol); solver time limit:
 * PARAAT_BENCH_SOLVER_TIMEOUT seconds (default 900). A backend that aborted or ran out of time
 * at one size is not run at the larger sizes.
 */
import { fileURLToPath } from "node:url";
import { deadlineFor } from "../../packages/solver/src/native/run-process.js";
import { cbcSolver, glpsolSolver, highsSolver, type NativeLpSolution } from "@paraat/solver";
import { timePhasedLp } from "../../packages/solver/src/test-support/time-phased-lp.js";
import { reportCase, runCase } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const here = fileURLToPath(import.meta.url);
const months = 60;
const backends = ["highs", "cbc", "glpsol"] as const;
type Backend = (typeof backends)[number];

async function runOneCase(backend: Backend, items: number): Promise<void> {
  const t0 = performance.now();
  const model = timePhasedLp({ items, months });
  const buildMs = performance.now() - t0;
  const sizes = { variables: model.variables, constraints: model.constraints, nonzeros: model.nonzeros, buildMs };
  const solver = backend === "highs" ? highsSolver() : backend === "cbc" ? cbcSolver() : glpsolSolver();
  const cpu0 = process.cpuUsage();
  try {
    const s: NativeLpSolution = await solver.solve(model.lp, { timeLimit: Number(process.env.PARAAT_BENCH_SOLVER_TIMEOUT ?? 900) });
    const cpu = process.cpuUsage(cpu0);
    const inProcessCpuMs = (cpu.user + cpu.system) / 1000;
    reportCase({
      ...sizes,
      status: s.status,
      objective: s.objective,
      solveMs: s.solveMs,
      cpuMs: s.cpuMs ?? inProcessCpuMs,
      solverPeakRssMb: s.peakRssMb,
    });
  } catch (e) {
    reportCase({ ...sizes, status: "abort", message: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
}

interface Row {
  items: number;
  backend: Backend;
  data?: Record<string, unknown>;
  peakRssMb?: number;
  failure?: string;
}

const num = (v: unknown): number => (typeof v === "number" ? v : NaN);

async function run(): Promise<BenchTable[]> {
  const sizes = (process.env.PARAAT_BENCH_SOLVER_ITEMS ?? "1000,4000,10000").split(",").map(Number);
  const timeoutS = Number(process.env.PARAAT_BENCH_SOLVER_TIMEOUT ?? 900);
  const wanted = (process.env.PARAAT_BENCH_SOLVER_BACKENDS ?? backends.join(",")).split(",");
  // The solver's own limit (CBC counts CPU seconds), then the backend's hard kill, then generation and reading.
  const caseTimeoutMs = (deadlineFor(timeoutS) ?? 0) + 300_000;
  const rows: Row[] = [];
  const available: Record<Backend, boolean> = { highs: true, cbc: cbcSolver().isAvailable(), glpsol: glpsolSolver().isAvailable() };
  const gaveUp = new Map<Backend, number>();
  for (const items of sizes) {
    for (const backend of backends.filter((b) => wanted.includes(b))) {
      if (!available[backend]) {
        rows.push({ items, backend, failure: "not installed" });
        continue;
      }
      const failedAt = gaveUp.get(backend);
      if (failedAt !== undefined) {
        rows.push({ items, backend, failure: `not run (failed at ${failedAt} items)` });
        continue;
      }
      process.stderr.write(`bench solver: ${items} items, ${backend}\n`);
      try {
        const r = await runCase(here, ["--solver-case", backend, String(items)], { timeoutMs: caseTimeoutMs });
        rows.push({ items, backend, data: r.data, peakRssMb: r.peakRssMb });
        process.stderr.write(`  ${JSON.stringify({ ...r.data, nodePeakRssMb: r.peakRssMb })}\n`);
        if (r.data.status !== "optimal") gaveUp.set(backend, items);
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e);
        rows.push({ items, backend, failure: /exited with null/.test(text) ? "killed (timeout)" : `crashed: ${text.slice(-120)}` });
        gaveUp.set(backend, items);
      }
    }
  }
  const reference = (items: number): number => {
    const ok = rows.filter((r) => r.items === items && r.data?.status === "optimal");
    return num((ok.find((r) => r.backend === "cbc") ?? ok[0])?.data?.objective);
  };
  return [
    {
      title: `Solver backends on synthetic time-phased LPs (items × ${months} months)`,
      columns: [
        "items",
        "variables",
        "constraints",
        "non-zeros",
        "backend",
        "status",
        "solve s",
        "solver CPU s",
        "node peak MB",
        "solver peak MB",
        "obj. rel. diff",
      ],
      rows: rows.map((r) => {
        const d = r.data ?? {};
        const obj = num(d.objective);
        const ref = reference(r.items);
        return [
          r.items,
          num(d.variables),
          num(d.constraints),
          num(d.nonzeros),
          r.backend,
          r.failure ?? String(d.status),
          num(d.solveMs) / 1000,
          num(d.cpuMs) / 1000,
          r.peakRssMb ?? NaN,
          d.solverPeakRssMb === undefined ? (r.backend === "highs" ? "(in node)" : NaN) : num(d.solverPeakRssMb),
          Number.isFinite(obj) && Number.isFinite(ref) ? (Math.abs(obj - ref) / Math.max(1, Math.abs(ref))).toExponential(1) : "",
        ];
      }),
      notes: [
        "solve s: wall clock around the backend call (native: includes writing the LP file and reading the solution).",
        "solver CPU s: CPU of the solving process (HiGHS-WASM: the node process; native: the child, sampled from /proc every 100 ms).",
        "node peak MB includes the LP text; a HiGHS-WASM abort is its 2 GB heap filling up.",
      ],
    },
  ];
}

export const suite: BenchSuite = { name: "solver", description: "LP backends on synthetic time-phased models", run };

const caseAt = process.argv.indexOf("--solver-case");
if (caseAt >= 0) await runOneCase(process.argv[caseAt + 1] as Backend, Number(process.argv[caseAt + 2]));

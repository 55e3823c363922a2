/**
 * Suite "scenario": Monte Carlo throughput — runs per second on nl-2024 and on `medium`, in the
 * process (1 thread) and in 2 worker threads, beside the time of one cold full plan of the same
 * dataset (ratio: what one run costs against it). Runs change capacities only, and every run is
 * planned cold (no warm start yet), so a run costs about a plan without its bottleneck re-solves.
 *
 * Limits: PARAAT_BENCH_MC_RUNS (runs on nl-2024, default 200), PARAAT_BENCH_MC_MEDIUM_RUNS (default 12).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDataset, presets, validateDataset, type Dataset, type RiskEvent } from "@paraat/core";
import { createServices, type Services } from "@paraat/services";
import { chooseSolver } from "@paraat/solver";
import { openStore } from "@paraat/store";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const admin = { username: "bench", role: "admin" as const, displayName: null, via: "cli" as const };

function loadNl(): Dataset {
  const r = validateDataset(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "datasets", "nl-2024", "nl-2024.json"), "utf8")));
  if (!r.ok) throw new Error("nl-2024 is not valid");
  return r.dataset;
}

/** Three events on the busiest sites: outages at random months, for random durations. */
function eventsFor(d: Dataset): RiskEvent[] {
  const count = new Map<string, number>();
  for (const s of d.supply) count.set(s.site, (count.get(s.site) ?? 0) + 1);
  const sites = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  const start = d.horizon.start;
  const [y, m] = start.split("-").map(Number);
  const to = `${y! + 2}-${String(m).padStart(2, "0")}`;
  return sites.map(([site], k) => ({
    id: `outage-${k + 1}`,
    kind: "outage",
    node: site,
    probability: 0.2 + 0.1 * k,
    start: { from: start, to },
    months: { dist: "uniform", min: 1, max: 9 },
    share: k === 2 ? 0.5 : 1,
  }));
}

async function withServices<T>(threads: number | undefined, dataset: Dataset, fn: (s: Services) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "paraat-bench-mc-"));
  const store = await openStore(join(dir, "b.db"));
  const services = createServices(threads === undefined ? { store, solver: (size) => chooseSolver(size) } : { store, workers: threads });
  try {
    await store.saveDataset(dataset);
    return await fn(services);
  } finally {
    await services.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeMonteCarlo(dataset: Dataset, runs: number, threads: number | undefined): Promise<{ s: number; digest: string }> {
  return withServices(threads, dataset, async (services) => {
    const started = performance.now();
    const s = services.scenarios;
    const r = await s.wait(
      await s.monteCarlo(admin, dataset.name, {
        events: { format: "paraat-events", version: 1, events: eventsFor(dataset) },
        runs,
        seed: 1,
      }),
    );
    return { s: (performance.now() - started) / 1000, digest: JSON.stringify(r) };
  });
}

async function timePlan(dataset: Dataset): Promise<number> {
  return withServices(undefined, dataset, async (services) => {
    const started = performance.now();
    await services.plans.compute(admin, dataset.name, {});
    return (performance.now() - started) / 1000;
  });
}

async function run(): Promise<BenchTable[]> {
  const cases: [Dataset, number][] = [
    [loadNl(), Number(process.env.PARAAT_BENCH_MC_RUNS ?? 200)],
    [generateDataset(presets.medium), Number(process.env.PARAAT_BENCH_MC_MEDIUM_RUNS ?? 12)],
  ];
  const rows: (string | number)[][] = [];
  for (const [d, runs] of cases) {
    process.stderr.write(`bench scenario: ${d.name} plan\n`);
    const plan = await timePlan(d);
    process.stderr.write(`bench scenario: ${d.name} ${runs} runs, 1 thread\n`);
    const one = await timeMonteCarlo(d, runs, undefined);
    process.stderr.write(`bench scenario: ${d.name} ${runs} runs, 2 threads\n`);
    const two = await timeMonteCarlo(d, runs, 2);
    rows.push([
      d.name,
      runs,
      plan,
      one.s,
      runs / one.s,
      two.s,
      runs / two.s,
      `${(one.s / runs / plan).toFixed(2)} / ${(two.s / runs / plan).toFixed(2)}`,
      `${((runs / two.s / (runs / one.s) / 2) * 100).toFixed(0)}%`,
      one.digest === two.digest ? "yes" : "NO",
    ]);
  }
  return [
    {
      title: "Monte Carlo supply security: runs per second, in the process and in 2 worker threads",
      columns: [
        "dataset",
        "runs",
        "cold plan s",
        "1 thread s",
        "runs/s",
        "2 threads s",
        "runs/s ",
        "run ÷ plan (1 / 2 threads)",
        "of linear",
        "same answer",
      ],
      rows,
      notes: [
        "cold plan s: one full plan through the services (build, solve, explanations, three bottleneck re-solves), the reference a run is compared with.",
        "Each run is planned cold without bottlenecks or re-solves; identical draws are planned once. Events: outages of the three sites with most supply options (probabilities 0.2, 0.3, 0.4; months 1–9).",
        "1 thread: in the bench's own process with the size-chosen solver (HiGHS-WASM or CBC); 2 threads: two piscina worker threads. of linear: 2-thread throughput ÷ (2 × 1-thread throughput).",
        "same answer: the summaries of both are equal byte for byte.",
      ],
    },
  ];
}

export const suite: BenchSuite = {
  name: "scenario",
  description: "Monte Carlo runs per second on nl-2024 and medium, 1 and 2 threads, against a cold plan",
  run,
};

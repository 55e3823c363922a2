/** Runs in worker threads from the TypeScript source (as under Vitest and the bench): results, progress, errors, cancelling. */
import { analyzeRisk, generateDataset, presets, type PlanResult } from "@paraat/core";
import { highsSolver } from "@paraat/solver";
import { afterAll, expect, it } from "vitest";
import { shellDataset } from "../test-support/fixtures.js";
import { runPlan } from "./plan-run.js";
import { WorkerRuns, defaultThreads } from "./worker-runs.js";

const runs = new WorkerRuns({ threads: 1 });
afterAll(() => runs.close());

/** A plan without its timings (they differ per run). */
function withoutTimings(plan: PlanResult): unknown {
  const { solveMs: _s, buildMs: _b, explainMs: _e, ...solver } = plan.solver;
  return { ...plan, solver };
}

it("plans in a worker thread exactly as in this thread, reporting each step in order", async () => {
  const dataset = shellDataset();
  const steps: [number, string][] = [];
  const inWorker = await runs.run("plan", { dataset, options: {} }, { progress: (f, m) => steps.push([f, m]) });
  const here = await runPlan({ dataset, options: {} }, () => undefined, highsSolver());
  expect(withoutTimings(inWorker)).toEqual(withoutTimings(here));
  const messages = steps.map(([, m]) => m);
  expect(messages[0]).toBe("building the planning model");
  expect(messages).toEqual(
    expect.arrayContaining(["model built: 1 cluster groups to solve", "solved cluster group 1 of 1", "explaining the plan"]),
  );
  const fractions = steps.map(([f]) => f);
  expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
});

it("analyses risk in a worker thread exactly as in this thread", async () => {
  const dataset = shellDataset();
  expect(await runs.run("risk", { dataset })).toEqual(analyzeRisk(dataset));
});

it("keeps an error's code, message and details across the thread", async () => {
  await expect(runs.run("plan", { dataset: shellDataset(), options: { bottlenecks: -1 } })).rejects.toMatchObject({
    name: "ParaatError",
    code: "INVALID_ARGUMENT",
    message: expect.stringMatching(/^plan options: bottlenecks: /) as unknown as string,
  });
});

it("stops a running plan when cancelled, keeping this thread free meanwhile, and runs the next one", async () => {
  const dataset = generateDataset(presets.medium);
  const abort = new AbortController();
  // The longest pause of this thread's loop while the worker builds the medium model.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  let cancelledAt = 0;
  const run = runs.run(
    "plan",
    { dataset, options: {} },
    {
      signal: abort.signal,
      progress: (_f, message) => {
        if (message.startsWith("model built")) {
          cancelledAt = performance.now();
          abort.abort();
        }
      },
    },
  );
  await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
  clearInterval(ticker);
  expect(cancelledAt).toBeGreaterThan(0);
  expect(performance.now() - cancelledAt).toBeLessThan(1000);
  expect(longest).toBeLessThan(150);
  // The pool replaced the stopped thread.
  expect((await runs.run("risk", { dataset: shellDataset() })).items.length).toBeGreaterThan(0);
});

it("refuses a run whose signal is already aborted", async () => {
  const abort = new AbortController();
  abort.abort();
  await expect(runs.run("risk", { dataset: shellDataset() }, { signal: abort.signal })).rejects.toMatchObject({ code: "CANCELLED" });
});

it("keeps one core for the server by default", () => {
  expect([1, 2, 3, 8].map((cores) => defaultThreads(cores))).toEqual([1, 1, 2, 2]);
});

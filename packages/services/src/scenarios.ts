/**
 * Scenarios: stored with their dataset (audited), and the analyses that plan many times — compare,
 * Monte Carlo, time to survive — as jobs with progress, their results cached for the dataset's
 * state and the request. The engines are core's (core/scenario); the runs go through `Runs`, so
 * they plan in worker threads as plans do.
 */
import {
  applyScenario,
  checkEvents,
  errorFromJson,
  ParaatError,
  parseEvents,
  parseScenario,
  resolvePlanOptions,
  scenarioInvalid,
  summarizeRuns,
  type Dataset,
  type MonteCarloSummary,
  type NodeSurvival,
  type PlanOptions,
  type RiskEvent,
  type RunOutcome,
  type Scenario,
  type ScenarioComparison,
} from "@paraat/core";
import type { ScenarioRecord, Store } from "@paraat/store";
import { z } from "zod";
import type { Actor } from "./actor.js";
import { parseInput } from "./input-issues.js";
import type { Job, JobContext, JobRunner } from "./jobs/job-runner.js";
import { requirePermission } from "./permissions.js";
import { planOptionsSchema } from "./plan-schemas.js";
import type { Runs } from "./runs/runs.js";
import type { Snapshots } from "./snapshots.js";

export const COMPARE_JOB = "scenario-compare";
export const MONTECARLO_JOB = "scenario-montecarlo";
export const SURVIVE_JOB = "scenario-survive";

/** Runs in a batch at most (one request cannot ask for days of planning). */
export const MAX_RUNS = 100_000;

export const compareRequestSchema = z.strictObject({
  /** Stored scenario names, in the order to show them; none = every scenario of the dataset. */
  scenarios: z.array(z.string().min(1)).max(20).optional(),
  plan: planOptionsSchema.optional(),
});
export type CompareRequest = z.infer<typeof compareRequestSchema>;

export const monteCarloRequestSchema = z.strictObject({
  /** The events file (format paraat-events), checked against the dataset. */
  events: z.unknown(),
  runs: z.number().int().min(1).max(MAX_RUNS),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  /** A stored scenario the runs start from; default the dataset itself. */
  scenario: z.string().min(1).optional(),
  /** Runs per task given to a thread (or a queue worker); default about four tasks per thread. */
  chunk: z.number().int().min(1).max(10_000).optional(),
  plan: planOptionsSchema.optional(),
});
export type MonteCarloRequest = z.infer<typeof monteCarloRequestSchema>;

export const surviveRequestSchema = z.strictObject({
  /** The month the outages start; default the horizon's first. */
  from: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month YYYY-MM")
    .optional(),
  node: z.string().min(1).optional(),
  scenario: z.string().min(1).optional(),
  plan: planOptionsSchema.optional(),
});
export type SurviveRequest = z.infer<typeof surviveRequestSchema>;

/** `paraat scenario survive`: the month the outages start and the nodes, the soonest hurt first. */
export interface SurviveResult {
  from: string;
  nodes: NodeSurvival[];
}

export type AnalysisOutcome<T> = { result: T; stamp: string } | { job: Job };

interface JobInput<R> {
  dataset: string;
  stamp: string;
  request: R;
  /** The stored scenarios it reads, as they were when it was asked for. */
  scenarios: Scenario[];
}

/** Splits run numbers 0 … runs−1 into chunks of `size`. */
export function chunksOf(runs: number, size: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < runs; start += size) out.push(Array.from({ length: Math.min(size, runs - start) }, (_, k) => start + k));
  return out;
}

export class ScenarioService {
  constructor(
    private readonly store: Store,
    private readonly snapshots: Snapshots,
    private readonly jobs: JobRunner,
    private readonly runs: Runs,
    private readonly threads: number,
  ) {
    jobs.register<JobInput<CompareRequest>, ScenarioComparison>(COMPARE_JOB, async (input, ctx) => {
      const { dataset } = await this.snapshots.at(input.dataset, input.stamp);
      const result = await this.runs.run(
        "compare",
        { dataset, scenarios: input.scenarios, options: planOptions(input.request.plan) },
        { progress: (f, m) => ctx.progress(Math.min(0.99, f), m), signal: ctx.signal },
      );
      if (!ctx.signal.aborted) this.snapshots.put(input.dataset, input.stamp, COMPARE_JOB, key(input), result);
      return result;
    });
    jobs.register<JobInput<MonteCarloRequest>, MonteCarloSummary>(MONTECARLO_JOB, async (input, ctx) => {
      const result = await this.monteCarloJob(input, ctx);
      if (!ctx.signal.aborted) this.snapshots.put(input.dataset, input.stamp, MONTECARLO_JOB, key(input), result);
      return result;
    });
    jobs.register<JobInput<SurviveRequest>, SurviveResult>(SURVIVE_JOB, async (input, ctx) => {
      const base = await this.baseOf(input);
      const from = input.request.from ?? base.horizon.start;
      const result = await this.runs.run(
        "survive",
        {
          dataset: base,
          from,
          ...(input.request.node === undefined ? {} : { node: input.request.node }),
          options: planOptions(input.request.plan),
        },
        { progress: (f, m) => ctx.progress(Math.min(0.99, f), m), signal: ctx.signal },
      );
      const out: SurviveResult = { from, nodes: result };
      if (!ctx.signal.aborted) this.snapshots.put(input.dataset, input.stamp, SURVIVE_JOB, key(input), out);
      return out;
    });
  }

  // --- stored scenarios ---

  async list(actor: Actor, dataset: string): Promise<ScenarioRecord[]> {
    requirePermission(actor, "scenario:read");
    return this.store.scenarios.list(dataset);
  }

  async get(actor: Actor, dataset: string, name: string): Promise<ScenarioRecord> {
    requirePermission(actor, "scenario:read");
    return this.store.scenarios.get(dataset, name);
  }

  /**
   * Saves a scenario file: its format checked, then applied to the dataset as it is now (every
   * problem at once, located by change and field: VALIDATION_FAILED). `create` refuses a name in use.
   */
  async save(actor: Actor, dataset: string, file: unknown, options: { create?: boolean } = {}): Promise<ScenarioRecord> {
    requirePermission(actor, "scenario:write");
    const parsed = parseScenario(file);
    if (!parsed.ok) throw scenarioInvalid(nameOf(file), parsed.issues);
    const { dataset: d } = await this.snapshots.get(dataset);
    const applied = applyScenario(d, parsed.value);
    if (!applied.ok) throw scenarioInvalid(parsed.value.name, applied.issues);
    const { after } = await this.store.scenarios.put(dataset, parsed.value, {
      actor: actor.username,
      ...(options.create === undefined ? {} : { create: options.create }),
      audit: { actor: actor.username, action: "scenario.save" },
    });
    return after;
  }

  async delete(actor: Actor, dataset: string, name: string): Promise<void> {
    requirePermission(actor, "scenario:write");
    await this.store.scenarios.delete(dataset, name, { audit: { actor: actor.username, action: "scenario.delete" } });
  }

  // --- analyses ---

  async compare(actor: Actor, dataset: string, request: unknown = {}): Promise<AnalysisOutcome<ScenarioComparison>> {
    requirePermission(actor, "scenario:run");
    const r = parseInput(compareRequestSchema, request);
    const stored = await this.store.scenarios.list(dataset);
    const names = r.scenarios ?? stored.map((s) => s.name);
    const scenarios = names.map((n) => {
      const s = stored.find((x) => x.name === n);
      if (s === undefined) throw notFound(dataset, n);
      return s.scenario;
    });
    return this.cachedOrStart(actor, dataset, COMPARE_JOB, r, scenarios);
  }

  async monteCarlo(actor: Actor, dataset: string, request: unknown): Promise<AnalysisOutcome<MonteCarloSummary>> {
    requirePermission(actor, "scenario:run");
    const r = parseInput(monteCarloRequestSchema, request);
    const events = parseEvents(r.events);
    if (!events.ok) throw scenarioInvalid("events", events.issues);
    const scenarios = r.scenario === undefined ? [] : [(await this.store.scenarios.get(dataset, r.scenario)).scenario];
    const { dataset: d } = await this.snapshots.get(dataset);
    const base = scenarios.length === 0 ? { ok: true as const, value: d } : applyScenario(d, scenarios[0]!);
    if (!base.ok) throw scenarioInvalid(r.scenario ?? "", base.issues);
    const problems = checkEvents(base.value, events.value.events);
    if (problems.length > 0) throw scenarioInvalid("events", problems);
    return this.cachedOrStart(actor, dataset, MONTECARLO_JOB, { ...r, events: events.value }, scenarios);
  }

  async survive(actor: Actor, dataset: string, request: unknown = {}): Promise<AnalysisOutcome<SurviveResult>> {
    requirePermission(actor, "scenario:run");
    const r = parseInput(surviveRequestSchema, request);
    const scenarios = r.scenario === undefined ? [] : [(await this.store.scenarios.get(dataset, r.scenario)).scenario];
    return this.cachedOrStart(actor, dataset, SURVIVE_JOB, r, scenarios);
  }

  /** The result of an analysis, waiting for its job (the command line's way); `onProgress` hears its events. */
  async wait<T>(outcome: AnalysisOutcome<T>, onProgress?: (fraction: number, message: string) => void): Promise<T> {
    if ("result" in outcome) return outcome.result;
    const { job } = outcome;
    const stop = onProgress ? this.jobs.subscribe(job.id, (e) => onProgress(e.job.progress, e.job.message)) : undefined;
    try {
      const settled = await this.jobs.settled(job.id);
      if (settled.status === "failed") throw errorFromJson(settled.error ?? { code: "INTERNAL", message: settled.message });
      return this.jobs.result(job.id) as T;
    } finally {
      stop?.();
    }
  }

  private async cachedOrStart<R, T>(
    actor: Actor,
    dataset: string,
    kind: string,
    request: R,
    scenarios: Scenario[],
  ): Promise<AnalysisOutcome<T>> {
    const stamp = await this.snapshots.stamp(dataset);
    const input: JobInput<R> = { dataset, stamp, request, scenarios };
    const k = key(input);
    const { stamp: now, value } = await this.snapshots.peek<T>(dataset, kind, k);
    if (value !== undefined && now === stamp) return { result: await value, stamp };
    const job = this.jobs.submit(kind, input, {
      owner: actor.username,
      dataset,
      dedupeKey: `${kind}\u0000${dataset}\u0000${stamp}\u0000${k}`,
    });
    return { job };
  }

  /** The base of a run: the dataset at the job's stamp, with the scenario applied when one is named. */
  private async baseOf(input: JobInput<unknown>): Promise<Dataset> {
    const { dataset } = await this.snapshots.at(input.dataset, input.stamp);
    if (input.scenarios.length === 0) return dataset;
    const r = applyScenario(dataset, input.scenarios[0]!);
    if (!r.ok) throw scenarioInvalid(input.scenarios[0]!.name, r.issues);
    return r.value;
  }

  private async monteCarloJob(input: JobInput<MonteCarloRequest>, ctx: JobContext): Promise<MonteCarloSummary> {
    const r = input.request;
    const base = await this.baseOf(input);
    const events = (r.events as { events: RiskEvent[] }).events;
    const size = r.chunk ?? Math.max(1, Math.min(250, Math.ceil(r.runs / (4 * this.threads))));
    const chunks = chunksOf(r.runs, size);
    const done = new Array<number>(chunks.length).fill(0);
    const started = performance.now();
    const report = (): void => {
      const n = done.reduce((a, b) => a + b, 0);
      const perSecond = n / Math.max(0.001, (performance.now() - started) / 1000);
      const eta = perSecond > 0 ? Math.round((r.runs - n) / perSecond) : undefined;
      ctx.progress(
        Math.min(0.99, n / r.runs),
        `${n} of ${r.runs} runs, ${perSecond.toFixed(1)} runs/s${eta === undefined ? "" : `, about ${eta} s left`}`,
      );
    };
    const options = planOptions(r.plan);
    const outcomes: RunOutcome[][] = await Promise.all(
      chunks.map((runs, k) =>
        this.runs.run(
          "montecarlo",
          { dataset: base, events, seed: r.seed, runs, options },
          {
            progress: (f) => {
              done[k] = Math.round(f * runs.length);
              report();
            },
            signal: ctx.signal,
          },
        ),
      ),
    );
    return summarizeRuns(outcomes.flat(), r.seed);
  }
}

function planOptions(plan: unknown): PlanOptions {
  return plan ?? {};
}

/** The cache key of a request: its options resolved, and the scenarios it reads as they are. */
function key(input: JobInput<unknown>): string {
  const r = input.request as { plan?: PlanOptions };
  return JSON.stringify({ ...(input.request as object), plan: resolvePlanOptions(planOptions(r.plan)), scenarios: input.scenarios });
}

function nameOf(file: unknown): string {
  const n = (file as { name?: unknown } | null)?.name;
  return typeof n === "string" ? n : "(unnamed)";
}

function notFound(dataset: string, name: string): ParaatError {
  return new ParaatError("NOT_FOUND", `dataset "${dataset}" has no scenario named "${name}"`, { details: { dataset, scenario: name } });
}

/**
 * Plans: a plan is a job (it may take seconds to minutes); its result is cached for the dataset's
 * state and the options, so the overview reads it back at once until the dataset changes.
 */
import { buildPlanModel, errorFromJson, planModelToLp, resolvePlanOptions, type PlanOptions, type PlanResult } from "@paraat/core";
import type { Actor } from "./actor.js";
import { parseInput } from "./input-issues.js";
import type { Job, JobRunner } from "./jobs/job-runner.js";
import { requirePermission } from "./permissions.js";
import { planOptionsSchema, type PlanRequest } from "./plan-schemas.js";
import { progressSpan } from "./runs/progress.js";
import type { Runs } from "./runs/runs.js";
import type { Snapshots } from "./snapshots.js";

export const PLAN_JOB = "plan";

interface PlanJobInput {
  dataset: string;
  stamp: string;
  options: PlanOptions;
}

export type PlanOutcome = { result: PlanResult; stamp: string } | { job: Job };

/** The cache key of a set of options: the resolved options, so `{}` and the defaults spelt out are the same plan. */
function optionsKey(options: PlanOptions): string {
  return JSON.stringify(resolvePlanOptions(options));
}

export class PlanService {
  constructor(
    private readonly snapshots: Snapshots,
    private readonly jobs: JobRunner,
    private readonly runs: Runs,
  ) {
    jobs.register<PlanJobInput, PlanResult>(PLAN_JOB, async (input, ctx) => {
      ctx.progress(0.02, "loading the dataset");
      const snapshot = await this.snapshots.at(input.dataset, input.stamp);
      ctx.progress(0.1, "building and solving the plan");
      // The run reports its own steps; 1 is left for the job's end.
      const result = await this.runs.run(
        "plan",
        { dataset: snapshot.dataset, options: input.options },
        { progress: progressSpan((f, m) => ctx.progress(f, m), 0.1, 0.99), signal: ctx.signal },
      );
      // A cancelled plan is not kept (the worker was stopped; a plan in this thread finished unwanted).
      if (!ctx.signal.aborted) this.snapshots.put(input.dataset, input.stamp, "plan", optionsKey(input.options), result);
      return result;
    });
  }

  /** The cached plan for the dataset as it is now, if there is one. */
  async cached(actor: Actor, dataset: string, request: PlanRequest = {}): Promise<{ result: PlanResult; stamp: string } | undefined> {
    requirePermission(actor, "plan:read");
    const options = parseInput(planOptionsSchema, request) as PlanOptions;
    const { stamp, value } = await this.snapshots.peek<PlanResult>(dataset, "plan", optionsKey(options));
    return value === undefined ? undefined : { result: await value, stamp };
  }

  /** The cached plan, or a job computing it (the same job for everyone asking for the same plan). */
  async run(actor: Actor, dataset: string, request: PlanRequest = {}): Promise<PlanOutcome> {
    requirePermission(actor, "plan:run");
    return this.cachedOrStart(actor, dataset, request);
  }

  /** GET of the plan with default options: anyone who may read plans may have the default one computed. */
  async read(actor: Actor, dataset: string): Promise<PlanOutcome> {
    requirePermission(actor, "plan:read");
    return this.cachedOrStart(actor, dataset, {});
  }

  /**
   * The plan, waiting for its job when it is not cached (the command line's way): `onProgress`
   * hears the job's progress events.
   */
  async compute(
    actor: Actor,
    dataset: string,
    request: PlanRequest = {},
    onProgress?: (fraction: number, message: string) => void,
  ): Promise<PlanResult> {
    const outcome = await this.run(actor, dataset, request);
    if ("result" in outcome) return outcome.result;
    const { job } = outcome;
    const stop = onProgress ? this.jobs.subscribe(job.id, (e) => onProgress(e.job.progress, e.job.message)) : undefined;
    try {
      const settled = await this.jobs.settled(job.id);
      if (settled.status === "failed") {
        throw errorFromJson(settled.error ?? { code: "INTERNAL", message: settled.message });
      }
      return this.jobs.result(job.id) as PlanResult;
    } finally {
      stop?.();
    }
  }

  /** The exact planning model of the dataset as it is now, as CPLEX LP text (what `--export-lp` writes). */
  async lp(actor: Actor, dataset: string, request: PlanRequest = {}): Promise<string> {
    requirePermission(actor, "plan:read");
    const options = parseInput(planOptionsSchema, request) as PlanOptions;
    return planModelToLp(buildPlanModel((await this.snapshots.get(dataset)).dataset, options));
  }

  private async cachedOrStart(actor: Actor, dataset: string, request: PlanRequest): Promise<PlanOutcome> {
    const options = parseInput(planOptionsSchema, request) as PlanOptions;
    const key = optionsKey(options);
    const { stamp, value } = await this.snapshots.peek<PlanResult>(dataset, "plan", key);
    if (value !== undefined) return { result: await value, stamp };
    const job = this.jobs.submit(PLAN_JOB, { dataset, stamp, options } satisfies PlanJobInput, {
      owner: actor.username,
      dataset,
      dedupeKey: `${PLAN_JOB}\u0000${dataset}\u0000${stamp}\u0000${key}`,
    });
    return { job };
  }
}

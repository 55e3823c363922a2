/**
 * Plans are jobs: GET (or POST) the plan, and if the answer is a job, follow its server-sent events
 * with a progress bar, then fetch the result. One state per dataset, shared by every page.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { PlanResult } from "@paraat/core";
import { ApiError } from "./client.js";
import { api, isJob, type PlanRunOptions } from "./endpoints.js";
import type { ErrorBody, Job } from "./types.js";

export interface PlanState {
  status: "loading" | "queued" | "running" | "done" | "failed";
  /** 0…1. */
  progress: number;
  message?: string;
  result?: PlanResult;
  error?: ErrorBody;
}

const states = new Map<string, PlanState>();
const listeners = new Set<() => void>();
let generation = 0;
/** Bumped per start, so a superseded run's late events are ignored. */
const runs = new Map<string, number>();

function set(dataset: string, run: number, state: PlanState): void {
  if (runs.get(dataset) !== run) return;
  states.set(dataset, state);
  generation++;
  for (const l of listeners) l();
}

/** Progress as a fraction whether the server sends 0…1 or a percentage. */
export function progressFraction(p: unknown): number {
  const n = typeof p === "number" && Number.isFinite(p) ? p : 0;
  return Math.min(1, Math.max(0, n > 1 ? n / 100 : n));
}

function errorBody(e: unknown): ErrorBody {
  if (e instanceof ApiError) return e.body;
  return { code: "INTERNAL", message: e instanceof Error ? e.message : String(e) };
}

async function finish(dataset: string, run: number, job: Job): Promise<void> {
  try {
    const result = await api.jobResult<PlanResult>(job);
    set(dataset, run, { status: "done", progress: 1, result });
  } catch (e) {
    set(dataset, run, { status: "failed", progress: 1, error: errorBody(e) });
  }
}

/** An event's data: the job itself, or `{ type, job }`. */
export function parseJobEvent(data: unknown): Partial<Job> {
  try {
    const value: unknown = typeof data === "string" && data ? JSON.parse(data) : {};
    if (typeof value !== "object" || value === null) return {};
    const inner = (value as { job?: unknown }).job;
    return typeof inner === "object" && inner !== null ? inner : value;
  } catch {
    return {};
  }
}

/** A server-sent event's data (typed alike by the browser's and by Node's EventSource typings). */
const eventData = (e: Event): unknown => ("data" in e ? e.data : undefined);

/** Polls the job once a second: the fallback when the event stream cannot be opened. */
function poll(dataset: string, run: number, job: Job): void {
  const tick = async (): Promise<void> => {
    if (runs.get(dataset) !== run) return;
    try {
      const j = await api.job(job.id);
      if (j.status === "done") return finish(dataset, run, j);
      if (j.status === "failed")
        return set(dataset, run, { status: "failed", progress: 1, error: j.error ?? { code: "INTERNAL", message: j.message ?? "" } });
      set(dataset, run, { status: j.status, progress: progressFraction(j.progress), message: j.message ?? undefined });
      setTimeout(() => void tick(), 1000);
    } catch (e) {
      set(dataset, run, { status: "failed", progress: 1, error: errorBody(e) });
    }
  };
  void tick();
}

function follow(dataset: string, run: number, job: Job): void {
  set(dataset, run, {
    status: job.status === "running" ? "running" : "queued",
    progress: progressFraction(job.progress),
    message: job.message ?? undefined,
  });
  if (job.status === "done") return void finish(dataset, run, job);
  if (typeof EventSource === "undefined") return poll(dataset, run, job);
  const events = new EventSource(api.jobEventsUrl(job.id));
  let settled = false;
  events.addEventListener("progress", (e) => {
    const p = parseJobEvent(eventData(e));
    set(dataset, run, { status: "running", progress: progressFraction(p.progress), message: p.message ?? undefined });
  });
  events.addEventListener("done", () => {
    settled = true;
    events.close();
    void finish(dataset, run, job);
  });
  events.addEventListener("failed", (e) => {
    settled = true;
    events.close();
    const p = parseJobEvent(eventData(e));
    set(dataset, run, { status: "failed", progress: 1, error: p.error ?? { code: "SOLVER_FAILED", message: p.message ?? "" } });
  });
  events.onerror = () => {
    // The stream closed before done/failed (proxy, restart): ask the job itself from now on.
    if (settled) return;
    settled = true;
    events.close();
    poll(dataset, run, job);
  };
}

/** Starts (or restarts with `rerun`) loading the plan of a dataset. */
export function startPlan(dataset: string, rerun = false, options: PlanRunOptions = {}): void {
  const run = (runs.get(dataset) ?? 0) + 1;
  runs.set(dataset, run);
  set(dataset, run, { status: "loading", progress: 0 });
  (rerun ? api.runPlan(dataset, options) : api.getPlan(dataset)).then(
    ({ data }) => {
      if (isJob(data)) follow(dataset, run, data);
      else set(dataset, run, { status: "done", progress: 1, result: data });
    },
    (e: unknown) => set(dataset, run, { status: "failed", progress: 1, error: errorBody(e) }),
  );
}

/** Forgets the plan of a dataset (its data changed); pages showing it load it again. */
export function resetPlan(dataset: string): void {
  runs.set(dataset, (runs.get(dataset) ?? 0) + 1);
  states.delete(dataset);
  generation++;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The plan of `dataset`, started on first use; null dataset or `enabled` false: nothing. */
export function usePlan(dataset: string | null, enabled = true): PlanState | undefined {
  useSyncExternalStore(subscribe, () => generation);
  useEffect(() => {
    if (dataset !== null && enabled && !states.has(dataset)) startPlan(dataset);
  });
  return dataset === null ? undefined : states.get(dataset);
}

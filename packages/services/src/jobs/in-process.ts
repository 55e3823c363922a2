/**
 * The job runner inside the server process: a queue with a limit on jobs running at once, events
 * to subscribers, and finished jobs kept for a time (with their results) so their result URL works.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { ParaatError, toParaatError } from "@paraat/core";
import { cancelledError } from "../runs/cancelled.js";
import type { Job, JobEvent, JobHandler, JobRunner, SubmitOptions } from "./job-runner.js";

export interface InProcessOptions {
  /** Jobs running at once. Default 1: a plan already keeps a core busy. */
  concurrency?: number;
  /** Finished jobs are forgotten after this long. Default 1 hour. */
  keepMs?: number;
  /** … and beyond this many finished jobs, the oldest first. Default 100. */
  keepCount?: number;
  now?: () => Date;
}

interface Entry {
  job: Job;
  input: unknown;
  result?: unknown;
  dedupeKey?: string;
  /** Set while it runs; aborted by cancel. */
  abort?: AbortController;
}

/** Progress events closer than this are merged (the last one wins), so a chatty job does not flood its subscribers. */
const MIN_PROGRESS_STEP = 0.01;

export class InProcessJobRunner implements JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private readonly active = new Map<string, string>(); // dedupeKey → job id
  private readonly events = new EventEmitter();
  private running = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly keepMs: number;
  private readonly keepCount: number;
  private readonly now: () => Date;
  private readonly idle = new Set<() => void>();

  constructor(options: InProcessOptions = {}) {
    this.concurrency = options.concurrency ?? 1;
    this.keepMs = options.keepMs ?? 3600_000;
    this.keepCount = options.keepCount ?? 100;
    this.now = options.now ?? (() => new Date());
    this.events.setMaxListeners(0);
  }

  register<I, R>(kind: string, handler: JobHandler<I, R>): void {
    this.handlers.set(kind, handler as JobHandler);
  }

  submit(kind: string, input: unknown, options: SubmitOptions): Job {
    if (this.closed) throw new ParaatError("CONFLICT", "the server is shutting down; no new jobs");
    if (!this.handlers.has(kind)) throw new ParaatError("INTERNAL", `no handler for jobs of kind ${kind}`);
    if (options.dedupeKey !== undefined) {
      const same = this.active.get(options.dedupeKey);
      if (same !== undefined) return this.copy(this.jobs.get(same)!.job);
    }
    this.forgetOld();
    const job: Job = {
      id: randomUUID(),
      kind,
      status: "queued",
      progress: 0,
      message: "queued",
      owner: options.owner,
      ...(options.dataset === undefined ? {} : { dataset: options.dataset }),
      createdAt: this.now().toISOString(),
    };
    this.jobs.set(job.id, { job, input, ...(options.dedupeKey === undefined ? {} : { dedupeKey: options.dedupeKey }) });
    if (options.dedupeKey !== undefined) this.active.set(options.dedupeKey, job.id);
    this.queue.push(job.id);
    // Started on the next turn of the event loop: the caller gets the job queued and can subscribe before anything happens.
    setImmediate(() => this.pump());
    return this.copy(job);
  }

  get(id: string): Job | undefined {
    const e = this.jobs.get(id);
    return e === undefined ? undefined : this.copy(e.job);
  }

  result(id: string): unknown {
    const e = this.jobs.get(id);
    return e?.job.status === "done" ? e.result : undefined;
  }

  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    const channel = `job:${id}`;
    const wrapped = (event: JobEvent): void => listener(event);
    this.events.on(channel, wrapped);
    return () => this.events.off(channel, wrapped);
  }

  cancel(id: string): Job | undefined {
    const entry = this.jobs.get(id);
    if (entry === undefined) return undefined;
    const job = entry.job;
    if (job.status === "done" || job.status === "failed")
      throw new ParaatError("CONFLICT", `job ${id} has already ended (${job.status}); there is nothing to cancel`, {
        details: { status: job.status },
      });
    const queued = this.queue.indexOf(id);
    if (queued >= 0) this.queue.splice(queued, 1);
    // The job ends now; a handler still winding down finds it ended and its outcome is dropped.
    this.finish(id, { error: cancelledError(`job ${id}`) });
    entry.abort?.abort();
    return this.copy(job);
  }

  settled(id: string): Promise<Job> {
    const e = this.jobs.get(id);
    if (e === undefined) return Promise.reject(new ParaatError("NOT_FOUND", `no job ${id}`));
    if (e.job.status === "done" || e.job.status === "failed") return Promise.resolve(this.copy(e.job));
    return new Promise((resolve) => {
      const stop = this.subscribe(id, (ev) => {
        if (ev.type !== "progress") {
          stop();
          resolve(ev.job);
        }
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    // Queued jobs that never started fail; running ones finish.
    for (const id of this.queue.splice(0))
      this.finish(id, { error: new ParaatError("CONFLICT", "the server shut down before the job started") });
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  // --- internals ---

  private copy(job: Job): Job {
    return { ...job, ...(job.error === undefined ? {} : { error: { ...job.error } }) };
  }

  private emit(type: JobEvent["type"], job: Job): void {
    this.events.emit(`job:${job.id}`, { type, job: this.copy(job) } satisfies JobEvent);
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      this.running++;
      void this.run(id).finally(() => {
        this.running--;
        if (this.running === 0) for (const resolve of this.idle) resolve();
        if (this.running === 0) this.idle.clear();
        this.pump();
      });
    }
  }

  private async run(id: string): Promise<void> {
    const entry = this.jobs.get(id)!;
    const job = entry.job;
    const handler = this.handlers.get(job.kind)!;
    job.status = "running";
    job.startedAt = this.now().toISOString();
    job.message = "started";
    this.emit("progress", job);
    let lastSent = 0;
    const abort = new AbortController();
    entry.abort = abort;
    try {
      const result = await handler(entry.input, {
        signal: abort.signal,
        progress: (fraction, message) => {
          if (job.status !== "running") return;
          job.progress = Math.min(1, Math.max(job.progress, fraction));
          job.message = message;
          if (job.progress - lastSent >= MIN_PROGRESS_STEP || job.progress === 1) {
            lastSent = job.progress;
            this.emit("progress", job);
          }
        },
      });
      this.finish(id, { result });
    } catch (e) {
      this.finish(id, { error: toParaatError(e) });
    } finally {
      delete entry.abort;
    }
  }

  private finish(id: string, outcome: { result: unknown } | { error: ParaatError }): void {
    const entry = this.jobs.get(id);
    if (entry === undefined) return;
    const job = entry.job;
    if (job.finishedAt !== undefined) return; // cancelled before its handler ended
    job.finishedAt = this.now().toISOString();
    if ("result" in outcome) {
      entry.result = outcome.result;
      job.status = "done";
      job.progress = 1;
      job.message = "done";
    } else {
      const err = outcome.error;
      job.status = "failed";
      job.message = err.message;
      job.error = { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
    }
    if (entry.dedupeKey !== undefined && this.active.get(entry.dedupeKey) === id) this.active.delete(entry.dedupeKey);
    this.emit(job.status === "done" ? "done" : "failed", job);
  }

  private forgetOld(): void {
    const cutoff = this.now().getTime() - this.keepMs;
    const finished = [...this.jobs.values()].filter((e) => e.job.finishedAt !== undefined);
    const excess = finished.length - this.keepCount;
    finished.forEach((e, k) => {
      if (k < excess || Date.parse(e.job.finishedAt!) < cutoff) this.jobs.delete(e.job.id);
    });
  }
}

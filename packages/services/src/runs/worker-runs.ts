/**
 * Runs in a pool of worker threads (piscina): the dataset goes to the worker as plain data
 * (structured clone), progress comes back on a port of the task's own, and cancelling a run
 * terminates the thread running it (or takes it off the pool's queue).
 */
import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { ParaatError } from "@paraat/core";
import { Piscina } from "piscina";
import { cancelledError } from "./cancelled.js";
import type { RunInput, RunKind, RunOutput } from "./run-kinds.js";
import type { RunOptions, Runs } from "./runs.js";
import type { ProgressMessage, RunReply, RunTask } from "./worker.js";
import { workerEntry } from "./worker-entry.js";

export interface WorkerRunsOptions {
  /** Threads at most. Default: min(2, cores − 1), at least 1 — one core stays for the server. */
  threads?: number;
  /** An idle thread stops after this long (it keeps the solver loaded until then). Default 60 s. */
  idleMs?: number;
}

export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

export class WorkerRuns implements Runs {
  private readonly pool: Piscina;

  constructor(options: WorkerRunsOptions = {}) {
    const entry = workerEntry();
    const threads = options.threads ?? defaultThreads();
    if (!Number.isInteger(threads) || threads < 1)
      throw new ParaatError("INVALID_ARGUMENT", `worker threads must be a whole number ≥ 1, not ${threads}`);
    this.pool = new Piscina({
      filename: entry.filename,
      ...(entry.execArgv === undefined ? {} : { execArgv: entry.execArgv }),
      // Threads start on first use: services that never plan (a CLI command) start none.
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: options.idleMs ?? 60_000,
    });
  }

  async run<K extends RunKind>(kind: K, input: RunInput<K>, options: RunOptions = {}): Promise<RunOutput<K>> {
    const { signal, progress } = options;
    if (signal?.aborted) throw cancelledError();
    const channel = new MessageChannel();
    if (progress !== undefined) channel.port1.on("message", (m: ProgressMessage) => progress(m.fraction, m.message));
    const task: RunTask<K> = { kind, input, port: channel.port2 };
    let reply: RunReply<K>;
    try {
      reply = (await this.pool.run(task, { transferList: [channel.port2], ...(signal === undefined ? {} : { signal }) })) as RunReply<K>;
    } catch (e) {
      if (signal?.aborted) throw cancelledError();
      throw e;
    } finally {
      channel.port1.close();
    }
    if (!reply.ok)
      throw new ParaatError(
        reply.error.code,
        reply.error.message,
        reply.error.details === undefined ? {} : { details: reply.error.details },
      );
    return reply.value;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

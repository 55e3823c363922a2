/**
 * Where runs execute: worker threads (WorkerRuns, the default, so the server keeps answering
 * during a plan) or the calling thread (LocalRuns, for tests that inject a solver). Both take
 * plain data and give plain results, so the services do not care which.
 */
import type { Progress } from "./progress.js";
import type { RunInput, RunKind, RunOutput } from "./run-kinds.js";

export interface RunOptions {
  progress?: Progress;
  /** Aborting it stops the run; the promise then rejects with CANCELLED. */
  signal?: AbortSignal;
}

export interface Runs {
  run<K extends RunKind>(kind: K, input: RunInput<K>, options?: RunOptions): Promise<RunOutput<K>>;
  /** Waits for started runs and stops the threads. */
  close(): Promise<void>;
}

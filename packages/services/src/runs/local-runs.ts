/**
 * Runs in the calling thread: a plan then blocks the event loop while it builds and solves.
 * For tests that inject a solver (a solver object or function cannot be sent to a worker
 * thread) and for callers that have no loop to keep free.
 */
import type { SolverChoice } from "@paraat/core";
import { cancelledError } from "./cancelled.js";
import { runFunctions, type RunFunctions, type RunInput, type RunKind, type RunOutput } from "./run-kinds.js";
import type { RunOptions, Runs } from "./runs.js";

export class LocalRuns implements Runs {
  private readonly functions: RunFunctions;

  constructor(solver?: SolverChoice) {
    this.functions = runFunctions(solver);
  }

  run<K extends RunKind>(kind: K, input: RunInput<K>, options: RunOptions = {}): Promise<RunOutput<K>> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(cancelledError());
    const fn = this.functions[kind] as (input: RunInput<K>, progress: NonNullable<RunOptions["progress"]>) => Promise<RunOutput<K>>;
    const work = fn(input, options.progress ?? (() => undefined));
    if (signal === undefined) return work;
    // The work cannot be stopped in this thread; a cancelled run is abandoned and its result dropped.
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(cancelledError());
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Long runs (plans; later scenario batches) are jobs: submitted, queued, run with progress, and
 * kept with their result for a while. The runner is an interface so that a queue on Redis
 * (BullMQ) can implement it later; handlers are registered by kind and get plain JSON input, as
 * a queue needs.
 */

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobError {
  code: string;
  message: string;
  details?: unknown;
}

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0…1. */
  progress: number;
  /** What it is doing now, in words. */
  message: string;
  /** Who submitted it. */
  owner: string;
  /** The dataset it works on, if any. */
  dataset?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: JobError;
}

export type JobEventType = "progress" | "done" | "failed";

export interface JobEvent {
  type: JobEventType;
  job: Job;
}

export interface JobContext {
  /** Reports progress (0…1) with a short message. */
  progress(fraction: number, message: string): void;
  /** Aborted when the job is cancelled: the handler stops its work (a worker run is terminated). */
  signal: AbortSignal;
}

export type JobHandler<I = unknown, R = unknown> = (input: I, context: JobContext) => Promise<R>;

export interface SubmitOptions {
  owner: string;
  dataset?: string;
  /**
   * Jobs with the same key are the same work: while one is queued or running, submitting
   * another returns it instead of starting a second.
   */
  dedupeKey?: string;
}

export interface JobRunner {
  register<I, R>(kind: string, handler: JobHandler<I, R>): void;
  /** Queues a job; NOT_FOUND-style errors for unknown kinds are thrown here, failures of the work end in status failed. */
  submit(kind: string, input: unknown, options: SubmitOptions): Job;
  get(id: string): Job | undefined;
  /** The result of a done job; undefined otherwise. */
  result(id: string): unknown;
  /** Calls the listener on each event of the job until it ends; returns a function that stops listening. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void;
  /**
   * Cancels a queued or running job: it ends at once as failed with error code CANCELLED and its
   * handler's signal is aborted. Undefined for an unknown job; CONFLICT for a job already ended.
   */
  cancel(id: string): Job | undefined;
  /** Resolves when the job ends (done or failed). */
  settled(id: string): Promise<Job>;
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}

/**
 * The scenario analyses are jobs like plans: the answer is the result itself (cached), or a job,
 * which is polled until it is done; its progress goes to `onProgress` as it comes.
 */
import { ApiError } from "./client.js";
import { api, isJob } from "./endpoints.js";
import type { Job } from "./types.js";

export async function runAnalysis<T>(
  start: () => Promise<{ data: T | Job }>,
  onProgress: (fraction: number, message: string) => void,
): Promise<T> {
  const { data } = await start();
  if (!isJob(data)) return data;
  let job: Job = data;
  for (;;) {
    if (job.status === "done") return api.jobResult<T>(job);
    if (job.status === "failed") throw new ApiError(500, job.error ?? { code: "INTERNAL", message: job.message ?? "the analysis failed" });
    onProgress(Math.max(0, Math.min(1, job.progress ?? 0)), job.message ?? "");
    await new Promise((r) => setTimeout(r, 400));
    job = await api.job(job.id);
  }
}

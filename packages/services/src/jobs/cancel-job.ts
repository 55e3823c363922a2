/** Who may cancel a job: its owner, or anyone holding job:cancel (admins). */
import { ParaatError } from "@paraat/core";
import type { Actor } from "../actor.js";
import { requirePermission } from "../permissions.js";
import type { Job, JobRunner } from "./job-runner.js";

export function cancelJob(jobs: JobRunner, actor: Actor, id: string): Job {
  requirePermission(actor, "job:read");
  const job = jobs.get(id);
  if (job === undefined) throw new ParaatError("NOT_FOUND", `no job ${id} (finished jobs are kept for an hour)`, { details: { id } });
  if (job.owner !== actor.username) requirePermission(actor, "job:cancel");
  const cancelled = jobs.cancel(id);
  if (cancelled === undefined) throw new ParaatError("NOT_FOUND", `no job ${id}`, { details: { id } });
  return cancelled;
}

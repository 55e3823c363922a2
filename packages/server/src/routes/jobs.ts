/** Jobs: state, progress events, result, cancelling. */
import { z } from "zod";
import { ParaatError } from "@paraat/core";
import { cancelJob } from "@paraat/services";
import { apiJob, streamJob } from "../http/jobs.js";
import { Immutable } from "../http/json.js";
import { errorSchema, jobSchema } from "../schemas.js";
import { defineRoute, SENT } from "./route-spec.js";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export function jobRoutes() {
  return [
    defineRoute({
      method: "GET",
      url: "/api/jobs/:id",
      access: "job:read",
      summary: "A job's state",
      tags: ["jobs"],
      params: idParams,
      responses: {
        200: { description: "The job", schema: jobSchema },
        404: { description: "No such job (or forgotten)", schema: errorSchema },
      },
      handler: ({ services, params }) => {
        const job = services.jobs.get(params.id);
        if (job === undefined)
          throw new ParaatError("NOT_FOUND", `no job ${params.id} (finished jobs are kept for an hour)`, { details: { id: params.id } });
        return Promise.resolve(apiJob(job));
      },
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/jobs/:id",
      access: "job:read",
      summary: "Cancel a queued or running job: your own, or anyone's with job:cancel",
      description:
        "A running job's worker thread is stopped, a queued job leaves the queue. The job ends at once as failed with error code CANCELLED (its event stream sends `failed`); its result is not kept.",
      tags: ["jobs"],
      params: idParams,
      responses: {
        200: { description: "The cancelled job", schema: jobSchema },
        403: { description: "Someone else's job, without job:cancel", schema: errorSchema },
        404: { description: "No such job (or forgotten)", schema: errorSchema },
        409: { description: "The job has already ended", schema: errorSchema },
      },
      handler: ({ actor, services, params }) => Promise.resolve(apiJob(cancelJob(services.jobs, actor, params.id))),
    }),
    defineRoute({
      method: "GET",
      url: "/api/jobs/:id/events",
      access: "job:read",
      summary: "A job's progress as server-sent events: progress, then done or failed",
      description: "Each event's data is the Job. The current state comes first; the stream ends after done or failed.",
      tags: ["jobs"],
      params: idParams,
      responses: {
        200: { description: "text/event-stream", contentType: "text/event-stream" },
        404: { description: "No such job", schema: errorSchema },
      },
      handler: ({ services, params, reply }) => {
        streamJob(reply, services, params.id);
        return Promise.resolve(SENT);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/jobs/:id/result",
      access: "job:read",
      summary: "A done job's result",
      tags: ["jobs"],
      params: idParams,
      responses: {
        200: { description: "The result (for a plan job, a PlanResult)" },
        404: { description: "No such job", schema: errorSchema },
        409: { description: "The job is not done (yet), or failed", schema: errorSchema },
      },
      handler: ({ services, params }) => {
        const job = services.jobs.get(params.id);
        if (job === undefined)
          throw new ParaatError("NOT_FOUND", `no job ${params.id} (finished jobs are kept for an hour)`, { details: { id: params.id } });
        if (job.status !== "done")
          throw new ParaatError(
            "CONFLICT",
            job.status === "failed" ? `job ${job.id} failed: ${job.message}` : `job ${job.id} is ${job.status}; wait for done`,
            {
              details: { status: job.status, ...(job.error ? { error: job.error } : {}) },
            },
          );
        return Promise.resolve(new Immutable(services.jobs.result(job.id) as object));
      },
    }),
  ];
}

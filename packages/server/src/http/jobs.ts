/** Jobs as the API shows them, and their progress as server-sent events. */
import { ParaatError } from "@paraat/core";
import type { Job, JobEvent, Services } from "@paraat/services";
import type { FastifyReply } from "fastify";

export interface ApiJob extends Job {
  resultUrl: string;
  eventsUrl: string;
}

export function apiJob(job: Job): ApiJob {
  const base = `/api/jobs/${encodeURIComponent(job.id)}`;
  return { ...job, resultUrl: `${base}/result`, eventsUrl: `${base}/events` };
}

/** Idle streams get a comment this often, so proxies keep them open. */
const HEARTBEAT_MS = 15_000;

function frame(event: JobEvent["type"], job: Job): string {
  return `event: ${event}\ndata: ${JSON.stringify(apiJob(job))}\n\n`;
}

/**
 * Streams a job's events: its current state first (as `progress`, or the final `done`/`failed`),
 * then each event until it ends; the stream closes after `done` or `failed`.
 */
export function streamJob(reply: FastifyReply, services: Services, id: string): void {
  const current = services.jobs.get(id);
  if (current === undefined) throw new ParaatError("NOT_FOUND", `no job ${id} (finished jobs are kept for an hour)`, { details: { id } });
  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
  res.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  let open = true;
  let stop = (): void => undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const end = (): void => {
    if (!open) return;
    open = false;
    stop();
    if (heartbeat) clearInterval(heartbeat);
    res.end();
  };
  const send = (type: JobEvent["type"], job: Job): void => {
    if (!open) return;
    res.write(frame(type, job));
    if (type !== "progress") end();
  };
  res.on("close", end);
  // Subscribe before reading the state again, so no event falls between the two.
  stop = services.jobs.subscribe(id, (e) => send(e.type, e.job));
  const now = services.jobs.get(id) ?? current;
  send(now.status === "done" ? "done" : now.status === "failed" ? "failed" : "progress", now);
  if (open) heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
}

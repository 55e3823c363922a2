/** Plans as jobs over HTTP: 202 with a job, progress as server-sent events, the result URL, then the cached plan. */
import { gunzipSync } from "node:zlib";
import { highsSolver } from "@paraat/solver";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, type TestServer } from "../test-support/server.js";

let s: TestServer;
/** Plans wait for this before solving, so a test can watch a job that has not finished yet. */
let release: () => void = () => undefined;
let hold: Promise<void> = Promise.resolve();
function holdPlans(): void {
  hold = new Promise((r) => (release = r));
}

beforeAll(async () => {
  const solver = highsSolver();
  s = await openTestServer(
    {},
    {
      solver: async () => {
        await hold;
        return solver;
      },
    },
  );
});
afterAll(async () => s.close());

interface Job {
  id: string;
  kind: string;
  status: string;
  progress: number;
  message: string;
  resultUrl: string;
  eventsUrl: string;
  error?: { code: string; message: string };
}

/** The events of an SSE body: [event name, data]. */
function events(body: string): [string, Job][] {
  return body
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [event, data] = block.split("\n");
      return [event!.slice("event: ".length), JSON.parse(data!.slice("data: ".length)) as Job];
    });
}

it("runs a plan as a job: 202, events from start to done, the result, then 200 from the cache", async () => {
  holdPlans();
  const started = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/plan" });
  expect(started.statusCode).toBe(202);
  const job = started.json<Job>();
  expect(job).toMatchObject({
    kind: "plan",
    status: "queued",
    progress: 0,
    resultUrl: `/api/jobs/${job.id}/result`,
    eventsUrl: `/api/jobs/${job.id}/events`,
  });
  expect(started.headers.location).toBe(`/api/jobs/${job.id}`);
  // Asking again while it runs joins the same job.
  const again = await s.as("analyst", { method: "POST", url: "/api/datasets/shells/plan", payload: {} });
  expect([again.statusCode, again.json<Job>().id]).toEqual([202, job.id]);

  // The stream is opened while the job waits: it sees every step and ends by itself.
  const streaming = s.as("viewer", { method: "GET", url: job.eventsUrl });
  await new Promise((r) => setTimeout(r, 100));
  expect((await s.as("viewer", { method: "GET", url: `/api/jobs/${job.id}` })).json()).toMatchObject({ status: "running" });
  const early = await s.as("viewer", { method: "GET", url: job.resultUrl });
  expect([early.statusCode, early.json<{ code: string }>().code]).toEqual([409, "CONFLICT"]);
  release();
  const stream = await streaming;
  expect(stream.statusCode).toBe(200);
  expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
  expect(stream.headers["cache-control"]).toBe("no-cache, no-transform");
  expect(stream.headers["content-security-policy"]).toBeDefined();
  const seen = events(stream.body);
  expect(seen[0]![0]).toBe("progress");
  expect(seen.at(-1)![0]).toBe("done");
  expect(seen.filter(([e]) => e !== "progress")).toHaveLength(1);
  const progress = seen.map(([, j]) => j.progress);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  expect(seen.at(-1)![1]).toMatchObject({ id: job.id, status: "done", progress: 1 });
  // The run's own steps reach the stream (the solve was held, so each comes after the stream opened).
  expect(seen.map(([, j]) => j.message)).toEqual(expect.arrayContaining(["solved cluster group 1 of 1", "explaining the plan"]));

  const state = await s.as("viewer", { method: "GET", url: `/api/jobs/${job.id}` });
  expect(state.json()).toMatchObject({ status: "done", progress: 1 });
  const result = await s.as("viewer", { method: "GET", url: job.resultUrl });
  expect(result.statusCode).toBe(200);
  const plan = result.json<{ status: string; demands: { id: string }[] }>();
  expect(plan.status).toBe("optimal");
  expect(plan.demands.map((d) => d.id)).toEqual(["d1"]);

  const cached = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/plan" });
  expect(cached.statusCode).toBe(200);
  expect(cached.body).toBe(result.body);
  // Browsers accept gzip: the cached plan goes compressed (compressed once, see http/json.ts).
  const zipped = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/plan", headers: { "accept-encoding": "gzip, br" } });
  expect([zipped.headers["content-encoding"], zipped.headers.vary]).toEqual(["gzip", "accept-encoding"]);
  expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(result.body);
  const posted = await s.as("procurement", { method: "POST", url: "/api/datasets/shells/plan" });
  expect(posted.statusCode).toBe(200);

  // A finished job's stream sends its end at once.
  const late = await s.as("viewer", { method: "GET", url: job.eventsUrl });
  expect(events(late.body).map(([e]) => e)).toEqual(["done"]);
});

it("starts a new plan once the dataset changes", async () => {
  const edit = await s.as("analyst", {
    method: "PUT",
    url: "/api/datasets/shells/entities/demands/d1",
    payload: { id: "d1", item: "shell", consumer: "nl-army", qty: 140, due: "2025-03" },
  });
  expect(edit.statusCode, edit.body).toBe(200);
  const res = await s.as("viewer", { method: "GET", url: "/api/datasets/shells/plan" });
  expect(res.statusCode).toBe(202);
  await s.t.services.jobs.settled(res.json<Job>().id);
});

it("reports a failed job as a failed event and a 409 on its result", async () => {
  s.t.services.jobs.register("boom", () => Promise.reject(new Error("kaput")));
  const job = s.t.services.jobs.submit("boom", null, { owner: "test" });
  await s.t.services.jobs.settled(job.id);
  const stream = await s.as("viewer", { method: "GET", url: `/api/jobs/${job.id}/events` });
  const seen = events(stream.body);
  expect(seen.map(([e]) => e)).toEqual(["failed"]);
  expect(seen[0]![1].error).toEqual({ code: "INTERNAL", message: "kaput" });
  const result = await s.as("viewer", { method: "GET", url: `/api/jobs/${job.id}/result` });
  expect([result.statusCode, result.json<{ code: string }>().code]).toEqual([409, "CONFLICT"]);
});

it("answers 404 for unknown jobs on every job route", async () => {
  for (const suffix of ["", "/events", "/result"]) {
    const res = await s.as("viewer", { method: "GET", url: `/api/jobs/no-such-job${suffix}` });
    expect([res.statusCode, res.json<{ code: string }>().code], suffix).toEqual([404, "NOT_FOUND"]);
  }
});

it("cancels a running plan for its owner or an admin only: failed with CANCELLED, nothing kept", async () => {
  holdPlans();
  const started = await s.as("procurement", { method: "POST", url: "/api/datasets/shells/plan", payload: { bottlenecks: 2 } });
  expect(started.statusCode).toBe(202);
  const job = started.json<Job>();
  const streaming = s.as("viewer", { method: "GET", url: job.eventsUrl });
  await new Promise((r) => setTimeout(r, 100));
  expect(s.t.services.jobs.get(job.id)!.status).toBe("running");

  const notYours = await s.as("analyst", { method: "DELETE", url: `/api/jobs/${job.id}` });
  expect([notYours.statusCode, notYours.json<{ code: string }>().code]).toEqual([403, "FORBIDDEN"]);
  const cancelled = await s.as("procurement", { method: "DELETE", url: `/api/jobs/${job.id}` });
  expect(cancelled.statusCode, cancelled.body).toBe(200);
  expect(cancelled.json<Job>()).toMatchObject({ id: job.id, status: "failed", error: { code: "CANCELLED" } });
  const seen = events((await streaming).body);
  expect(seen.at(-1)![0]).toBe("failed");
  expect(seen.at(-1)![1]).toMatchObject({ id: job.id, status: "failed", error: { code: "CANCELLED" } });
  const result = await s.as("procurement", { method: "GET", url: job.resultUrl });
  expect([result.statusCode, result.json<{ code: string }>().code]).toEqual([409, "CONFLICT"]);
  const again = await s.as("procurement", { method: "DELETE", url: `/api/jobs/${job.id}` });
  expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, "CONFLICT"]);

  // The solve it was waiting for ends later; its plan is not cached: asking again starts a new job.
  release();
  await new Promise((r) => setTimeout(r, 100));
  holdPlans();
  const next = await s.as("procurement", { method: "POST", url: "/api/datasets/shells/plan", payload: { bottlenecks: 2 } });
  expect(next.statusCode).toBe(202);
  expect(next.json<Job>().id).not.toBe(job.id);
  // An admin may cancel anyone's job, queued or running.
  const byAdmin = await s.as("admin", { method: "DELETE", url: `/api/jobs/${next.json<Job>().id}` });
  expect(byAdmin.json<Job>()).toMatchObject({ status: "failed", error: { code: "CANCELLED" } });
  release();
});

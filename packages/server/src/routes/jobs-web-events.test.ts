/**
 * The web app reads job events with parseJobEvent and progressFraction (packages/web/src/api/plan-job.ts):
 * here they read the events the real server sends for a plan run in a worker thread, and for a
 * cancelled plan, so the two sides cannot drift apart.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseJobEvent, progressFraction } from "../../../web/src/api/plan-job.js";
import { openTestServer, type TestServer } from "../test-support/server.js";

let s: TestServer;

beforeAll(async () => {
  // No solver given: the plan runs in a worker thread and reports its own progress.
  s = await openTestServer({}, { solver: undefined });
});
afterAll(async () => s.close());

/** The SSE frames of a body as the browser's EventSource splits them: event name and raw data. */
function frames(body: string): { event: string; data: string }[] {
  return body
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [event, data] = block.split("\n");
      return { event: event!.slice("event: ".length), data: data!.slice("data: ".length) };
    });
}

it("parses every event of a plan job as the job the server holds, with progress as a fraction", async () => {
  const started = await s.as("analyst", { method: "POST", url: "/api/datasets/shells/plan", payload: {} });
  expect(started.statusCode).toBe(202);
  const id = started.json<{ id: string }>().id;
  const stream = await s.as("viewer", { method: "GET", url: `/api/jobs/${id}/events` });
  const seen = frames(stream.body);
  expect(seen.length).toBeGreaterThan(1);
  expect(seen.at(-1)!.event).toBe("done");
  let previous = 0;
  for (const { event, data } of seen) {
    const job = parseJobEvent(data);
    expect(job, data).toEqual(JSON.parse(data));
    expect(job).toMatchObject({ id, kind: "plan" });
    expect(event === "done" ? ["done"] : ["queued", "running"], event).toContain(job.status);
    expect(progressFraction(job.progress)).toBe(job.progress);
    expect(job.progress!).toBeGreaterThanOrEqual(previous);
    previous = job.progress!;
    expect(typeof job.message).toBe("string");
  }
  expect(progressFraction(parseJobEvent(seen.at(-1)!.data).progress)).toBe(1);
  // Progress from inside the run reached the stream (more than the runner's own start and end).
  expect(seen.map((f) => parseJobEvent(f.data).message)).toContain("explaining the plan");
});

it("parses a cancelled job's failed event with its error code", async () => {
  const started = await s.as("analyst", { method: "POST", url: "/api/datasets/shells/plan", payload: { bottlenecks: 1 } });
  const id = started.json<{ id: string }>().id;
  const streaming = s.as("viewer", { method: "GET", url: `/api/jobs/${id}/events` });
  const cancelled = await s.as("analyst", { method: "DELETE", url: `/api/jobs/${id}` });
  expect(cancelled.statusCode, cancelled.body).toBe(200);
  const last = frames((await streaming).body).at(-1)!;
  expect(last.event).toBe("failed");
  expect(parseJobEvent(last.data)).toMatchObject({ id, status: "failed", error: { code: "CANCELLED" } });
});

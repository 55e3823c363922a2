/**
 * Issue 9: while a `medium` plan runs, the server keeps answering. The server listens on
 * 127.0.0.1 (inject would run on the same loop as the plan, hiding the problem); sign-in and the
 * health check must each answer within 200 ms throughout the plan's first seconds, which hold its
 * longest synchronous stretches (building the model, writing the LP, reading the solution).
 */
import { generateDataset, presets } from "@paraat/core";
import { cliActor } from "@paraat/services";
import { datasetToJson } from "@paraat/io";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestServer, passwordOf, type TestServer } from "../test-support/server.js";

let s: TestServer;
let base = "";

beforeAll(async () => {
  // No solver given: plans and risk analyses run in worker threads, as in production.
  // Sign-in is checked many times in a few seconds: above the default rate limit.
  s = await openTestServer({ loginRateLimit: { max: 1000, windowMs: 60_000 } }, { solver: undefined });
  const medium = Buffer.from(datasetToJson(generateDataset(presets.medium)));
  await s.t.services.datasets.importUpload(cliActor(), medium, { format: "json" });
  base = await s.app.listen({ host: "127.0.0.1", port: 0 });
}, 120_000);
afterAll(async () => s.close());

/** How long a request takes, in milliseconds, and its status. */
async function timed(path: string, init: RequestInit = {}): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, init);
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

it("answers sign-in and health within 200 ms while a medium plan runs, and cancels it", async () => {
  const jobs = s.t.services.jobs;
  const started = await fetch(`${base}/api/datasets/synthetic-medium/plan`, {
    method: "POST",
    headers: { cookie: s.cookie.analyst, "content-type": "application/json" },
    body: "{}",
  });
  expect(started.status).toBe(202);
  const job = (await started.json()) as { id: string };
  // From the moment the plan itself starts (the dataset is loaded and handed to the run).
  await new Promise<void>((resolve) => {
    const stop = jobs.subscribe(job.id, (e) => {
      if (e.job.progress >= 0.1) {
        stop();
        resolve();
      }
    });
  });

  const checks: { what: string; ms: number; status: number }[] = [];
  const until = performance.now() + 3000;
  while (performance.now() < until) {
    const login = await timed("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "viewer", password: passwordOf("viewer") }),
    });
    const health = await timed("/api/health");
    checks.push({ what: "login", ...login }, { what: "health", ...health });
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(jobs.get(job.id)!.status, "the plan was still running during the checks").toBe("running");
  expect(checks.length).toBeGreaterThanOrEqual(10);
  expect(checks.filter((c) => c.status !== 200)).toEqual([]);
  expect(checks.filter((c) => c.ms >= 200).map((c) => `${c.what} ${Math.round(c.ms)} ms`)).toEqual([]);

  // Done checking: cancel the plan (the owner may) rather than wait for it.
  const cancel = await fetch(`${base}/api/jobs/${job.id}`, { method: "DELETE", headers: { cookie: s.cookie.analyst } });
  expect(cancel.status).toBe(200);
  expect(await jobs.settled(job.id)).toMatchObject({ status: "failed", error: { code: "CANCELLED" } });
}, 120_000);

import { ParaatError } from "@paraat/core";
import { expect, it } from "vitest";
import { InProcessJobRunner } from "./in-process.js";
import type { JobEvent } from "./job-runner.js";

/** A promise and its resolver, to hold a job at a known point. */
function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

it("runs a job through queued → running → done with progress events and keeps its result", async () => {
  const runner = new InProcessJobRunner();
  const g = gate();
  runner.register<{ n: number }, number>("double", async (input, ctx) => {
    ctx.progress(0.5, "half way");
    await g.wait;
    return input.n * 2;
  });
  const job = runner.submit("double", { n: 21 }, { owner: "alice", dataset: "ds" });
  expect(job).toMatchObject({ kind: "double", status: "queued", progress: 0, owner: "alice", dataset: "ds" });
  const events: JobEvent[] = [];
  runner.subscribe(job.id, (e) => {
    events.push(e);
    if (e.job.progress === 0.5) {
      expect(runner.get(job.id)).toMatchObject({ status: "running", message: "half way" });
      expect(runner.result(job.id)).toBeUndefined();
      g.open();
    }
  });
  const done = await runner.settled(job.id);
  expect(done).toMatchObject({ status: "done", progress: 1 });
  expect(events.map((e) => `${e.type} ${e.job.status} ${e.job.progress} ${e.job.message}`)).toEqual([
    "progress running 0 started",
    "progress running 0.5 half way",
    "done done 1 done",
  ]);
  expect(runner.result(job.id)).toBe(42);
  expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!));
});

it("reports progress events in order while the job runs, merging steps below 1%", async () => {
  const runner = new InProcessJobRunner();
  const g = gate();
  runner.register("steps", async (_input, ctx) => {
    await g.wait;
    for (const f of [0.1, 0.105, 0.2, 0.9]) ctx.progress(f, `at ${f}`);
    return "ok";
  });
  const job = runner.submit("steps", null, { owner: "a" });
  const seen: string[] = [];
  runner.subscribe(job.id, (e) => seen.push(`${e.type} ${e.job.progress}`));
  g.open();
  await runner.settled(job.id);
  expect(seen).toEqual(["progress 0", "progress 0.1", "progress 0.2", "progress 0.9", "done 1"]);
});

it("fails a job with the error's code and message, and keeps no result", async () => {
  const runner = new InProcessJobRunner();
  runner.register("bad", () => Promise.reject(new ParaatError("MODEL_INFEASIBLE", "no plan", { details: { why: 1 } })));
  runner.register("crash", () => Promise.reject(new Error("boom")));
  const a = await runner.settled(runner.submit("bad", null, { owner: "a" }).id);
  expect(a).toMatchObject({ status: "failed", error: { code: "MODEL_INFEASIBLE", message: "no plan", details: { why: 1 } } });
  const b = await runner.settled(runner.submit("crash", null, { owner: "a" }).id);
  expect(b.error).toEqual({ code: "INTERNAL", message: "boom" });
  expect(runner.result(b.id)).toBeUndefined();
});

it("runs one job at a time by default and queues the rest", async () => {
  const runner = new InProcessJobRunner();
  const gates = [gate(), gate()];
  const order: string[] = [];
  runner.register<number, number>("step", async (k) => {
    order.push(`start ${k}`);
    await gates[k]!.wait;
    order.push(`end ${k}`);
    return k;
  });
  const first = runner.submit("step", 0, { owner: "a" });
  const second = runner.submit("step", 1, { owner: "a" });
  expect(runner.get(second.id)!.status).toBe("queued");
  gates[1]!.open();
  gates[0]!.open();
  await runner.settled(second.id);
  expect(order).toEqual(["start 0", "end 0", "start 1", "end 1"]);
  expect(runner.get(first.id)!.status).toBe("done");
});

it("returns the running job for a second submission of the same work, and a new one after it ends", async () => {
  const runner = new InProcessJobRunner();
  const g = gate();
  let runs = 0;
  runner.register("work", async () => {
    runs++;
    await g.wait;
    return runs;
  });
  const a = runner.submit("work", null, { owner: "a", dedupeKey: "k" });
  const b = runner.submit("work", null, { owner: "b", dedupeKey: "k" });
  const c = runner.submit("work", null, { owner: "c", dedupeKey: "other" });
  expect(b.id).toBe(a.id);
  expect(c.id).not.toBe(a.id);
  g.open();
  await runner.settled(c.id);
  const d = runner.submit("work", null, { owner: "d", dedupeKey: "k" });
  expect(d.id).not.toBe(a.id);
  await runner.settled(d.id);
  expect(runs).toBe(3);
});

it("forgets finished jobs beyond the count kept, oldest first", async () => {
  const runner = new InProcessJobRunner({ keepCount: 2 });
  runner.register("quick", (k) => Promise.resolve(k));
  const ids: string[] = [];
  for (let k = 0; k < 4; k++) {
    const id = runner.submit("quick", k, { owner: "a" }).id;
    await runner.settled(id);
    ids.push(id);
  }
  runner.submit("quick", 9, { owner: "a" });
  expect(ids.map((id) => runner.get(id) !== undefined)).toEqual([false, false, true, true]);
});

it("refuses unknown kinds and new jobs after close, failing the queued ones", async () => {
  const runner = new InProcessJobRunner();
  expect(() => runner.submit("nope", null, { owner: "a" })).toThrow(ParaatError);
  const g = gate();
  runner.register("hold", async () => {
    await g.wait;
    return 1;
  });
  const running = runner.submit("hold", null, { owner: "a" });
  const queued = runner.submit("hold", null, { owner: "a" });
  await new Promise((r) => setImmediate(r));
  expect(runner.get(running.id)!.status).toBe("running");
  const closing = runner.close();
  expect(runner.get(queued.id)).toMatchObject({ status: "failed", error: { code: "CONFLICT" } });
  expect(() => runner.submit("hold", null, { owner: "a" })).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  g.open();
  await closing;
  expect(runner.get(running.id)!.status).toBe("done");
});

it("cancels a running job (aborting its signal) and a queued one, ending both as CANCELLED at once", async () => {
  const runner = new InProcessJobRunner();
  const g = gate();
  let aborted = false;
  runner.register("hold", async (_input, ctx) => {
    ctx.signal.addEventListener("abort", () => (aborted = true));
    await g.wait;
    return "late";
  });
  const running = runner.submit("hold", null, { owner: "a", dedupeKey: "k" });
  const queued = runner.submit("hold", null, { owner: "a" });
  await new Promise((r) => setImmediate(r));
  const events: string[] = [];
  runner.subscribe(running.id, (e) => events.push(`${e.type} ${e.job.error?.code ?? ""}`));

  expect(runner.cancel(queued.id)).toMatchObject({ status: "failed", error: { code: "CANCELLED" } });
  expect(runner.cancel(running.id)).toMatchObject({ status: "failed", error: { code: "CANCELLED" } });
  expect(aborted).toBe(true);
  expect(events).toEqual(["failed CANCELLED"]);
  expect(() => runner.cancel(running.id)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  expect(runner.cancel("no-such-job")).toBeUndefined();
  // The same work submitted again is a new job, not the cancelled one.
  expect(runner.submit("hold", null, { owner: "b", dedupeKey: "k" }).id).not.toBe(running.id);

  // The handler ending later changes nothing: no result, still cancelled.
  g.open();
  await runner.close();
  expect(runner.get(running.id)).toMatchObject({ status: "failed", error: { code: "CANCELLED" } });
  expect(runner.result(running.id)).toBeUndefined();
  expect(events).toEqual(["failed CANCELLED"]);
});

/** Scenarios through the services: stored and audited, compared, Monte Carlo in one thread and in several, time to survive. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, openTestServices, shellDataset, type TestServices } from "./test-support/fixtures.js";

const admin = actor("admin", "anna");
const analyst = actor("analyst", "bob");
const viewer = actor("viewer", "vera");

const moreShells = {
  format: "paraat-scenario",
  version: 1,
  name: "second-line",
  description: "a second shell line from March",
  changes: [
    { kind: "capacity", supply: "s-shell", from: "2025-03", factor: 2 },
    { kind: "capacity", supply: "s-body", from: "2025-03", factor: 2 },
  ],
};
const plantDown = {
  format: "paraat-scenario",
  version: 1,
  name: "plant-down",
  changes: [{ kind: "outage", node: "us-plant", from: "2025-02", months: 6 }],
};
const events = {
  format: "paraat-events",
  version: 1,
  events: [
    {
      id: "us-fails",
      kind: "outage",
      node: "us-plant",
      probability: 0.3,
      start: { from: "2025-01", to: "2025-06" },
      months: { dist: "uniform", min: 2, max: 8 },
    },
    { id: "nl-line", kind: "outage", node: "nl-plant", item: "shell", probability: 0.2, start: "2025-04", months: 3, share: 0.5 },
  ],
};

let t: TestServices;
beforeAll(async () => {
  t = await openTestServices();
  await t.store.saveDataset(shellDataset());
});
afterAll(() => t.close());

describe("stored scenarios", () => {
  it("saves, lists, replaces and deletes a scenario, each audited with its actor; viewers read, not write", async () => {
    const s = t.services.scenarios;
    await s.save(analyst, "shells", moreShells, { create: true });
    await expect(s.save(analyst, "shells", moreShells, { create: true })).rejects.toMatchObject({ code: "CONFLICT" });
    await s.save(admin, "shells", { ...moreShells, description: "two lines" });
    expect((await s.list(viewer, "shells")).map((r) => [r.name, r.createdBy, r.updatedBy])).toEqual([["second-line", "bob", "anna"]]);
    await expect(s.save(viewer, "shells", plantDown)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await s.save(analyst, "shells", plantDown);
    await s.delete(analyst, "shells", "plant-down");
    await expect(s.get(viewer, "shells", "plant-down")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const log = await t.store.audit.list({ dataset: "shells" });
    expect(log.filter((e) => e.entity === "scenarios").map((e) => [e.actor, e.action, e.key])).toEqual([
      ["bob", "scenario.delete", "plant-down"],
      ["bob", "scenario.save", "plant-down"],
      ["anna", "scenario.save", "second-line"],
      ["bob", "scenario.save", "second-line"],
    ]);
    await s.save(analyst, "shells", plantDown);
  });

  it("refuses a scenario that does not fit the dataset, naming every change and field", async () => {
    const bad = {
      ...moreShells,
      name: "bad",
      changes: [
        { kind: "capacity", supply: "s-nope", from: "2025-03", factor: 2 },
        { kind: "outage", node: "atlantis", from: "2031-01" },
      ],
    };
    const e = await t.services.scenarios.save(analyst, "shells", bad).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "VALIDATION_FAILED" });
    const fields = (e as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["changes[0].supply", "changes[1].node", "changes[1].from"]));
    await expect(t.services.scenarios.get(viewer, "shells", "bad")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("analyses", () => {
  it("compares the base and the stored scenarios side by side, base first, with differences", async () => {
    const s = t.services.scenarios;
    const r = await s.wait(await s.compare(analyst, "shells", { scenarios: ["second-line", "plant-down"] }));
    expect(r.scenarios.map((x) => x.name)).toEqual(["base", "second-line", "plant-down"]);
    const target = (name: string) => r.scenarios.find((x) => x.name === name)!.targets.find((x) => x.id === "t1")!;
    // A second line reaches the norm earlier; the TNT plant's outage later (or not at all).
    expect(target("second-line").metAt! < target("base").metAt!).toBe(true);
    expect(target("plant-down").metAt === null || target("plant-down").metAt! >= target("base").metAt!).toBe(true);
    expect(r.scenarios[1]!.diff).toBeDefined();
    // Asked again for the same dataset state, it is cached.
    const again = await s.compare(admin, "shells", { scenarios: ["second-line", "plant-down"] });
    expect("result" in again).toBe(true);
    await expect(s.compare(viewer, "shells", {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives the same Monte Carlo answer byte for byte in this thread and in two worker threads, whatever the chunks", async () => {
    const request = { events, runs: 60, seed: 42 };
    const here = await t.services.scenarios.wait(await t.services.scenarios.monteCarlo(analyst, "shells", request));
    const threaded = await openTestServices({ solver: undefined, workers: 2 });
    try {
      await threaded.store.saveDataset(shellDataset());
      const s = threaded.services.scenarios;
      const messages: string[] = [];
      const inThreads = await s.wait(await s.monteCarlo(analyst, "shells", { ...request, chunk: 7 }), (_, m) => messages.push(m));
      expect(JSON.stringify(inThreads)).toBe(JSON.stringify(here));
      expect(messages.some((m) => /of 60 runs, [\d.]+ runs\/s/.test(m))).toBe(true);
    } finally {
      await threaded.close();
    }
    expect(here).toMatchObject({ runs: 60, seed: 42 });
    const t1 = here.targets.find((x) => x.id === "t1")!;
    expect(t1.probability).toBeGreaterThanOrEqual(0);
    expect(t1.ci[0]).toBeLessThanOrEqual(t1.probability);
  });

  it("refuses an events file with located problems", async () => {
    const bad = { ...events, events: [{ ...events.events[0]!, node: "atlantis", probability: 2 }] };
    const e = await t.services.scenarios.monteCarlo(analyst, "shells", { events: bad, runs: 10, seed: 1 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(JSON.stringify((e as { details: unknown }).details)).toContain("events[0].probability");
  });

  it("ranks the nodes by time to survive", async () => {
    const { from, nodes: r } = await t.services.scenarios.wait(await t.services.scenarios.survive(analyst, "shells", { from: "2025-01" }));
    expect(from).toBe("2025-01");
    expect(r.map((n) => n.node)).toEqual(expect.arrayContaining(["nl-plant", "us-plant", "NL", "US"]));
    // Without the NL plant nothing is made at all: it hurts first.
    expect(r[0]!.node === "nl-plant" || r[0]!.node === "ammo-nl" || r[0]!.node === "NL").toBe(true);
  });
});

import { analyzeRisk, itemChain, type PlanResult } from "@paraat/core";
import { datasetToJson } from "@paraat/io";
import { afterAll, beforeAll, expect, it } from "vitest";

import { actor, openTestServices, shellDataset, type TestServices } from "./test-support/fixtures.js";

let t: TestServices;
const viewer = actor("viewer");
const analyst = actor("analyst");

beforeAll(async () => {
  t = await openTestServices();
  await t.services.datasets.importUpload(analyst, Buffer.from(datasetToJson(shellDataset())), { format: "json" });
});
afterAll(async () => t.close());

it("plans as a job, shares the job between callers, then serves the cached plan until the dataset changes", async () => {
  const first = await t.services.plans.run(analyst, "shells");
  const second = await t.services.plans.read(viewer, "shells");
  if (!("job" in first) || !("job" in second)) throw new Error("expected jobs");
  expect(second.job.id).toBe(first.job.id);
  expect(first.job).toMatchObject({ kind: "plan", status: "queued", dataset: "shells", owner: "analyst" });
  expect(await t.services.plans.cached(viewer, "shells")).toBeUndefined();

  const done = await t.services.jobs.settled(first.job.id);
  expect(done.status).toBe("done");
  const result = t.services.jobs.result(first.job.id) as PlanResult;
  expect(result.status).toBe("optimal");
  expect(result.demands.map((d) => d.id)).toEqual(["d1"]);

  const cached = await t.services.plans.read(viewer, "shells");
  expect("result" in cached && cached.result).toBe(result);
  // The defaults spelt out are the same plan.
  const spelt = await t.services.plans.run(analyst, "shells", { bottlenecks: 10, resolveTop: 3, weights: { lateness: 1 } });
  expect("result" in spelt && spelt.result).toBe(result);
  // Other options are another plan.
  expect("job" in (await t.services.plans.run(analyst, "shells", { bottlenecks: 2 }))).toBe(true);

  await new Promise((r) => setTimeout(r, 5));
  await t.services.datasets.updateEntity(analyst, "shells", "demands", "d1", {
    id: "d1",
    item: "shell",
    consumer: "nl-army",
    qty: 120,
    due: "2025-03",
  });
  const after = await t.services.plans.read(viewer, "shells");
  expect("job" in after).toBe(true);
  if ("job" in after) await t.services.jobs.settled(after.job.id);
});

it("refuses plan runs to roles without plan:run and bad options with every field", async () => {
  await expect(t.services.plans.run(viewer, "shells")).rejects.toMatchObject({ code: "FORBIDDEN" });
  const err = await t.services.plans
    .run(analyst, "shells", { bottlenecks: -1, weights: { lateness: "x" as unknown as number }, colour: 1 } as never)
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "VALIDATION_FAILED" });
  const fields = (err as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field).sort();
  expect(fields).toEqual(["bottlenecks", "colour", "weights.lateness"]);
  await expect(t.services.plans.run(analyst, "nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("serves the risk analysis, filtered by severity, kind and item", async () => {
  const dataset = await t.services.datasets.get(viewer, "shells");
  const expected = analyzeRisk(dataset);
  const full = await t.services.risk.query(viewer, "shells");
  expect(full).toEqual(expected);
  expect(await t.services.risk.query(viewer, "shells")).toBe(full);

  const high = await t.services.risk.query(viewer, "shells", { severity: "high" });
  expect(high.register).toEqual(expected.register.filter((f) => f.severity === "high"));
  const kinds = await t.services.risk.query(viewer, "shells", { kind: ["single-source", "critical-material"] });
  expect(kinds.register).toEqual(expected.register.filter((f) => f.kind === "single-source" || f.kind === "critical-material"));
  const tnt = await t.services.risk.query(viewer, "shells", { item: "tnt" });
  expect(tnt.items.map((i) => i.id)).toEqual(["tnt"]);
  expect(tnt.register.every((f) => f.subject === "tnt" || f.related.includes("tnt"))).toBe(true);

  await expect(t.services.risk.query(viewer, "shells", { item: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(t.services.risk.query(actor("analyst", "x"), "nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("builds an item's chain down to raw materials with sites, companies, countries and blocs", () => {
  const d = shellDataset();
  const chain = itemChain(d, analyzeRisk(d), "shell");
  const nodes = Object.fromEntries(chain.nodes.map((n) => [n.id, n]));
  expect(Object.keys(nodes).sort()).toEqual(
    [
      "item:shell",
      "item:tnt",
      "item:body",
      "item:antimony",
      "site:nl-plant",
      "site:us-plant",
      "company:ammo-nl",
      "company:chem-us",
      "country:NL",
      "country:US",
      "country:CN",
    ].sort(),
  );
  expect(["shell", "tnt", "body", "antimony"].map((i) => nodes[`item:${i}`]!.depth)).toEqual([0, 1, 1, 2]);
  expect(["NL", "US", "CN"].map((c) => nodes[`country:${c}`]!.bloc)).toEqual(["eu", "nato", "concern"]);
  expect(nodes["site:us-plant"]).toMatchObject({ country: "US", bloc: "nato", label: "Plant US" });
  // TNT: 300 of 400 units a month from the US, 100 from NL: HHI = 10,000 × (0.75² + 0.25²).
  expect(nodes["item:tnt"]!.risk).toMatchObject({
    hhiCountry: 6250,
    options: 2,
    singleSource: { option: false, company: false, country: false },
  });
  expect(nodes["item:body"]!.risk!.singleSource).toEqual({ option: true, company: true, country: true });

  const edges = chain.edges.map(
    (e) => `${e.from} ${e.kind} ${e.to}${e.qty !== undefined ? ` ×${e.qty}` : ""}${e.share !== undefined ? ` ${e.share}` : ""}`,
  );
  expect(edges.sort()).toEqual(
    [
      "item:shell supplied-by site:nl-plant 1",
      "item:shell bom item:tnt ×2",
      "item:shell bom item:body ×1",
      "item:tnt supplied-by site:us-plant 0.75",
      "item:tnt supplied-by site:nl-plant 0.25",
      "item:tnt bom item:antimony ×0.5",
      "item:body supplied-by site:nl-plant 1",
      "item:antimony sourced-from country:CN 0.6",
      "item:antimony sourced-from country:US 0.4",
      "site:nl-plant operated-by company:ammo-nl",
      "site:nl-plant located-in country:NL",
      "company:ammo-nl registered-in country:NL",
      "site:us-plant operated-by company:chem-us",
      "site:us-plant located-in country:US",
      "company:chem-us registered-in country:US",
    ].sort(),
  );
  expect(chain.edges.find((e) => e.supply === "s-shell")).toMatchObject({ leadTime: 1, averageCapacity: 100 });
  expect(chain.truncated).toBe(false);
});

it("cuts the chain at a depth and says so", async () => {
  const chain = await t.services.network.chain(viewer, "shells", "shell", { depth: "1" });
  expect(chain.truncated).toBe(true);
  expect(chain.nodes.some((n) => n.id === "item:antimony" || n.id === "country:CN")).toBe(false);
  expect(chain.edges.some((e) => e.to === "item:antimony")).toBe(false);
  expect((await t.services.network.chain(viewer, "shells", "antimony")).nodes.map((n) => n.id).sort()).toEqual([
    "country:CN",
    "country:US",
    "item:antimony",
  ]);
  await expect(t.services.network.chain(viewer, "shells", "ghost")).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(t.services.network.chain(viewer, "shells", "shell", { depth: "-2" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
});

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { validateDataset, type PlanResult } from "@paraat/core";
import { openStore } from "@paraat/store";
import { runCli as run } from "../test-support/run-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-cli-plan-"));
  db = join(dir, "p.db");
  // 30 shells a month, 96 due in the third month: 90 on time, 6 a month late.
  const parsed = validateDataset({
    format: "paraat-dataset",
    version: 1,
    name: "tiny",
    horizon: { start: "2025-01", periods: 6 },
    countries: [{ code: "NL", name: "Netherlands", eu: true, nato: true, concern: false }],
    companies: [{ id: "co", name: "Company", country: "NL", base: [], owners: [], clearance: "granted" }],
    sites: [{ id: "site", company: "co", country: "NL", name: "Plant" }],
    items: [{ id: "shell", name: "155 mm shell", kind: "end-item", unit: "pc", unitValue: 1 }],
    supply: [{ id: "line", item: "shell", site: "site", leadTime: 0, unitCost: 1, capacity: [{ from: "2025-01", perPeriod: 30 }] }],
    consumers: [{ id: "nl", name: "NL armed forces", country: "NL", priority: 1 }],
    demands: [{ id: "D", item: "shell", consumer: "nl", qty: 96, due: "2025-03" }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const store = await openStore(db);
  try {
    await store.saveDataset(parsed.dataset);
  } finally {
    await store.close();
  }
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it("plans, prints JSON with the fixed field names, and exports the LP", async () => {
  const lp = join(dir, "model.lp");
  const r = await run("--db", db, "--format", "json", "plan", "--solver", "highs", "--export-lp", lp);
  expect(r.code, r.err).toBe(0);
  const plan = JSON.parse(r.out) as PlanResult;
  expect(plan.status).toBe("optimal");
  expect(plan.demands[0]).toMatchObject({ id: "D", onTime: 90, late: 6, short: 0, lastDelivery: "2025-04" });
  expect(plan.solver).toMatchObject({ backend: "highs-wasm", clusters: 1 });
  expect(plan.bottlenecks[0]).toMatchObject({ supply: "line", months: [{ from: "2025-01", to: "2025-03" }] });
  const text = await readFile(lp, "utf8");
  expect(text).toMatch(/^\\ Paraat plan model of dataset tiny/);
  expect(text).toContain("\nMinimize\n obj:");
  expect(text.endsWith("End\n")).toBe(true);
});

it("prints one line per demand and the explanation of a late one as a note", async () => {
  const r = await run("--db", db, "plan", "--solver", "highs", "--resolve-top", "0");
  expect(r.code, r.err).toBe(0);
  expect(r.out).toMatch(/\nD\s+shell\s+nl\s+96\s+2025-03\s+90\s+6\s+0\s+2025-04\s+1\n/);
  expect(r.out).toContain("demand D: 155 mm shell for NL armed forces: 96 due 2025-03; 90 on time, the rest by 2025-04, 1 month late: ");
});

it("refuses an unknown solver with INVALID_ARGUMENT", async () => {
  const r = await run("--db", db, "plan", "--solver", "lpsolve");
  expect(r.code).toBe(2);
  expect(r.err).toContain("error INVALID_ARGUMENT: --solver must be one of");
});

it("takes the tie rule and the stated orders, and refuses unknown ones by their option", async () => {
  const r = await run("--db", db, "--format", "json", "plan", "--solver", "highs", "--ties", "pro-rata", "--supply-order", "lead-time,id");
  expect(r.code, r.err).toBe(0);
  const plan = JSON.parse(r.out) as PlanResult;
  expect(plan.ties).toMatchObject({ applied: true, rule: "pro-rata", supplies: ["lead-time", "id"], targets: ["by", "id"] });
  const table = await run("--db", db, "plan", "--solver", "highs", "--resolve-top", "0");
  expect(table.out).toContain("ties: rule due-date, equal-cost supply options by bloc, lead-time, id, targets of one priority by by, id");
  const bad = await run("--db", db, "plan", "--ties", "first-come");
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/INVALID_ARGUMENT: --ties: /);
  const twice = await run("--db", db, "plan", "--supply-order", "bloc,bloc");
  expect(twice.code).toBe(2);
  expect(twice.err).toMatch(/INVALID_ARGUMENT: --supply-order: each key at most once/);
});

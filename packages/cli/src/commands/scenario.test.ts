import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { MonteCarloSummary, ScenarioComparison } from "@paraat/core";
import { runCli as run } from "../test-support/run-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-cli-scenario-"));
  db = join(dir, "s.db");
  expect((await run("--db", db, "-q", "dataset", "load", "nl-2024")).code).toBe(0);
  await writeFile(
    join(dir, "more.json"),
    JSON.stringify({
      format: "paraat-scenario",
      version: 1,
      name: "nammo-doubles",
      changes: [{ kind: "capacity", supply: "nammo-raufoss-155-lap", from: "2026-01", factor: 2 }],
    }),
  );
  await writeFile(
    join(dir, "events.json"),
    JSON.stringify({
      format: "paraat-events",
      version: 1,
      events: [
        {
          id: "fire",
          kind: "outage",
          node: "rheinmetall-unterluess",
          probability: 0.3,
          start: { from: "2026-01", to: "2027-12" },
          months: 6,
        },
      ],
    }),
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it("saves a scenario, compares it with the base (JSON and a workbook), and lists it", async () => {
  expect((await run("--db", db, "scenario", "save", join(dir, "more.json"))).code).toBe(0);
  const xlsx = join(dir, "cmp.xlsx");
  const r = await run("--db", db, "--format", "json", "scenario", "compare", "--xlsx", xlsx);
  expect(r.code, r.err).toBe(0);
  const c = JSON.parse(r.out) as ScenarioComparison;
  expect(c.scenarios.map((s) => s.name)).toEqual(["base", "nammo-doubles"]);
  expect(Object.keys(c.scenarios[1]!)).toEqual(expect.arrayContaining(["name", "targets", "demands", "cost", "autonomy", "bottlenecks"]));
  const wb = new ExcelJS.Workbook();
  const bytes = await readFile(xlsx);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["scenarios", "targets", "demands"]);
  const list = await run("--db", db, "scenario", "list");
  expect(list.out).toContain("nammo-doubles");
});

it("runs a Monte Carlo with the fixed field names, the same answer on one and two threads", async () => {
  const args = [
    "--db",
    db,
    "--format",
    "json",
    "scenario",
    "montecarlo",
    "--events",
    join(dir, "events.json"),
    "--runs",
    "20",
    "--seed",
    "3",
  ];
  const one = await run(...args);
  expect(one.code, one.err).toBe(0);
  const two = await run(...args, "--threads", "2");
  expect(two.out).toBe(one.out);
  const m = JSON.parse(one.out) as MonteCarloSummary;
  expect(m).toMatchObject({ runs: 20, seed: 3 });
  expect(Object.keys(m.targets[0]!)).toEqual(expect.arrayContaining(["id", "probability", "ci", "metAt", "causes"]));
  expect(Object.keys(m.demands[0]!)).toEqual(expect.arrayContaining(["id", "onTimeProbability", "expectedShort"]));
});

it("refuses a scenario that names an unknown site, with the field", async () => {
  const bad = join(dir, "bad.json");
  await writeFile(
    bad,
    JSON.stringify({ format: "paraat-scenario", version: 1, name: "x", changes: [{ kind: "outage", node: "atlantis", from: "2026-01" }] }),
  );
  const r = await run("--db", db, "scenario", "save", bad);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/changes\[0\]\.node/);
});

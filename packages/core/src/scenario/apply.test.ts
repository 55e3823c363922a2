import { describe, expect, it } from "vitest";
import type { Dataset } from "../model/schema.js";
import { tinyDataset } from "../plan/test-support/tiny-dataset.js";
import { applyScenario } from "./apply.js";
import type { Scenario, ScenarioChange } from "./schema.js";

/** Two suppliers of shells (and one of fuzes, at site-a) at two sites of one company in NL, a second company in DE; one demand, one target. */
function base(): Dataset {
  const d = tinyDataset({
    periods: 12,
    items: ["shell", "fuze"],
    supply: [
      { id: "f", item: "fuze", site: "site-a", capacity: [[0, 10]] },
      {
        id: "a",
        item: "shell",
        site: "site-a",
        capacity: [
          [0, 100],
          [6, 200],
        ],
      },
      { id: "b", item: "shell", site: "site-b", capacity: [[0, 50]] },
    ],
    consumers: [
      { id: "nl", priority: 1 },
      { id: "ua", priority: 2 },
    ],
    demands: [{ id: "ua-1", item: "shell", consumer: "ua", qty: 300, due: 3 }],
    targets: [{ id: "nl-norm", item: "shell", consumer: "nl", level: 1000, by: 11 }],
  });
  // site-b belongs to a German company, in Germany.
  return {
    ...d,
    countries: [...d.countries, { code: "DE", name: "Germany", eu: true, nato: true, concern: false }],
    companies: [...d.companies, { id: "de-co", name: "DE company", country: "DE", base: [], owners: [], clearance: "granted" }],
    sites: d.sites.map((s) => (s.id === "site-b" ? { ...s, company: "de-co", country: "DE" } : s)),
  };
}

function scenario(...changes: ScenarioChange[]): Scenario {
  return { format: "paraat-scenario", version: 1, name: "test", changes };
}

function applied(...changes: ScenarioChange[]): Dataset {
  const r = applyScenario(base(), scenario(...changes));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const capacityOf = (d: Dataset, id: string) => d.supply.find((s) => s.id === id)!.capacity;

describe("applyScenario, each change kind worked by hand", () => {
  it("an outage of a site for three months loses all its capacity then, and only its own", () => {
    const d = applied({ kind: "outage", node: "site-a", from: "2025-03", months: 3 });
    expect(capacityOf(d, "a")).toEqual([
      { from: "2025-01", perPeriod: 100 },
      { from: "2025-03", perPeriod: 0 },
      { from: "2025-06", perPeriod: 100 },
      { from: "2025-07", perPeriod: 200 },
    ]);
    expect(capacityOf(d, "b")).toEqual(capacityOf(base(), "b"));
  });

  it("an export ban by a country (for good) ends the capacity of every site in it", () => {
    const d = applied({ kind: "outage", node: "DE", from: "2025-05" });
    expect(capacityOf(d, "b")).toEqual([
      { from: "2025-01", perPeriod: 50 },
      { from: "2025-05", perPeriod: 0 },
    ]);
    expect(capacityOf(d, "a")).toEqual(capacityOf(base(), "a"));
  });

  it("a company outage with a share loses that share at all its sites; an item filter narrows it", () => {
    const d = applied({ kind: "outage", node: "co", from: "2025-01", share: 0.25 });
    expect(capacityOf(d, "a")).toEqual([
      { from: "2025-01", perPeriod: 75 },
      { from: "2025-07", perPeriod: 150 },
    ]);
    expect(capacityOf(d, "f")).toEqual([{ from: "2025-01", perPeriod: 7.5 }]);
    const shellsOnly = applied({ kind: "outage", node: "co", item: "shell", from: "2025-01", share: 0.25 });
    expect(capacityOf(shellsOnly, "a")).toEqual(capacityOf(d, "a"));
    expect(capacityOf(shellsOnly, "f")).toEqual(capacityOf(base(), "f"));
  });

  it("a capacity change sets or scales one option over a window, to its `to` month inclusive", () => {
    const set = applied({ kind: "capacity", supply: "b", from: "2025-04", to: "2025-06", perPeriod: 80 });
    expect(capacityOf(set, "b")).toEqual([
      { from: "2025-01", perPeriod: 50 },
      { from: "2025-04", perPeriod: 80 },
      { from: "2025-07", perPeriod: 50 },
    ]);
    const ramp = applied({ kind: "capacity", supply: "a", from: "2025-10", factor: 1.5 });
    expect(capacityOf(ramp, "a").at(-1)).toEqual({ from: "2025-10", perPeriod: 300 });
  });

  it("adds a supply option at a new site; later changes may refer to it", () => {
    const d = applied(
      {
        kind: "add-supply",
        site: { id: "site-new", company: "co", country: "NL", name: "New line" },
        supply: { id: "new", item: "shell", site: "site-new", leadTime: 2, unitCost: 3, capacity: [{ from: "2026-01", perPeriod: 10 }] },
      },
      { kind: "capacity", supply: "new", from: "2025-06", perPeriod: 20 },
    );
    expect(d.sites.map((s) => s.id)).toContain("site-new");
    expect(capacityOf(d, "new")).toEqual([{ from: "2025-06", perPeriod: 20 }]);
  });

  it("adds or replaces a demand, changes a target and a consumer's priority", () => {
    const d = applied(
      { kind: "demand", demand: { id: "ua-1", item: "shell", consumer: "ua", qty: 500, due: "2025-05" } },
      { kind: "demand", demand: { id: "ua-2", item: "shell", consumer: "ua", qty: 10, due: "2025-09" } },
      { kind: "target", id: "nl-norm", level: 1500, usagePerPeriod: 5 },
      { kind: "priority", consumer: "ua", priority: 1 },
    );
    expect(d.demands).toEqual([
      { id: "ua-1", item: "shell", consumer: "ua", qty: 500, due: "2025-05" },
      { id: "ua-2", item: "shell", consumer: "ua", qty: 10, due: "2025-09" },
    ]);
    expect(d.targets[0]).toMatchObject({ id: "nl-norm", level: 1500, by: "2025-12", usagePerPeriod: 5 });
    expect(d.consumers.find((c) => c.id === "ua")!.priority).toBe(1);
  });

  it("leaves the dataset it was given unchanged", () => {
    const b = base();
    const before = JSON.stringify(b);
    applyScenario(b, scenario({ kind: "outage", node: "NL", from: "2025-01" }, { kind: "priority", consumer: "ua", priority: 3 }));
    expect(JSON.stringify(b)).toBe(before);
  });
});

describe("applyScenario, bad changes", () => {
  it("reports every problem at once, each located by change and field, and applies nothing", () => {
    const r = applyScenario(
      base(),
      scenario(
        { kind: "outage", node: "atlantis", from: "2031-01" },
        { kind: "capacity", supply: "zz", from: "2025-05", to: "2025-02", factor: 2 },
        { kind: "target", id: "nl-norm", by: "2024-12" },
        { kind: "priority", consumer: "nobody", priority: 1 },
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(
      ["changes[0].from", "changes[0].node", "changes[1].supply", "changes[1].to", "changes[2].by", "changes[3].consumer"].sort(),
    );
    expect(r.issues.find((i) => i.field === "changes[0].node")).toMatchObject({ change: 0, value: "atlantis" });
    for (const i of r.issues) expect(i.expected.length).toBeGreaterThan(0);
  });

  it("refuses an added supply option that names an unknown item or site, or an id in use", () => {
    const r = applyScenario(
      base(),
      scenario({
        kind: "add-supply",
        supply: { id: "a", item: "rocket", site: "nowhere", leadTime: 0, unitCost: 1, capacity: [] },
      }),
    );
    expect(r.ok ? [] : r.issues.map((i) => i.field).sort()).toEqual([
      "changes[0].supply.id",
      "changes[0].supply.item",
      "changes[0].supply.site",
    ]);
  });
});

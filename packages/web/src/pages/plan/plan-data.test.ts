import { describe, expect, it } from "vitest";
import type { PlanProduction } from "@paraat/core";
import { affectedBy, productionRows, productionTotals } from "./plan-data.js";

const d = {
  bom: [
    { parent: "shell", child: "body", qty: 1 },
    { parent: "shell", child: "charge", qty: 2 },
    { parent: "charge", child: "nc", qty: 3 },
    { parent: "rocket", child: "nc", qty: 1 },
  ],
  items: [
    { id: "shell", name: "Shell", kind: "end-item" as const, unit: "round", unitValue: 1 },
    { id: "body", name: "Body", kind: "component" as const, unit: "pc", unitValue: 1 },
    { id: "nc", name: "NC", kind: "material" as const, unit: "kg", unitValue: 1 },
    { id: "rocket", name: "Rocket", kind: "end-item" as const, unit: "pc", unitValue: 1 },
  ],
  supply: [
    { id: "s-shell", item: "shell", site: "a", leadTime: 1, unitCost: 100, capacity: [] },
    { id: "s-nc", item: "nc", site: "b", leadTime: 2, unitCost: 2.5, capacity: [] },
    { id: "s-rocket", item: "rocket", site: "a", leadTime: 1, unitCost: 9, capacity: [] },
  ],
  sites: [
    { id: "a", company: "acme", country: "NL", name: "Site A" },
    { id: "b", company: "chem", country: "DE", name: "Site B" },
  ],
  companies: [{ id: "acme", name: "Acme", country: "NL", base: [], owners: [], clearance: "granted" as const }],
};

describe("productionRows", () => {
  const production: PlanProduction[] = [
    { supply: "s-nc", item: "nc", site: "b", period: "2025-03", qty: 10 },
    { supply: "s-shell", item: "shell", site: "a", period: "2025-02", qty: 4 },
    { supply: "s-rocket", item: "rocket", site: "a", period: "2025-01", qty: 1 },
    { supply: "s-shell", item: "shell", site: "a", period: "2025-09", qty: 4 },
  ];

  it("keeps production of the chain up to the month given, with cost = qty × unit cost", () => {
    const rows = productionRows(d, production, "shell", "2025-06");
    expect(rows.map((r) => [r.period, r.item, r.qty, r.cost])).toEqual([
      ["2025-02", "shell", 4, 400],
      ["2025-03", "nc", 10, 25],
    ]);
    expect(rows[0]).toMatchObject({ siteName: "Site A", companyName: "Acme", country: "NL" });
    // A company not in the dataset falls back to its id.
    expect(rows[1]!.companyName).toBe("chem");
  });

  it("sums quantity and cost per item", () => {
    const rows = productionRows(d, production, "shell", null);
    expect(productionTotals(rows)).toEqual([
      { item: "shell", itemName: "Shell", qty: 8, cost: 800 },
      { item: "nc", itemName: "NC", qty: 10, cost: 25 },
    ]);
  });
});

describe("affectedBy", () => {
  it("finds the targets and demands whose causes name the supply option", () => {
    const capacity = (supply: string) => ({
      kind: "capacity" as const,
      supply,
      item: "shell",
      itemName: "Shell",
      site: "a",
      siteName: "A",
      company: "acme",
      companyName: "Acme",
      country: "NL",
      months: [],
      value: 1,
    });
    const plan = {
      targets: [
        {
          id: "t1",
          item: "shell",
          consumer: "nl",
          level: 1,
          by: "2025-01",
          met: false,
          metAt: null,
          gapAtBy: 1,
          monthsLate: null,
          unmetUsage: 0,
          stock: [],
          explanation: { summary: "", causes: [capacity("s-shell")] },
        },
        {
          id: "t2",
          item: "shell",
          consumer: "nl",
          level: 1,
          by: "2025-01",
          met: true,
          metAt: "2025-01",
          gapAtBy: 0,
          monthsLate: 0,
          unmetUsage: 0,
          stock: [],
          explanation: null,
        },
      ],
      demands: [
        {
          id: "d1",
          item: "shell",
          consumer: "ua",
          qty: 1,
          due: "2025-01",
          priority: 1,
          onTime: 0,
          late: 1,
          short: 0,
          lastDelivery: "2025-03",
          monthsLate: 2,
          explanation: { summary: "", causes: [capacity("other"), capacity("s-shell")] },
        },
        {
          id: "d2",
          item: "shell",
          consumer: "ua",
          qty: 1,
          due: "2025-01",
          priority: 1,
          onTime: 0,
          late: 1,
          short: 0,
          lastDelivery: "2025-03",
          monthsLate: 2,
          explanation: { summary: "", causes: [capacity("other")] },
        },
      ],
    };
    expect(affectedBy(plan, "s-shell").map((a) => [a.kind, a.id])).toEqual([
      ["target", "t1"],
      ["demand", "d1"],
    ]);
  });
});

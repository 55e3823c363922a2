import { describe, expect, it } from "vitest";
import { validateDataset } from "./validate.js";

const base = () => ({
  format: "paraat-dataset",
  version: 1,
  name: "t",
  horizon: { start: "2025-01", periods: 12 },
  countries: [{ code: "NL", name: "Netherlands", eu: true, nato: true, concern: false }],
  companies: [{ id: "c1", name: "C1", country: "NL", base: ["NLDTIB"], owners: [], clearance: "granted" }],
  sites: [{ id: "s1", company: "c1", country: "NL", name: "S1" }],
  items: [
    { id: "a", name: "A", kind: "end-item", unit: "pc", unitValue: 10 },
    { id: "b", name: "B", kind: "component", unit: "pc", unitValue: 1 },
  ],
  bom: [{ parent: "a", child: "b", qty: 2 }],
  supply: [{ id: "sa", item: "a", site: "s1", leadTime: 1, unitCost: 5, capacity: [{ from: "2025-01", perPeriod: 10 }] }],
  consumers: [{ id: "nl", name: "NL forces", country: "NL", priority: 1 }],
  demands: [{ id: "d1", item: "a", consumer: "nl", qty: 5, due: "2025-06" }],
});

describe("validateDataset", () => {
  it("accepts a valid dataset and fills defaults", () => {
    const r = validateDataset(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dataset.targets).toEqual([]);
  });

  it("reports every error at once with entity, id, field, value and expectation", () => {
    const d = base();
    d.bom.push({ parent: "b", child: "a", qty: 1 }); // cycle
    d.items[1]!.unitValue = -1; // negative
    d.demands[0]!.due = "2027-01"; // outside horizon
    d.supply[0]!.site = "nope"; // unknown ref
    d.items.push({ id: "a", name: "dup", kind: "component", unit: "pc", unitValue: 1 }); // duplicate
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.issues.map((i) => `${i.entity}:${i.id ?? i.index}:${i.field}`).sort();
    expect(got).toEqual(["bom:b/a:child", "demands:d1:due", "items:a:id", "items:b:unitValue", "supply:sa:site"].sort());
    const neg = r.issues.find((i) => i.field === "unitValue")!;
    expect(neg.value).toBe(-1);
    expect(neg.expected).toMatch(/≥ 0/);
    expect(r.issues.find((i) => i.entity === "bom")!.message).toMatch(/a → b → a|b → a → b/);
  });

  it("rejects unknown fields and share sums off by more than the tolerance", () => {
    const d = base() as Record<string, unknown>;
    (d.items as Record<string, unknown>[])[0]!.colour = "green";
    d.items = [...(d.items as object[]), { id: "sb", name: "Sb", kind: "raw-material", unit: "t", unitValue: 1 }];
    d.materials = [
      {
        item: "sb",
        stages: [{ stage: "extraction", globalSupply: { NL: 0.5 }, euSourcing: { NL: 1 }, importReliance: 1, eolRir: 0, substitution: 1 }],
      },
    ];
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(["colour", "stages[0].globalSupply"]);
  });
});

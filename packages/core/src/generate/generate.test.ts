import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { validateDataset } from "../model/validate.js";
import type { Dataset } from "../model/schema.js";
import { periodOf } from "../month.js";
import { generateDataset } from "./generate.js";
import { generatedItemCount, presetItemGoals, presetNames, presets, type GenerateOptions } from "./options.js";

const issuesOf = (d: Dataset): string[] => {
  const r = validateDataset(d);
  return r.ok ? [] : r.issues.slice(0, 5).map((i) => `${i.entity} ${i.id ?? i.index} ${i.field}: ${i.message}`);
};

const countBy = <T>(list: readonly T[], key: (t: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};

describe("generateDataset: determinism", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives a deep-equal dataset for the same seed and a different one for another seed", () => {
    const a = generateDataset(presets.small);
    const b = generateDataset({ ...presets.small });
    expect(b).toEqual(a);
    const c = generateDataset({ ...presets.small, seed: 2 });
    expect(c).not.toEqual(a);
    // Same sizes, different content.
    expect(c.items.length).toBe(a.items.length);
    expect(c.bom).not.toEqual(a.bom);
    expect(c.supply).not.toEqual(a.supply);
  });

  it("uses neither Math.random nor the clock", () => {
    const random = vi.spyOn(Math, "random");
    const now = vi.spyOn(Date, "now");
    generateDataset(presets.small);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it("holds only JSON values (no undefined, NaN or Infinity)", () => {
    const d = generateDataset({ ...presets.small, seed: 11 });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe("generateDataset: presets", () => {
  it.each(presetNames)("%s validates and has the item count the options promise, within 15 percent of its goal", (name) => {
    const d = generateDataset(presets[name]);
    expect(issuesOf(d)).toEqual([]);
    expect(d.items.length).toBe(generatedItemCount(presets[name]));
    expect(Math.abs(d.items.length - presetItemGoals[name]) / presetItemGoals[name]).toBeLessThanOrEqual(0.15);
    expect(d.horizon).toEqual({ start: "2025-01", periods: 60 });
  });
});

describe("generateDataset: random options", () => {
  it("is valid for any small combination of options", () => {
    fc.assert(
      fc.property(
        fc.record({
          endItems: fc.integer({ min: 1, max: 12 }),
          depth: fc.integer({ min: 1, max: 6 }),
          sites: fc.integer({ min: 1, max: 15 }),
          countries: fc.integer({ min: 1, max: 96 }),
          periods: fc.integer({ min: 1, max: 48 }),
          seed: fc.integer(),
          start: fc.constantFrom("2024-01", "2025-07", "2030-12"),
        }),
        (options: GenerateOptions) => {
          const d = generateDataset(options);
          expect(issuesOf(d)).toEqual([]);
          expect(d.items.length).toBe(generatedItemCount(options));
          expect(d.countries.length).toBe(options.countries);
          expect(d.sites.length).toBe(options.sites);
          // Every item can be obtained somewhere, and every item but the raw materials is made from parts.
          const supplied = new Set(d.supply.map((s) => s.item));
          const parents = new Set(d.bom.map((b) => b.parent));
          for (const item of d.items) {
            expect(supplied.has(item.id)).toBe(true);
            if (item.kind !== "raw-material") expect(parents.has(item.id)).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 20_251_128 },
    );
  });
});

describe("generateDataset: shapes (medium preset)", () => {
  const d = generateDataset(presets.medium);
  const kindOf = new Map(d.items.map((i) => [i.id, i.kind]));
  const countryOf = new Map(d.countries.map((c) => [c.code, c]));
  const siteCountry = new Map(d.sites.map((s) => [s.id, s.country]));
  const sources = countBy(d.supply, (s) => s.item);

  it("layers the BOM downwards only: end items → components → materials → raw materials", () => {
    const rank = { "end-item": 0, component: 1, material: 2, "raw-material": 3 } as const;
    for (const b of d.bom) expect(rank[kindOf.get(b.child)!]).toBeGreaterThan(rank[kindOf.get(b.parent)!]);
    expect(new Set(d.bom.map((b) => b.child)).size).toBe(d.items.filter((i) => i.kind !== "end-item").length);
    // Quantities vary.
    expect(new Set(d.bom.map((b) => b.qty)).size).toBeGreaterThan(50);
  });

  it("shares components with a heavy tail: some used by many parents, most by one or two", () => {
    const parents = [...countBy(d.bom, (b) => b.child).entries()].filter(([id]) => kindOf.get(id) === "component").map(([, n]) => n);
    const shared = parents.filter((n) => n >= 3).length;
    expect(shared).toBeGreaterThan(0.05 * parents.length);
    expect(Math.max(...parents)).toBeGreaterThanOrEqual(15);
    expect(parents.filter((n) => n <= 2).length).toBeGreaterThan(parents.length / 2);
  });

  it("has 1–3 sources per item with a real share of single sources", () => {
    const counts = [...sources.values()];
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(3);
    const single = counts.filter((n) => n === 1).length / counts.length;
    expect(single).toBeGreaterThan(0.2);
    expect(single).toBeLessThan(0.6);
  });

  it("has ramp-ups, late openings and capacity that ends at an expiry", () => {
    let ramps = 0;
    let expiring = 0;
    let late = 0;
    for (const s of d.supply) {
      const steps = s.capacity;
      if (periodOf(d.horizon, steps[0]!.from) > 0) late++;
      const last = steps[steps.length - 1]!;
      if (last.perPeriod === 0) expiring++;
      // Apart from a final 0, steps only grow.
      const growing = last.perPeriod === 0 ? steps.slice(0, -1) : steps;
      for (let j = 1; j < growing.length; j++) expect(growing[j]!.perPeriod).toBeGreaterThan(growing[j - 1]!.perPeriod);
      if (growing.length > 1) ramps++;
      expect(s.leadTime).toBeGreaterThanOrEqual(0);
      expect(s.leadTime).toBeLessThanOrEqual(6);
    }
    expect(ramps).toBeGreaterThan(0.3 * d.supply.length);
    expect(expiring).toBeGreaterThan(0.02 * d.supply.length);
    expect(late).toBeGreaterThan(0.02 * d.supply.length);
    // Each expiring capacity of an end item or component has a framework contract ending the month before.
    const expiringUpper = d.supply.filter(
      (s) => s.capacity.at(-1)!.perPeriod === 0 && ["end-item", "component"].includes(kindOf.get(s.item)!),
    );
    expect(expiringUpper.length).toBeGreaterThan(0);
    expect(d.contracts.filter((c) => c.kind === "framework").length).toBeGreaterThanOrEqual(expiringUpper.length);
  });

  it("prices supply within 15% of the item's unit value, and each assembly above its parts", () => {
    const value = new Map(d.items.map((i) => [i.id, i.unitValue]));
    for (const s of d.supply) {
      const v = value.get(s.item)!;
      expect(Math.abs(s.unitCost - v)).toBeLessThanOrEqual(0.15 * v + 0.01);
    }
    const parts = new Map<string, number>();
    for (const b of d.bom) parts.set(b.parent, (parts.get(b.parent) ?? 0) + b.qty * value.get(b.child)!);
    for (const [parent, cost] of parts) expect(value.get(parent)!).toBeGreaterThan(cost);
  });

  it("draws raw materials from few countries, some of concern, and gives them EU-method inputs", () => {
    const raw = d.items.filter((i) => i.kind === "raw-material");
    expect(d.materials.map((m) => m.item).sort()).toEqual(raw.map((i) => i.id).sort());
    const rawCountries = new Map<string, Set<string>>();
    for (const s of d.supply)
      if (kindOf.get(s.item) === "raw-material")
        rawCountries.set(s.item, (rawCountries.get(s.item) ?? new Set()).add(siteCountry.get(s.site)!));
    for (const set of rawCountries.values()) expect(set.size).toBeLessThanOrEqual(3);
    const fromConcern = [...rawCountries.values()].filter((set) => [...set].some((c) => countryOf.get(c)!.concern)).length;
    expect(fromConcern).toBeGreaterThan(0.1 * raw.length);
    for (const m of d.materials) {
      expect(m.stages.map((s) => s.stage)).toEqual(["extraction", "processing"]);
      expect(m.economicImportance).toBeGreaterThanOrEqual(1);
      expect(m.economicImportance).toBeLessThanOrEqual(6);
      for (const st of m.stages) {
        for (const shares of [st.globalSupply, st.euSourcing]) {
          const values = Object.values(shares);
          expect(Math.abs(values.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
          for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
        }
        // Concentrated: the largest producer holds at least 40% of world supply.
        expect(Math.max(...Object.values(st.globalSupply))).toBeGreaterThanOrEqual(0.4);
        for (const x of [st.importReliance, st.eolRir, st.substitution]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("mixes countries: mostly EU/NATO with WGI, some partners, a few of concern", () => {
    const allied = d.countries.filter((c) => c.eu || c.nato).length;
    const concern = d.countries.filter((c) => c.concern).length;
    expect(d.countries[0]!.code).toBe("NL");
    expect(allied).toBeGreaterThan(d.countries.length / 2);
    expect(concern).toBeGreaterThanOrEqual(1);
    expect(concern).toBeLessThan(d.countries.length / 4);
    for (const c of d.countries) expect(c.wgi).toBeDefined();
  });

  it("has ownership chains, state owners and owners from countries of concern", () => {
    const companyIds = new Set(d.companies.map((c) => c.id));
    const byId = new Map(d.companies.map((c) => [c.id, c]));
    const concernCodes = new Set(d.countries.filter((c) => c.concern).map((c) => c.code));
    const chains = d.companies.filter((c) =>
      c.owners.some((o) => companyIds.has(o.owner) && byId.get(o.owner)!.owners.some((p) => companyIds.has(p.owner))),
    );
    const state = d.companies.filter((c) => c.owners.some((o) => countryOf.has(o.owner)));
    const concernOwned = d.companies.filter(
      (c) =>
        !concernCodes.has(c.country) &&
        c.owners.some((o) => concernCodes.has(o.owner) || concernCodes.has(byId.get(o.owner)?.country ?? "")),
    );
    expect(chains.length).toBeGreaterThan(0);
    expect(state.length).toBeGreaterThan(0);
    expect(concernOwned.length).toBeGreaterThan(0);
    for (const c of d.companies) expect(c.owners.reduce((s, o) => s + o.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it("has prioritised consumers with demands, stock norms, holdings and contracts of every kind", () => {
    expect(d.consumers.map((c) => [c.id, c.priority])).toEqual(
      expect.arrayContaining([
        ["forces-nl", 1],
        ["forces-ua", 2],
      ]),
    );
    expect(d.consumers.some((c) => c.priority === 3)).toBe(true);
    const endItems = d.items.filter((i) => i.kind === "end-item").map((i) => i.id);
    const demanded = new Set(d.demands.map((x) => x.item));
    for (const id of endItems) expect(demanded.has(id)).toBe(true);
    expect(d.targets.length).toBeGreaterThan(0.2 * endItems.length);
    expect(d.targets.some((t) => t.usagePerPeriod !== undefined)).toBe(true);
    expect(d.stocks.some((s) => s.holder === "pool")).toBe(true);
    expect(d.stocks.some((s) => s.holder !== "pool")).toBe(true);
    expect(new Set(d.contracts.map((c) => c.kind))).toEqual(new Set(["framework", "joint-order", "single"]));
    expect(d.contracts.filter((c) => c.kind === "joint-order").every((c) => c.buyers.length >= 2)).toBe(true);
  });
});

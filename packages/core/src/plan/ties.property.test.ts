/**
 * One dataset, one answer: on random networks from the generator, with priorities, due months and
 * costs deliberately made equal (so the planning LP has many optima), HiGHS, CBC and glpsol give
 * the same plan — every demand, target, monthly delivery and monthly production figure, and the
 * bottleneck list — and so does the same dataset with its rows in another order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cbcSolver, glpsolSolver } from "@paraat/solver";
import { generateDataset } from "../generate/index.js";
import type { Dataset } from "../model/schema.js";
import { planAndCheck } from "./test-support/run-plan.js";
import { tightHighsSolver } from "./test-support/tight-highs.js";
import type { PlanResult } from "./types.js";

/** Networks with shared components, ramp-ups and several tiers, then made as tied as possible. */
const tied = fc
  .record({
    endItems: fc.integer({ min: 1, max: 3 }),
    depth: fc.integer({ min: 1, max: 3 }),
    periods: fc.integer({ min: 6, max: 15 }),
    seed: fc.integer(),
    dues: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ dues, ...o }) => withTies(generateDataset({ ...o, sites: 4, countries: 3 }), dues));

/** One priority for everyone, `dues` distinct due months, and one unit cost per item. */
function withTies(d: Dataset, dues: number): Dataset {
  const months = [...new Set(d.demands.map((x) => x.due))].sort().slice(0, dues);
  const cost = new Map<string, number>();
  for (const s of d.supply) if (!cost.has(s.item)) cost.set(s.item, s.unitCost);
  return {
    ...d,
    consumers: d.consumers.map((c) => ({ ...c, priority: 1 })),
    demands: d.demands.map(({ priority: _, ...x }, k) => ({ ...x, due: months[k % months.length]! })),
    supply: d.supply.map((s) => ({ ...s, unitCost: cost.get(s.item)! })),
  };
}

/** Every figure of a plan by a stable key, with the scale it is compared at (1e-6 of it). */
function figures(d: Dataset, r: PlanResult): Map<string, { value: number; scale: number }> {
  const out = new Map<string, { value: number; scale: number }>();
  const qty = new Map(d.demands.map((x) => [x.id, x.qty]));
  const level = new Map(d.targets.map((x) => [x.id, x.level]));
  const capacity = new Map(d.supply.map((s) => [s.id, Math.max(1, ...s.capacity.map((c) => c.perPeriod))]));
  const put = (key: string, value: number, scale: number): void => {
    const prev = out.get(key);
    out.set(key, { value: (prev?.value ?? 0) + value, scale: Math.max(1, scale) });
  };
  for (const x of r.demands) {
    const s = qty.get(x.id)!;
    put(`demand ${x.id} on time`, x.onTime, s);
    put(`demand ${x.id} late`, x.late, s);
    put(`demand ${x.id} short`, x.short, s);
  }
  for (const t of r.targets) {
    put(`target ${t.id} met at`, t.metAt === null ? -1 : Date.parse(`${t.metAt}-01`) / 1e9, 1);
    put(`target ${t.id} gap`, t.gapAtBy, level.get(t.id)!);
  }
  for (const x of r.deliveries)
    put(`delivery ${"demand" in x ? x.demand : x.target} ${x.period}`, x.qty, "demand" in x ? qty.get(x.demand)! : level.get(x.target)!);
  for (const p of r.production) put(`production ${p.supply} ${p.period}`, p.qty, capacity.get(p.supply)!);
  return out;
}

function differences(d: Dataset, a: PlanResult, b: PlanResult): string[] {
  const fa = figures(d, a);
  const fb = figures(d, b);
  const out: string[] = [];
  for (const key of new Set([...fa.keys(), ...fb.keys()])) {
    const x = fa.get(key);
    const y = fb.get(key);
    const scale = Math.max(x?.scale ?? 1, y?.scale ?? 1);
    if (Math.abs((x?.value ?? 0) - (y?.value ?? 0)) > 1e-6 * scale) out.push(`${key}: ${x?.value ?? 0} against ${y?.value ?? 0}`);
  }
  const list = (r: PlanResult) => r.bottlenecks.map((x) => x.supply).join(" ");
  if (list(a) !== list(b)) out.push(`bottlenecks: ${list(a)} against ${list(b)}`);
  return out;
}

/** A seeded shuffle, so a failing case can be replayed. */
function shuffled<T>(rows: readonly T[], seed: number): T[] {
  const out = [...rows];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const highs = tightHighsSolver();
const cbc = cbcSolver();
const glpsol = glpsolSolver();
const options = { bottlenecks: 5, resolveTop: 0 };

describe("one dataset, one answer", () => {
  it.skipIf(!cbc.isAvailable() || !glpsol.isAvailable())("HiGHS, CBC and glpsol give the same plan on tied networks", async () => {
    await fc.assert(
      fc.asyncProperty(tied, async (d) => {
        const h = await planAndCheck(d, options, highs);
        const c = await planAndCheck(d, options, cbc);
        const g = await planAndCheck(d, options, glpsol);
        expect(differences(d, h, c), "HiGHS against CBC").toEqual([]);
        expect(differences(d, h, g), "HiGHS against glpsol").toEqual([]);
      }),
      { numRuns: 10, seed: 20261207 },
    );
  });

  it("gives the same plan with the dataset's rows in another order", async () => {
    await fc.assert(
      fc.asyncProperty(tied, fc.integer(), async (d, seed) => {
        const permuted: Dataset = {
          ...d,
          items: shuffled(d.items, seed),
          bom: shuffled(d.bom, seed + 1),
          supply: shuffled(d.supply, seed + 2),
          stocks: shuffled(d.stocks, seed + 3),
          consumers: shuffled(d.consumers, seed + 4),
          demands: shuffled(d.demands, seed + 5),
          targets: shuffled(d.targets, seed + 6),
          sites: shuffled(d.sites, seed + 7),
        };
        const a = await planAndCheck(d, options, highs);
        const b = await planAndCheck(permuted, options, highs);
        expect(differences(d, a, b)).toEqual([]);
      }),
      { numRuns: 10, seed: 20261208 },
    );
  });
});

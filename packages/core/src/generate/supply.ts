/**
 * Supply options (one to three sources per item, a share single-sourced), with capacities sized from the
 * requirement the demand puts on each item through the BOM: most items have room to spare, some are tight,
 * a few are real bottlenecks. Capacities ramp up in growing steps; some lines open later and some end at
 * a contract's expiry (a step of 0). Also the pool stock that bridges the first lead times.
 */
import type { Country, Item, ItemKind, Site, Stock, Supply } from "../model/schema.js";
import { addMonths } from "../month.js";
import { tierOf, type Tier } from "./countries.js";
import type { ItemNetwork } from "./items.js";
import { type Rng, ZipfPicker } from "./random.js";

export interface SupplySide {
  supply: Supply[];
  poolStocks: Stock[];
  /** Supply options whose capacity ends, with the period of the 0 step. */
  expiring: { supply: Supply; period: number }[];
  /** Units per period needed of each item to meet demand in time (aligned with the items). */
  requirement: Float64Array;
}

const SOURCE_COUNT: Record<ItemKind, number[]> = {
  "end-item": [0.5, 0.35, 0.15],
  component: [0.35, 0.4, 0.25],
  material: [0.3, 0.45, 0.25],
  "raw-material": [0.4, 0.35, 0.25],
};
const SITE_TIERS: Record<Exclude<ItemKind, "raw-material">, Record<Tier, number>> = {
  "end-item": { allied: 0.85, partner: 0.12, concern: 0.03 },
  component: { allied: 0.8, partner: 0.15, concern: 0.05 },
  material: { allied: 0.6, partner: 0.25, concern: 0.15 },
};
const LEAD_TIME: Record<ItemKind, [number, number]> = { "end-item": [1, 2], component: [0, 3], material: [1, 3], "raw-material": [1, 6] };
// Stock in the pool today, in months of requirement: it bridges the lead times of the chain.
const POOL_CHANCE: Record<ItemKind, number> = { "end-item": 0.6, component: 0.75, material: 0.75, "raw-material": 0.7 };
const POOL_MONTHS: Record<ItemKind, [number, number]> = { "end-item": [1, 6], component: [2, 8], material: [2, 8], "raw-material": [2, 8] };

/** Rounds a quantity to its unit's precision: whole pieces, kilograms to 0.01. */
function roundQty(item: Item, x: number): number {
  return item.unit === "pc" ? Math.round(x) : Math.round(x * 100) / 100;
}

/** Units per period needed of every item: the end items' required rates exploded through the BOM. */
export function explodeRequirement(network: ItemNetwork, endRequirement: number[]): Float64Array {
  const r = new Float64Array(network.items.length);
  network.layers[0]!.forEach((i, e) => (r[i] = endRequirement[e] ?? 0));
  for (const layer of network.layers) {
    for (const p of layer) {
      const cs = network.children[p]!;
      const qs = network.childQty[p]!;
      for (let k = 0; k < cs.length; k++) r[cs[k]!] = r[cs[k]!]! + qs[k]! * r[p]!;
    }
  }
  return r;
}

export function generateSupply(
  network: ItemNetwork,
  endRequirement: number[],
  rawOrigins: string[][],
  sites: Site[],
  countries: Country[],
  start: string,
  periods: number,
  rng: Rng,
): SupplySide {
  const requirement = explodeRequirement(network, endRequirement);
  const tierByCode = new Map(countries.map((c) => [c.code, tierOf(c)]));
  const byTier: Record<Tier, number[]> = { allied: [], partner: [], concern: [] };
  const byCountry = new Map<string, number[]>();
  sites.forEach((s, i) => {
    byTier[tierByCode.get(s.country) ?? "partner"].push(i);
    const list = byCountry.get(s.country) ?? [];
    list.push(i);
    byCountry.set(s.country, list);
  });
  const tierPickers = new Map<Tier, ZipfPicker>();
  for (const t of ["allied", "partner", "concern"] as const)
    if (byTier[t].length > 0) tierPickers.set(t, new ZipfPicker(byTier[t].length, 0.7, rng));
  const anySite = new ZipfPicker(sites.length, 0.7, rng);
  const presentTiers = (["allied", "partner", "concern"] as const).filter((t) => tierPickers.has(t));
  const tierWeights = new Map((["end-item", "component", "material"] as const).map((k) => [k, presentTiers.map((t) => SITE_TIERS[k][t])]));
  // Month strings computed once: parsing "YYYY-MM" for every capacity step adds up at 10,000 items.
  const months = Array.from({ length: periods }, (_, p) => addMonths(start, p));

  const rows: Omit<Supply, "id">[] = [];
  const expiringRows: { row: number; period: number }[] = [];
  const poolStocks: Stock[] = [];
  const rawLayer = network.layers[network.layers.length - 1]!;
  const rawIndex = new Map(rawLayer.map((i, k) => [i, k]));

  for (let i = 0; i < network.items.length; i++) {
    const item = network.items[i]!;
    const kind = item.kind;
    const sourceCount = Math.min(sites.length, 1 + rng.weighted(SOURCE_COUNT[kind]));
    const chosen: number[] = [];
    const tryAdd = (site: number | undefined): boolean => {
      if (site === undefined || chosen.includes(site)) return false;
      chosen.push(site);
      return true;
    };
    for (let s = 0; s < sourceCount; s++) {
      let added = false;
      for (let attempt = 0; attempt < 6 && !added; attempt++) {
        if (kind === "raw-material") {
          // Raw materials come from their few origin countries, the dominant one first and most often.
          const origins = rawOrigins[rawIndex.get(i)!] ?? [];
          const code = s === 0 || rng.chance(0.6) ? origins[0] : origins[rng.int(0, origins.length - 1)];
          const local = code === undefined ? undefined : byCountry.get(code);
          added = tryAdd(local && local.length > 0 ? rng.pick(local) : anySite.draw(rng));
        } else {
          const tier = presentTiers[rng.weighted(tierWeights.get(kind)!)]!;
          added = tryAdd(byTier[tier][tierPickers.get(tier)!.draw(rng)]);
        }
      }
      if (!added) {
        // Few sites left to choose from: take the first unused one, if any.
        for (let k = 0; k < sites.length && !added; k++) added = tryAdd((s * 7919 + i + k) % sites.length);
      }
    }

    // Capacity averaged over the horizon, relative to the requirement: most items have room to spare,
    // some are tight, a few fall short. Sizing the average (not the final level) keeps ramp-ups,
    // late openings and expiries from turning every item into a bottleneck.
    const f = rng.next();
    const factor = f < 0.02 ? rng.float(0.6, 0.95) : f < 0.1 ? rng.float(0.95, 1.2) : rng.float(1.4, 2.5);
    const shapes = chosen.map((_, k) => capacityShape(rng.float(0.3, 1) * (k === 0 ? 2 : 1), chosen.length > 1, periods, rng));
    const average = shapes.reduce((sum, sh) => sum + shapeAverage(sh, periods), 0);
    const scale = average > 0 ? (requirement[i]! * factor) / average : 0;
    const [ltMin, ltMax] = LEAD_TIME[kind];
    chosen.forEach((site, k) => {
      const shape = shapes[k]!;
      rows.push({
        item: item.id,
        site: sites[site]!.id,
        leadTime: rng.int(ltMin, ltMax),
        unitCost: Math.round(item.unitValue * rng.float(0.85, 1.15) * 100) / 100,
        capacity: scaleShape(item, shape, scale, months),
      });
      if (shape.expiry !== undefined) expiringRows.push({ row: rows.length - 1, period: shape.expiry });
    });

    if (rng.chance(POOL_CHANCE[kind])) {
      const qty = roundQty(item, requirement[i]! * rng.float(...POOL_MONTHS[kind]));
      if (qty > 0) poolStocks.push({ item: item.id, holder: "pool", qty });
    }
  }

  const width = String(rows.length).length;
  const supply: Supply[] = rows.map((r, n) => ({ id: `sup-${String(n + 1).padStart(width, "0")}`, ...r }));
  const expiring = expiringRows.map(({ row, period }) => ({ supply: supply[row]!, period }));
  return { supply, poolStocks, expiring, requirement };
}

const RAMP_STEPS = [0.35, 0.35, 0.2, 0.1];

/** A capacity step function before scaling: growing levels from their periods on, then 0 from `expiry`. */
interface CapacityShape {
  periods: number[];
  levels: number[];
  expiry?: number;
}

/**
 * A line growing from an initial level to `final` in up to three steps; 10% of lines open after the
 * start of the horizon and some end with a step of 0 (the contract expires), more often where the item
 * has another source.
 */
function capacityShape(final: number, hasAlternative: boolean, periods: number, rng: Rng): CapacityShape {
  const open = periods >= 6 && rng.chance(0.1) ? rng.int(1, Math.floor(periods / 3)) : 0;
  const expiry =
    periods - open >= 4 && rng.chance(hasAlternative ? 0.1 : 0.04)
      ? rng.int(Math.max(open + 2, Math.floor(periods / 2)), periods - 1)
      : undefined;
  const end = expiry ?? periods;
  const months = new Set<number>();
  const wanted = Math.min(rng.weighted(RAMP_STEPS), end - open - 1);
  while (months.size < wanted) months.add(rng.int(open + 1, end - 1));
  const ramp = [...months].sort((a, b) => a - b);
  const initial = ramp.length === 0 ? final : final * rng.float(0.35, 0.9);
  const shape: CapacityShape = {
    periods: [open, ...ramp],
    levels: [initial, ...ramp.map((_, j) => initial + ((final - initial) * (j + 1)) / ramp.length)],
  };
  if (expiry !== undefined) shape.expiry = expiry;
  return shape;
}

/** Mean capacity per period over the horizon. */
function shapeAverage(shape: CapacityShape, periods: number): number {
  const end = shape.expiry ?? periods;
  let sum = 0;
  shape.periods.forEach((p, j) => {
    sum += shape.levels[j]! * ((shape.periods[j + 1] ?? end) - p);
  });
  return sum / periods;
}

/** The scaled steps, rounded to the unit; steps that rounding made no larger are left out so steps only grow. */
function scaleShape(item: Item, shape: CapacityShape, scale: number, months: readonly string[]): Supply["capacity"] {
  const min = item.unit === "pc" ? 1 : 0.01;
  const steps: Supply["capacity"] = [];
  let previous = 0;
  shape.periods.forEach((p, j) => {
    const level = Math.max(min, roundQty(item, shape.levels[j]! * scale));
    if (level > previous) {
      steps.push({ from: months[p]!, perPeriod: level });
      previous = level;
    }
  });
  if (shape.expiry !== undefined) steps.push({ from: months[shape.expiry]!, perPeriod: 0 });
  return steps;
}

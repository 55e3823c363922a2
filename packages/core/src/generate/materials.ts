/**
 * Raw-material risk inputs (the EU critical raw materials method) and where each raw material comes
 * from. Production is concentrated: one dominant country, often a country of concern, holds most of the
 * world's supply; the raw material's supply options are then placed in that country and a few others.
 */
import type { Country, Material, MaterialStage } from "../model/schema.js";
import { tierOf, type Tier } from "./countries.js";
import type { Rng } from "./random.js";

export interface RawMaterialOrigins {
  materials: Material[];
  /** Per raw material (same order as the input), the countries its supply sites should be in, dominant first. */
  origins: string[][];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Shares of the given weights summing to 1 within floating-point error: all but the first are floored to
 * four decimals and the first takes the remainder, so no share is negative and the sum is exact.
 */
export function sharesOf(entries: [code: string, weight: number][]): Record<string, number> {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out: Record<string, number> = {};
  let rest = 1;
  for (let i = 1; i < entries.length; i++) {
    const [code, w] = entries[i]!;
    const share = Math.floor((w / total) * 1e4) / 1e4;
    out[code] = share;
    rest -= share;
  }
  const first = entries[0];
  if (first) return { [first[0]]: rest, ...out };
  return out;
}

function distinctPicks(pool: readonly Country[], n: number, exclude: Set<string>, rng: Rng): Country[] {
  const candidates = pool.filter((c) => !exclude.has(c.code));
  return rng.shuffle([...candidates]).slice(0, n);
}

function stageShares(dominant: Country, countries: readonly Country[], rng: Rng): [string, number][] {
  const others = distinctPicks(countries, rng.int(1, 4), new Set([dominant.code]), rng);
  const top = others.length === 0 ? 1 : rng.float(0.4, 0.85);
  const entries: [string, number][] = [[dominant.code, top]];
  const weights = others.map(() => rng.float(0.2, 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  others.forEach((c, k) => entries.push([c.code, Math.max(0.01, ((1 - top) * weights[k]!) / wsum)]));
  return entries;
}

export function generateMaterials(rawIds: string[], countries: Country[], siteCountries: Set<string>, rng: Rng): RawMaterialOrigins {
  const withSites = countries.filter((c) => siteCountries.has(c.code));
  const siteTiers = (["concern", "partner", "allied"] as const)
    .map((t) => withSites.filter((c) => tierOf(c) === t))
    .filter((l) => l.length > 0);
  const tierWeight: Record<Tier, number> = { concern: 0.35, partner: 0.4, allied: 0.25 };
  // The tier first, then a country in it: a handful of concern countries still hold a third of the raw materials.
  const producer = (): Country => rng.pick(siteTiers[rng.weighted(siteTiers.map((l) => tierWeight[tierOf(l[0]!)]))]!);
  const eu = countries.filter((c) => c.eu);
  const materials: Material[] = [];
  const origins: string[][] = [];
  for (const item of rawIds) {
    const dominant = producer();
    const extraction = stageShares(dominant, countries, rng);
    // Processing is usually where extraction is; sometimes another country refines it.
    const processor = rng.chance(0.7) ? dominant : producer();
    const processing = stageShares(processor, countries, rng);
    const stages: MaterialStage[] = [stage("extraction", extraction, eu, rng), stage("processing", processing, eu, rng)];
    const material: Material = { item, stages, economicImportance: round(rng.float(1, 6), 2) };
    const restricted: Record<string, number> = {};
    for (const [code] of [...extraction, ...processing]) {
      const c = countries.find((k) => k.code === code);
      if (c?.concern && rng.chance(0.4)) restricted[code] = round(rng.float(1.1, 1.5), 2);
    }
    if (Object.keys(restricted).length > 0) material.tradeAdjustment = restricted;
    materials.push(material);
    const originSet = [
      processor.code,
      ...processing
        .slice(1)
        .map(([c]) => c)
        .filter((c) => siteCountries.has(c)),
    ];
    origins.push([...new Set(originSet)].slice(0, 3));
  }
  return { materials, origins };
}

/** A stage: global supply as drawn; EU sourcing part domestic (EU countries), the rest imported in proportion. */
function stage(name: MaterialStage["stage"], global: [string, number][], eu: readonly Country[], rng: Rng): MaterialStage {
  const domestic = eu.length === 0 ? 0 : rng.chance(0.3) ? 0 : rng.float(0.02, 0.5);
  const sourcing = new Map<string, number>();
  const gsum = global.reduce((s, [, w]) => s + w, 0);
  for (const [code, w] of global) sourcing.set(code, ((1 - domestic) * w) / gsum);
  if (domestic > 0) {
    const producers = rng.shuffle([...eu]).slice(0, rng.int(1, 2));
    for (const c of producers) sourcing.set(c.code, (sourcing.get(c.code) ?? 0) + domestic / producers.length);
  }
  const euSourcing = [...sourcing.entries()].sort((a, b) => b[1] - a[1]);
  const euShare = euSourcing.reduce((s, [code, w]) => s + (eu.some((c) => c.code === code) ? w : 0), 0);
  return {
    stage: name,
    globalSupply: sharesOf(global),
    euSourcing: sharesOf(euSourcing),
    importReliance: Math.min(1, Math.max(0, round(1 - euShare, 3))),
    eolRir: round(rng.chance(0.7) ? rng.float(0, 0.1) : rng.float(0.1, 0.5), 3),
    substitution: round(rng.float(0.6, 1), 3),
  };
}

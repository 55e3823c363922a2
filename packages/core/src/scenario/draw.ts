/**
 * The draws of one Monte Carlo run. Run i draws from a generator seeded from (seed, i) alone, so a
 * run's events do not depend on which thread or worker draws it, nor on the runs before it: the same
 * seed gives the same answer on one thread, K threads or any number of queue workers.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { addMonths, monthsBetween } from "../month.js";
import type { Duration, RiskEvent } from "./events.js";
import type { OutageScenarioChange } from "./schema.js";

/** z of the standard normal's 90th percentile: a lognormal's p90 is median · exp(1.2816 σ). */
const Z90 = 1.2815515655446004;

/**
 * A 32-bit seed from (seed, run): two rounds of a murmur3-style finaliser over the pair, so that
 * neighbouring runs get unrelated streams (xoroshiro128plus seeded with i and i + 1 directly would
 * start correlated).
 */
export function runSeed(seed: number, run: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ run;
  for (let k = 0; k < 2; k++) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h ^= Math.imul(run + 0x632be59b, 0x27d4eb2f);
  }
  return h | 0;
}

export interface DrawnEvent {
  id: string;
  /** The outage it becomes in this run. */
  change: OutageScenarioChange;
}

function standardNormal(rng: RandomGenerator): number {
  // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
  const u = 1 - uniformFloat64(rng);
  const v = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Whole months, at least 1: a lognormal draw is rounded to the nearest month. */
export function drawMonths(rng: RandomGenerator, d: Duration): number {
  if (typeof d === "number") return d;
  if (d.dist === "uniform") return uniformInt(rng, d.min, d.max);
  const sigma = (Math.log(d.p90) - Math.log(d.median)) / Z90;
  return Math.max(1, Math.round(d.median * Math.exp(sigma * standardNormal(rng))));
}

/**
 * The events that happen in run `run`, as outages. Every event consumes the same draws whether it
 * happens or not (occurrence, start, duration), so adding an event to the end of the file leaves the
 * earlier events' draws unchanged.
 */
export function drawRun(events: readonly RiskEvent[], seed: number, run: number): DrawnEvent[] {
  const rng = xoroshiro128plus(runSeed(seed, run));
  const out: DrawnEvent[] = [];
  for (const e of events) {
    const happens = uniformFloat64(rng) < e.probability;
    const from =
      typeof e.start === "string"
        ? e.start
        : addMonths(e.start.from, uniformInt(rng, 0, Math.max(0, monthsBetween(e.start.from, e.start.to))));
    const months = e.months === undefined ? undefined : drawMonths(rng, e.months);
    if (!happens) continue;
    out.push({
      id: e.id,
      change: {
        kind: "outage",
        node: e.node,
        from,
        ...(e.item === undefined ? {} : { item: e.item }),
        ...(months === undefined ? {} : { months }),
        ...(e.share === undefined ? {} : { share: e.share }),
      },
    });
  }
  return out;
}

/** Runs with the same draws have the same plan: this key tells them apart (and alike). */
export function drawKey(drawn: readonly DrawnEvent[]): string {
  return JSON.stringify(drawn.map((d) => [d.id, d.change.from, d.change.months ?? null]));
}

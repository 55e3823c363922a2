/** Capacity of a supply option over the planning horizon (a step function of months). */
import { monthToIndex, type Horizon } from "../month.js";
import type { Supply } from "../model/schema.js";

/**
 * Month index (year · 12 + month − 1) of a "YYYY-MM" string, memoised: a large network repeats the
 * same few dozen months hundreds of thousands of times, and the regular-expression parse dominated.
 */
const monthCache = new Map<string, number>();
function monthNumber(month: string): number {
  let m = monthCache.get(month);
  if (m === undefined) {
    m = monthToIndex(month);
    if (monthCache.size < 10_000) monthCache.set(month, m);
  }
  return m;
}

/** Capacity per period in force in `month` (0 before the first step). */
export function capacityAt(supply: Pick<Supply, "capacity">, month: string): number {
  const m = monthNumber(month);
  let value = 0;
  for (const step of supply.capacity) {
    if (monthNumber(step.from) > m) break;
    value = step.perPeriod;
  }
  return value;
}

/**
 * Mean capacity per period over the horizon: each step counts for the months of the horizon it
 * holds. This is the weight of an option among the sources of its item.
 */
export function averageCapacity(supply: Pick<Supply, "capacity">, horizon: Horizon): number {
  if (horizon.periods <= 0) return 0;
  const first = monthNumber(horizon.start);
  const end = first + horizon.periods; // exclusive
  let total = 0;
  const steps = supply.capacity;
  // Each step's start is read once (it is the previous step's end), and without Math.min/max calls:
  // this runs for every supply option before the code is optimised.
  let start = steps.length > 0 ? monthNumber(steps[0]!.from) : end;
  for (let i = 0; i < steps.length; i++) {
    const stop = i + 1 < steps.length ? monthNumber(steps[i + 1]!.from) : end;
    const from = start > first ? start : first;
    const to = stop < end ? stop : end;
    if (to > from) total += steps[i]!.perPeriod * (to - from);
    start = stop;
  }
  return total / horizon.periods;
}

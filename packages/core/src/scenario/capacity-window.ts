/**
 * Capacity changed over a window of months: a step function (each step holds from its month until
 * the next) with its values inside [from, until) mapped by `f`, and the original in force again
 * from `until` on. Steps outside the window keep their provenance.
 */
import { monthToIndex } from "../month.js";
import type { CapacityStep } from "../model/schema.js";
import { capacityAt } from "../network/capacity.js";

/**
 * `until` is the first month after the window (exclusive), or undefined for a window to the end.
 * Consecutive steps of equal value are merged, so the result is the shortest step list of the function.
 */
export function mapCapacityWindow(
  steps: CapacityStep[],
  from: string,
  until: string | undefined,
  f: (perPeriod: number) => number,
): CapacityStep[] {
  const a = monthToIndex(from);
  const b = until === undefined ? Infinity : monthToIndex(until);
  if (b <= a) return [...steps];
  const out: CapacityStep[] = [];
  for (const s of steps) if (monthToIndex(s.from) < a) out.push(s);
  // The window opens with the value in force at its first month (0 before the first step).
  out.push({ from, perPeriod: f(capacityAt(steps, from)) });
  for (const s of steps) {
    const m = monthToIndex(s.from);
    if (m > a && m < b) out.push({ ...s, perPeriod: f(s.perPeriod) });
  }
  if (until !== undefined) {
    const after = steps.filter((s) => monthToIndex(s.from) >= b);
    if (after[0]?.from !== until) out.push({ from: until, perPeriod: capacityAt(steps, until) });
    out.push(...after);
  }
  return withoutRepeats(out);
}

/** Drops a step that repeats the value before it (and a leading 0 step, which is no capacity either way). */
function withoutRepeats(steps: CapacityStep[]): CapacityStep[] {
  const out: CapacityStep[] = [];
  let value = 0;
  for (const s of steps) {
    if (s.perPeriod === value && s.sources === undefined && s.note === undefined && s.illustrative === undefined) continue;
    out.push(s);
    value = s.perPeriod;
  }
  return out;
}

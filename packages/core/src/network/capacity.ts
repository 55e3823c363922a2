/** Capacity of a supply option as a step function of months (the index unrolls it per period). */
import { monthToIndex } from "../month.js";
import type { CapacityStep } from "../model/schema.js";

/** Capacity per period in force in `month` (0 before the first step). */
export function capacityAt(steps: readonly Pick<CapacityStep, "from" | "perPeriod">[], month: string): number {
  const m = monthToIndex(month);
  let value = 0;
  for (const step of steps) {
    if (monthToIndex(step.from) > m) break;
    value = step.perPeriod;
  }
  return value;
}

/** Months are "YYYY-MM" strings; arithmetic is done on a month index (year * 12 + month - 1). */
export type Month = string;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

export function monthToIndex(month: Month): number {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function indexToMonth(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: Month, n: number): Month {
  return indexToMonth(monthToIndex(month) + n);
}

/** Number of whole months from a to b (b - a). */
export function monthsBetween(a: Month, b: Month): number {
  return monthToIndex(b) - monthToIndex(a);
}

export interface Horizon {
  start: Month;
  periods: number;
}

/** Period number (0-based) of a month within a horizon; may be negative or ≥ periods. */
export function periodOf(horizon: Horizon, month: Month): number {
  return monthToIndex(month) - monthToIndex(horizon.start);
}

export function periodMonth(horizon: Horizon, period: number): Month {
  return addMonths(horizon.start, period);
}

export function horizonEnd(horizon: Horizon): Month {
  return addMonths(horizon.start, horizon.periods - 1);
}

export function inHorizon(horizon: Horizon, month: Month): boolean {
  const p = periodOf(horizon, month);
  return p >= 0 && p < horizon.periods;
}

/**
 * Months are "YYYY-MM" strings, as in the dataset. The web app only needs to lay months out on an
 * axis and count between them, so it keeps these few lines instead of importing core at run time.
 */
const PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthIndex(month: string): number {
  const m = PATTERN.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthAt(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** `count` consecutive months from `start`. */
export function monthRange(start: string, count: number): string[] {
  const first = monthIndex(start);
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthAt(first + i));
}

/** Whole months from a to b (b − a). */
export function monthsBetween(a: string, b: string): number {
  return monthIndex(b) - monthIndex(a);
}

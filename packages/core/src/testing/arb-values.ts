/**
 * Building blocks for property tests: text, ids, numbers and months that are valid for the data
 * model but awkward for file formats (separators, quotes, unicode, extreme doubles).
 */
import fc from "fast-check";
import { indexToMonth, monthToIndex } from "../month.js";

/** Free text that trips up CSV, spreadsheet cells and our list syntax; all of it is valid data. */
export const AWKWARD_TEXTS: readonly string[] = [
  'Rheinmetall, "Unterlüß"',
  "a;b=c",
  " leading space",
  "trailing space ",
  "line\nbreak",
  "crlf\r\nline",
  "tab\there",
  "_x0041_ is not A",
  "=SUM(A1:A2)",
  "{json: [1]}",
  "'single'",
  '"',
  "TRUE",
  "1e5",
  "2025-01",
  "null",
  "中文名称",
  "Ελληνικά",
  "Нитроцеллюлоза",
  "drones 😀",
  "e\u0301 (combining accent)",
];

/** Suffixes that make ids awkward while keeping them valid (no whitespace, commas, semicolons, '=' or '/'). */
const AWKWARD_ID_SUFFIXES = ["", "-é", '"q"', "'", "😀", "(x)", "{b}", "中", "#1", "ä.ö", "[0]", "_x0041_"];

/** Plain readable text: a word or two. */
export function arbPlainText(): fc.Arbitrary<string> {
  const word = fc.constantFrom("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "shell", "fuze", "steel", "plant", "forces");
  return fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
}

/** Non-empty free text; awkward when asked. Never empty, because an empty cell means "absent". */
export function arbText(awkward: boolean): fc.Arbitrary<string> {
  if (!awkward) return arbPlainText();
  return fc.oneof(
    { weight: 3, arbitrary: arbPlainText() },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXTS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.tuple(arbPlainText(), fc.constantFrom(...AWKWARD_TEXTS)).map(([a, b]) => `${a}${b}`) },
  );
}

/** A valid id for row number `index` of a collection: unique by construction, awkward when asked. */
export function makeId(prefix: string, index: number, awkward: boolean): string {
  return awkward ? `${prefix}${index}${AWKWARD_ID_SUFFIXES[index % AWKWARD_ID_SUFFIXES.length]}` : `${prefix}${index}`;
}

export function arbCountryCode(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Z]{2}$/);
}

/** Adds 0 so a -0 from a double arbitrary becomes 0 (JSON cannot tell them apart). */
const noNegZero = (x: number): number => x + 0;

const AWKWARD_DOUBLES = [0.1 + 0.2, 1 / 3, 123456789.12345679, 1e-9, 5e-324, 2 ** 53 + 2, 1e21, 9.999999999999999e22];

/** A finite number ≥ 0 (or > 0 when `positive`); at most `max`. */
export function arbAmount(awkward: boolean, options: { positive?: boolean; max?: number } = {}): fc.Arbitrary<number> {
  const max = options.max ?? 1e12;
  const min = options.positive ? 1 : 0;
  const plain = fc.oneof(
    fc.integer({ min, max: Math.min(max, 100_000) }),
    fc.integer({ min: min * 4, max: Math.min(max * 4, 4000) }).map((q) => q / 4),
  );
  if (!awkward) return plain;
  return fc.oneof(
    { weight: 2, arbitrary: plain },
    { weight: 2, arbitrary: fc.double({ min: 0, max, minExcluded: options.positive ?? false, noNaN: true }).map(noNegZero) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_DOUBLES.filter((d) => d <= max)) },
  );
}

/** A fraction in [0, 1]. */
export function arbFraction(awkward: boolean): fc.Arbitrary<number> {
  const plain = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);
  if (!awkward) return plain;
  return fc.oneof(plain, fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero), fc.constantFrom(0, 1, 1 / 3, 5e-324));
}

/**
 * `n` positive shares summing to `total` (within floating error). Plain shares are whole
 * percentages, the last one taking the remainder.
 */
export function arbShares(n: number, awkward: boolean, total = 1): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }).map((weights) => {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (awkward) return weights.map((w) => (w / sum) * total);
    // Whole percentages of `total`, each at least 1 %, the last one the remainder.
    const pct = weights.map((w) => Math.max(1, Math.floor((w / sum) * 100)));
    const over = pct.reduce((a, b) => a + b, 0) - 100;
    const last = pct.length - 1;
    pct[last] = pct[last]! - over;
    if (pct[last] < 1) return weights.map(() => total / n);
    return pct.map((p) => (p * total) / 100);
  });
}

/** A month within `[start + from, start + to]` months. */
export function arbMonthNear(start: string, from: number, to: number): fc.Arbitrary<string> {
  const base = monthToIndex(start);
  return fc.integer({ min: from, max: to }).map((k) => indexToMonth(base + k));
}

/**
 * Cell codecs: how one field is written into a spreadsheet or CSV cell and read back. The same
 * codecs serve XLSX (typed cells) and CSV (text), so both formats accept exactly the same content.
 */
import { quoteIfNeeded, splitPair, splitTopLevel, unquote } from "./cell-syntax.js";

/** A non-empty cell as read: text from CSV; typed values from a workbook; a spreadsheet error such as #N/A. */
export type CellIn = string | number | boolean | Date | { error: string };
/** A cell as written; undefined is an empty cell. */
export type CellOut = string | number | boolean | undefined;

export type Parsed<T> = { value: T | undefined } | { error: string };

export interface Codec<T = unknown> {
  /** What the cell holds, in words, for error messages and documentation. */
  readonly expected: string;
  /** Whether a cell of only spaces counts as empty (everything except free text). */
  readonly blankIsEmpty: boolean;
  /** The field's value for an empty cell: undefined (absent) or an empty list for required lists. */
  empty(): T | undefined;
  format(value: T): CellOut;
  parse(cell: CellIn): Parsed<T>;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number from text: "1500", "0.25", "1e-3", "-4" or "70%" (= 0.7); undefined when it is not one. */
export function parseNumberText(text: string): number | undefined {
  let t = text.trim();
  let divisor = 1;
  if (t.endsWith("%")) {
    t = t.slice(0, -1).trim();
    divisor = 100;
  }
  if (!NUMBER_TEXT.test(t)) return undefined;
  const n = Number(t) / divisor;
  return Number.isFinite(n) ? n : undefined;
}

/** Text of a date cell: the day when the time is midnight (as Excel stores dates), else the full timestamp. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function cellText(cell: CellIn): string | undefined {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return dateText(cell);
  return undefined;
}

const emptyString = (s: string): CellOut => (s === "" ? undefined : s);

/** Free text, kept exactly as written (spaces included). */
export const text: Codec<string> = {
  expected: "text",
  blankIsEmpty: false,
  empty: () => undefined,
  format: (v) => emptyString(v),
  parse: (cell) => ({ value: cellText(cell) ?? "" }),
};

/** Ids, codes and enum values: text with surrounding spaces removed. */
export const token: Codec<string> = {
  expected: "an id or code",
  blankIsEmpty: true,
  empty: () => undefined,
  format: (v) => emptyString(v),
  parse: (cell) => ({ value: (cellText(cell) ?? "").trim() }),
};

function numberCodec(expected: string): Codec<number> {
  return {
    expected,
    blankIsEmpty: true,
    empty: () => undefined,
    format: (v) => v,
    parse: (cell) => {
      if (typeof cell === "number") return { value: cell };
      if (typeof cell === "string") {
        const n = parseNumberText(cell);
        return n === undefined ? { error: `${JSON.stringify(cell)} is not a number` } : { value: n };
      }
      return { error: `${cell instanceof Date ? "a date" : typeof cell === "boolean" ? "TRUE/FALSE" : "an error value"} is not a number` };
    },
  };
}

export const number = numberCodec("a number such as 1500 or 0.25");
/** Whole numbers; a fraction passes through so validation names the rule ("an integer"). */
export const integer = numberCodec("a whole number such as 3");

const TRUE_WORDS = new Set(["true", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "no", "0"]);

export const boolean: Codec<boolean> = {
  expected: "TRUE or FALSE (also yes/no, 1/0)",
  blankIsEmpty: true,
  empty: () => undefined,
  format: (v) => v,
  parse: (cell) => {
    if (typeof cell === "boolean") return { value: cell };
    if (cell === 1 || cell === 0) return { value: cell === 1 };
    const t = typeof cell === "string" ? cell.trim().toLowerCase() : undefined;
    if (t !== undefined && TRUE_WORDS.has(t)) return { value: true };
    if (t !== undefined && FALSE_WORDS.has(t)) return { value: false };
    return { error: `${JSON.stringify(cellText(cell) ?? cell)} is not TRUE or FALSE` };
  },
};

/** Months as "YYYY-MM" text; a date cell or "YYYY-MM-DD" text gives its month. Other text is left for validation to judge. */
export const month: Codec<string> = {
  expected: "a month as YYYY-MM",
  blankIsEmpty: true,
  empty: () => undefined,
  format: (v) => emptyString(v),
  parse: (cell) => {
    if (cell instanceof Date) return { value: dateText(cell).slice(0, 7) };
    const t = (cellText(cell) ?? "").trim();
    const m = /^(\d{4}-\d{2})-\d{2}(?:[T ].*)?$/.exec(t);
    return { value: m ? m[1]! : t };
  },
};

/** Non-empty parts of a nested cell, split at the top-level separator. */
function parts(cell: CellIn, sep: string): string[] {
  return splitTopLevel(cellText(cell) ?? "", sep).filter((p) => p.trim() !== "");
}

function result<T>(value: T, errors: string[]): Parsed<T> {
  return errors.length > 0 ? { error: errors.join("; ") } : { value };
}

/** A list "a, b, c". Required lists read an empty cell as an empty list; optional ones as absent. */
export function list(optional: boolean): Codec<string[]> {
  return {
    expected: "a comma-separated list such as NLDTIB, EDTIB",
    blankIsEmpty: true,
    empty: () => (optional ? undefined : []),
    format: (v) => emptyString(v.map(quoteIfNeeded).join(", ")),
    parse: (cell) => {
      const errors: string[] = [];
      const values = parts(cell, ",").flatMap((p) => {
        const v = unquote(p);
        if (v === undefined) errors.push(`${p.trim()} is a badly quoted value`);
        return v === undefined ? [] : [v];
      });
      return result(values, errors);
    },
  };
}

/** "key=number; key=number" as ordered [key, number] pairs. */
function parsePairs(cell: CellIn, what: string): { pairs: [string, number][]; errors: string[] } {
  const pairs: [string, number][] = [];
  const errors: string[] = [];
  for (const p of parts(cell, ";")) {
    const kv = splitPair(p);
    const key = kv ? unquote(kv[0]) : undefined;
    const n = kv ? parseNumberText(kv[1]) : undefined;
    if (!kv || key === undefined) errors.push(`"${p.trim()}" should look like ${what}`);
    else if (n === undefined) errors.push(`"${kv[1].trim()}" in "${p.trim()}" is not a number`);
    else pairs.push([key, n]);
  }
  return { pairs, errors };
}

const formatPairs = (pairs: [string, number][]): CellOut => emptyString(pairs.map(([k, n]) => `${quoteIfNeeded(k)}=${n}`).join("; "));

/** Country shares "CN=0.7; RU=0.2; ZZ=0.1" as a record. */
export function shares(optional: boolean): Codec<Record<string, number>> {
  return {
    expected: "shares per country such as CN=0.7; RU=0.3",
    blankIsEmpty: true,
    empty: () => (optional ? undefined : {}),
    format: (v) => formatPairs(Object.entries(v)),
    parse: (cell) => {
      const { pairs, errors } = parsePairs(cell, "CC=share");
      const seen = new Set<string>();
      for (const [k] of pairs) {
        if (seen.has(k)) errors.push(`${k} is listed twice`);
        seen.add(k);
      }
      return result(Object.fromEntries(pairs), errors);
    },
  };
}

/** Owners "c-rheinmetall=0.6; DE=0.4". */
export const owners: Codec<{ owner: string; share: number }[]> = {
  expected: "owners with shares such as c-rheinmetall=0.6; DE=0.4",
  blankIsEmpty: true,
  empty: () => [],
  format: (v) => formatPairs(v.map((o) => [o.owner, o.share])),
  parse: (cell) => {
    const { pairs, errors } = parsePairs(cell, "owner=share");
    return result(
      pairs.map(([owner, share]) => ({ owner, share })),
      errors,
    );
  },
};

const PROVENANCE_ORDER = ["sources", "illustrative", "note"];

type Step = { from: string; perPeriod: number } & Record<string, unknown>;

/**
 * Capacity steps "2025-01=1000; 2026-07=2500". A step's provenance, when it has any, follows as a
 * JSON object: "2026-07=2500 {"note":"new line"}".
 */
export const capacity: Codec<Step[]> = {
  expected: "capacity steps such as 2025-01=1000; 2026-07=2500",
  blankIsEmpty: true,
  empty: () => [],
  format: (v) =>
    emptyString(
      v
        .map(({ from, perPeriod, ...extra }) => {
          const step = `${quoteIfNeeded(from)}=${perPeriod}`;
          // Provenance in the schema's order, so the cell text does not depend on how the step was built.
          const ordered = Object.fromEntries(
            Object.entries(extra).sort(([a], [b]) => PROVENANCE_ORDER.indexOf(a) - PROVENANCE_ORDER.indexOf(b)),
          );
          return Object.keys(ordered).length > 0 ? `${step} ${JSON.stringify(ordered)}` : step;
        })
        .join("; "),
    ),
  parse: (cell) => {
    const steps: Step[] = [];
    const errors: string[] = [];
    for (const p of parts(cell, ";")) {
      const kv = splitPair(p);
      const from = kv ? unquote(kv[0]) : undefined;
      if (!kv || from === undefined) {
        errors.push(`"${p.trim()}" should look like YYYY-MM=perPeriod`);
        continue;
      }
      const brace = kv[1].indexOf("{");
      const amount = parseNumberText(brace < 0 ? kv[1] : kv[1].slice(0, brace));
      let extra: Record<string, unknown> = {};
      if (brace >= 0) {
        try {
          const parsed: unknown = JSON.parse(kv[1].slice(brace));
          if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || "from" in parsed || "perPeriod" in parsed)
            throw new TypeError();
          extra = parsed as Record<string, unknown>;
        } catch {
          errors.push(`"${kv[1].slice(brace).trim()}" in "${p.trim()}" is not a JSON object of sources, illustrative and note`);
          continue;
        }
      }
      if (amount === undefined) errors.push(`"${(brace < 0 ? kv[1] : kv[1].slice(0, brace)).trim()}" in "${p.trim()}" is not a number`);
      else steps.push({ ...extra, from, perPeriod: amount });
    }
    return result(steps, errors);
  },
};

/**
 * A reader for the subset of CPLEX LP text the planner writes: a minimise (or maximise) objective
 * with an optional constant, named rows with <=, >= or =, a Bounds section (including free,
 * ±inf and two-sided bounds) and End. Anything outside that subset is rejected with the line
 * number, never silently misread, because glpk.js cross-checks HiGHS through this reader.
 */
import { ParaatError } from "@paraat/core";
import { defaultBounds, type ColumnBounds, type LinearProgram, type LinearRow, type LinearTerm, type RowSense } from "./program.js";

type Token =
  | { kind: "num"; value: number; line: number }
  | { kind: "id"; text: string; line: number }
  | { kind: "op"; text: "<=" | ">=" | "=" | "+" | "-" | ":"; line: number };

export type Section = "none" | "objective" | "constraints" | "bounds" | "end";

const sectionPatterns: { section: Section | "unsupported"; pattern: RegExp; sense?: "minimize" | "maximize" }[] = [
  { section: "objective", sense: "minimize", pattern: /^(?:minimize|minimise|minimum|min)(?:\s+(.*))?$/i },
  { section: "objective", sense: "maximize", pattern: /^(?:maximize|maximise|maximum|max)(?:\s+(.*))?$/i },
  { section: "constraints", pattern: /^(?:subject\s+to|such\s+that|st|s\.t\.)(?:\s+(.*))?$/i },
  { section: "bounds", pattern: /^(?:bounds?)(?:\s+(.*))?$/i },
  { section: "unsupported", pattern: /^(?:generals?|integers?|binar(?:y|ies)|bin|semi-continuous|semis?|sos)(?:\s+.*)?$/i },
  { section: "end", pattern: /^end$/i },
];

const numberPattern = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const namePattern = /^[A-Za-z_][A-Za-z0-9_.[\]]*/;

function fail(line: number, message: string): never {
  throw new ParaatError("INVALID_ARGUMENT", `LP text, line ${line}: ${message}`, { details: { line } });
}

function tokenize(text: string, line: number, out: Token[]): void {
  let rest = text;
  while (rest.length > 0) {
    const ws = /^\s+/.exec(rest);
    if (ws) {
      rest = rest.slice(ws[0].length);
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<=" || two === "=<") {
      out.push({ kind: "op", text: "<=", line });
      rest = rest.slice(2);
      continue;
    }
    if (two === ">=" || two === "=>") {
      out.push({ kind: "op", text: ">=", line });
      rest = rest.slice(2);
      continue;
    }
    const c = rest[0]!;
    if (c === "<" || c === ">") {
      out.push({ kind: "op", text: c === "<" ? "<=" : ">=", line });
      rest = rest.slice(1);
      continue;
    }
    if (c === "=" || c === "+" || c === "-" || c === ":") {
      out.push({ kind: "op", text: c, line });
      rest = rest.slice(1);
      continue;
    }
    const num = numberPattern.exec(rest);
    if (num) {
      out.push({ kind: "num", value: Number(num[0]), line });
      rest = rest.slice(num[0].length);
      continue;
    }
    const name = namePattern.exec(rest);
    if (name) {
      out.push({ kind: "id", text: name[0], line });
      rest = rest.slice(name[0].length);
      continue;
    }
    fail(line, `unexpected character '${c}'`);
  }
}

/** Reads the tokens of one section one at a time. */
class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lastLine: number,
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) fail(this.lastLine, "unexpected end of section");
    return t;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

const isOp = (t: Token | undefined, ...ops: string[]): boolean => t?.kind === "op" && ops.includes(t.text);
const isInfinityWord = (t: Token | undefined): boolean => t?.kind === "id" && /^(?:inf|infinity)$/i.test(t.text);
const isComparison = (t: Token | undefined): t is Token & { kind: "op" } => isOp(t, "<=", ">=", "=");

/** A signed number or ±inf. */
function readValue(cur: Cursor): number {
  let sign = 1;
  while (isOp(cur.peek(), "+", "-")) if ((cur.next() as { text: string }).text === "-") sign = -sign;
  const t = cur.next();
  if (t.kind === "num") return sign * t.value;
  if (isInfinityWord(t)) return sign * Infinity;
  return fail(t.line, `expected a number, found '${t.text}'`);
}

function isValueStart(cur: Cursor): boolean {
  let k = 0;
  while (isOp(cur.peek(k), "+", "-")) k++;
  const t = cur.peek(k);
  return t?.kind === "num" || isInfinityWord(t);
}

/** An optional `name:` label. */
function readLabel(cur: Cursor): string | undefined {
  const t = cur.peek();
  if (t?.kind === "id" && isOp(cur.peek(1), ":")) {
    cur.next();
    cur.next();
    return t.text;
  }
  return undefined;
}

/**
 * A linear expression: terms `[+|-] [coef] name` and constants, merged per name (first-seen
 * order). Stops before a comparison, or before the label of the next statement.
 */
function readExpression(cur: Cursor, stopAtComparison: boolean): { terms: LinearTerm[]; constant: number } {
  const coefs = new Map<string, number>();
  let constant = 0;
  let first = true;
  for (;;) {
    const t = cur.peek();
    if (t === undefined) break;
    if (stopAtComparison && isComparison(t)) break;
    if (t.kind === "id" && isOp(cur.peek(1), ":")) break;
    let sign = 1;
    let sawSign = false;
    while (isOp(cur.peek(), "+", "-")) {
      if ((cur.next() as { text: string }).text === "-") sign = -sign;
      sawSign = true;
    }
    if (!first && !sawSign) fail(t.line, "expected '+' or '-' between terms");
    first = false;
    const u = cur.next();
    if (u.kind === "num") {
      const v = cur.peek();
      if (v?.kind === "id" && !isOp(cur.peek(1), ":")) {
        cur.next();
        coefs.set(v.text, (coefs.get(v.text) ?? 0) + sign * u.value);
      } else constant += sign * u.value;
    } else if (u.kind === "id") {
      coefs.set(u.text, (coefs.get(u.text) ?? 0) + sign);
    } else fail(u.line, `unexpected '${u.text}'`);
  }
  return { terms: [...coefs].map(([name, coef]) => ({ name, coef })), constant };
}

function readConstraints(cur: Cursor, rows: LinearRow[], touch: (name: string) => void): void {
  while (!cur.done()) {
    const line = cur.peek()!.line;
    const name = readLabel(cur) ?? `R${rows.length + 1}`;
    const { terms, constant } = readExpression(cur, true);
    const op = cur.next();
    if (!isComparison(op)) fail(op.line, "expected <=, >= or = in a constraint");
    const rhs = readValue(cur);
    if (terms.length === 0) fail(line, `constraint '${name}' has no variables`);
    for (const t of terms) touch(t.name);
    rows.push({ name, terms, sense: op.text as RowSense, rhs: rhs - constant });
  }
}

function applyBound(b: ColumnBounds, op: RowSense, value: number, valueOnLeft: boolean): void {
  // `value op x` reads as `x op' value` with the comparison mirrored.
  const sense: RowSense = valueOnLeft ? (op === "<=" ? ">=" : op === ">=" ? "<=" : "=") : op;
  if (sense === "=") {
    b.lower = value;
    b.upper = value;
  } else if (sense === "<=") b.upper = value;
  else b.lower = value;
}

function readBounds(cur: Cursor, boundsOf: (name: string, line: number) => ColumnBounds): void {
  while (!cur.done()) {
    const line = cur.peek()!.line;
    if (isValueStart(cur)) {
      const left = readValue(cur);
      const op = cur.next();
      if (!isComparison(op)) fail(line, "expected <=, >= or = in a bound");
      const v = cur.next();
      if (v.kind !== "id") fail(line, "expected a variable name in a bound");
      const b = boundsOf(v.text, line);
      applyBound(b, op.text as RowSense, left, true);
      if (isComparison(cur.peek())) {
        const op2 = cur.next() as { text: RowSense };
        applyBound(b, op2.text, readValue(cur), false);
      }
      continue;
    }
    const v = cur.next();
    if (v.kind !== "id") fail(line, "expected a variable name in a bound");
    const next = cur.peek();
    if (next?.kind === "id" && /^free$/i.test(next.text)) {
      cur.next();
      const b = boundsOf(v.text, line);
      b.lower = -Infinity;
      b.upper = Infinity;
      continue;
    }
    const op = cur.next();
    if (!isComparison(op)) fail(line, `expected <=, >=, = or 'free' after '${v.text}'`);
    applyBound(boundsOf(v.text, line), op.text as RowSense, readValue(cur), false);
  }
}

/** The section a (comment-free, trimmed) line opens, with any text after the keyword. */
export function lpSectionOf(
  content: string,
): { section: Section | "unsupported"; rest?: string; sense?: "minimize" | "maximize" } | undefined {
  for (const p of sectionPatterns) {
    const m = p.pattern.exec(content);
    if (m) return { section: p.section, ...(m[1] ? { rest: m[1] } : {}), ...(p.sense ? { sense: p.sense } : {}) };
  }
  return undefined;
}

/** Strips a `\` comment and surrounding blanks. */
export const lpLineContent = (raw: string): string => raw.replace(/\\.*$/, "").trim();

export function parseLp(text: string): LinearProgram {
  const program: LinearProgram = {
    sense: "minimize",
    objectiveName: "obj",
    objective: [],
    objectiveConstant: 0,
    rows: [],
    columns: new Map(),
  };
  const sections: { section: Section; tokens: Token[] }[] = [];
  let current: { section: Section; tokens: Token[] } = { section: "none", tokens: [] };
  let sawObjective = false;
  let sawEnd = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = lpLineContent(raw);
    if (content === "") return;
    if (sawEnd) fail(line, "text after End");
    const opened = lpSectionOf(content);
    if (opened === undefined) {
      if (current.section === "none") fail(line, "expected Minimize or Maximize first");
      tokenize(content, line, current.tokens);
      return;
    }
    if (opened.section === "unsupported") fail(line, `section '${content.split(/\s/)[0]}' is not supported (continuous LPs only)`);
    if (opened.section === "end") {
      sawEnd = true;
      return;
    }
    if (opened.section === "objective") {
      if (sawObjective) fail(line, "a second objective section");
      sawObjective = true;
      program.sense = opened.sense ?? "minimize";
    }
    current = { section: opened.section, tokens: [] };
    sections.push(current);
    if (opened.rest !== undefined) tokenize(opened.rest, line, current.tokens);
  });
  if (!sawObjective) fail(1, "no Minimize or Maximize section");

  const touch = (name: string): void => {
    if (!program.columns.has(name)) program.columns.set(name, defaultBounds());
  };
  const rowNames = new Set<string>();
  for (const { section, tokens } of sections) {
    const cur = new Cursor(tokens, tokens.at(-1)?.line ?? lines.length);
    if (section === "objective") {
      const label = readLabel(cur);
      if (label !== undefined) program.objectiveName = label;
      const { terms, constant } = readExpression(cur, false);
      if (!cur.done()) fail(cur.peek()!.line, "unexpected text in the objective");
      program.objective = terms;
      program.objectiveConstant = constant;
      for (const t of terms) touch(t.name);
    } else if (section === "constraints") {
      const before = program.rows.length;
      readConstraints(cur, program.rows, touch);
      for (const r of program.rows.slice(before)) {
        if (rowNames.has(r.name)) fail(tokens[0]?.line ?? 1, `constraint name '${r.name}' is used twice`);
        rowNames.add(r.name);
      }
    } else if (section === "bounds") {
      readBounds(cur, (name) => {
        touch(name);
        return program.columns.get(name)!;
      });
    }
  }
  return program;
}

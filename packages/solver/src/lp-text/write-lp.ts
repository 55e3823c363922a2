/**
 * Prints a LinearProgram as CPLEX LP text in the planner's style. Used by tests (random LPs
 * for the cross-backend property test, and parser round trips) and by the solver benchmark.
 */
import type { LinearProgram, LinearTerm } from "./program.js";

function num(v: number): string {
  if (v === Infinity) return "+inf";
  if (v === -Infinity) return "-inf";
  return String(v);
}

/** `3 x - 2 y + 5`, wrapped so no line gets very long. */
export function linearExpression(terms: LinearTerm[], constant = 0): string {
  const parts: string[] = [];
  terms.forEach((t, i) => {
    const sign = t.coef < 0 ? "-" : "+";
    const mag = Math.abs(t.coef);
    const body = mag === 1 ? t.name : `${num(mag)} ${t.name}`;
    parts.push(i === 0 ? (sign === "-" ? `- ${body}` : body) : `${sign} ${body}`);
  });
  if (constant !== 0 || parts.length === 0) {
    const sign = constant < 0 ? "-" : "+";
    parts.push(parts.length === 0 ? num(constant) : `${sign} ${num(Math.abs(constant))}`);
  }
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(" "));
  return lines.join("\n   ");
}

export function writeLp(p: LinearProgram): string {
  const out: string[] = [p.sense === "minimize" ? "Minimize" : "Maximize"];
  out.push(` ${p.objectiveName}: ${linearExpression(p.objective, p.objectiveConstant)}`);
  out.push("Subject To");
  for (const r of p.rows) out.push(` ${r.name}: ${linearExpression(r.terms)} ${r.sense} ${num(r.rhs)}`);
  out.push("Bounds");
  for (const [name, b] of p.columns) {
    if (b.lower === 0 && b.upper === Infinity) continue;
    if (b.lower === -Infinity && b.upper === Infinity) out.push(` ${name} free`);
    else if (b.lower === b.upper) out.push(` ${name} = ${num(b.lower)}`);
    else if (b.upper === Infinity) out.push(` ${name} >= ${num(b.lower)}`);
    else out.push(` ${num(b.lower)} <= ${name} <= ${num(b.upper)}`);
  }
  out.push("End", "");
  return out.join("\n");
}

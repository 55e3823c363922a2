/**
 * GLPK's LP reader rejects a constant in the objective and CBC drops it, so the native backends
 * solve the model without it and add it back. Only the objective section is re-read and
 * rewritten; the (much larger) rest of the text passes through untouched.
 */
import { lpLineContent, lpSectionOf, parseLp } from "./parse-lp.js";
import { linearExpression } from "./write-lp.js";

export function splitObjectiveConstant(lp: string): { lp: string; constant: number } {
  const lines = lp.split(/\r?\n/);
  const start = lines.findIndex((l) => lpSectionOf(lpLineContent(l))?.section === "objective");
  if (start < 0) return { lp, constant: 0 };
  let end = start + 1;
  while (end < lines.length && lpSectionOf(lpLineContent(lines[end]!)) === undefined) end++;
  const objective = parseLp(`${lines.slice(start, end).join("\n")}\nEnd\n`);
  const noTerms = objective.objective.length === 0;
  if (objective.objectiveConstant === 0 && !noTerms) return { lp, constant: 0 };
  const header = objective.sense === "minimize" ? "Minimize" : "Maximize";
  // GLPK rejects an objective without terms: `0 x` with any column of the model keeps it readable.
  const firstColumn = noTerms ? parseLp(lp).columns.keys().next().value : undefined;
  const terms = noTerms ? (firstColumn === undefined ? [] : [{ name: firstColumn, coef: 0 }]) : objective.objective;
  const body = terms.length > 0 ? linearExpression(terms) : "";
  const rewritten = [header, ` ${objective.objectiveName}: ${body}`];
  return { lp: [...lines.slice(0, start), ...rewritten, ...lines.slice(end)].join("\n"), constant: objective.objectiveConstant };
}

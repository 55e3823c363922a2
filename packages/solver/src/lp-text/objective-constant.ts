/**
 * GLPK's LP reader rejects a constant in the objective and CBC drops it, so the native backends
 * solve the model without it and add it back. Only the objective section is re-read and
 * rewritten; the (much larger) rest of the text passes through untouched.
 */
import { lpLineContent, lpSectionOf, parseLp } from "./parse-lp.js";
import { linearExpression } from "./write-lp.js";

/** Where the objective section starts (its header line) and ends (the next section line), as offsets into the text. */
function objectiveSpan(lp: string): { start: number; end: number } | undefined {
  let start = -1;
  for (let at = 0; at < lp.length;) {
    const next = lp.indexOf("\n", at);
    const lineEnd = next < 0 ? lp.length : next;
    const section = lpSectionOf(lpLineContent(lp.slice(at, lineEnd).replace(/\r$/, "")));
    if (start < 0 && section?.section === "objective") start = at;
    else if (start >= 0 && section !== undefined) return { start, end: at };
    if (next < 0) break;
    at = next + 1;
  }
  return start < 0 ? undefined : { start, end: lp.length };
}

export function splitObjectiveConstant(lp: string): { lp: string; constant: number } {
  // Only the objective's lines are looked at: on `large` the text is 150 MB and 2 million lines.
  const span = objectiveSpan(lp);
  if (span === undefined) return { lp, constant: 0 };
  const objective = parseLp(`${lp.slice(span.start, span.end)}\nEnd\n`);
  const noTerms = objective.objective.length === 0;
  if (objective.objectiveConstant === 0 && !noTerms) return { lp, constant: 0 };
  const header = objective.sense === "minimize" ? "Minimize" : "Maximize";
  // GLPK rejects an objective without terms: `0 x` with any column of the model keeps it readable.
  const firstColumn = noTerms ? parseLp(lp).columns.keys().next().value : undefined;
  const terms = noTerms ? (firstColumn === undefined ? [] : [{ name: firstColumn, coef: 0 }]) : objective.objective;
  const body = terms.length > 0 ? linearExpression(terms) : "";
  const rewritten = `${header}\n ${objective.objectiveName}: ${body}\n`;
  return { lp: lp.slice(0, span.start) + rewritten + lp.slice(span.end), constant: objective.objectiveConstant };
}

/**
 * Reads the solution file CBC writes with `printingOptions all solu FILE`: a status line
 * ("Optimal - objective value -26.00000000"), then one line per row and then one per column,
 * each `[**] index name value dual` (`**` marks an infeasibility). Rows and columns are told
 * apart by the index starting again at 0. CBC's row dual is already d(objective)/d(rhs) for a
 * minimisation.
 */
import type { LpStatus } from "@paraat/core";
import { withoutSolution, type NativeSolutionFile } from "./solution-file.js";

function cbcStatus(head: string): LpStatus {
  const h = head.toLowerCase();
  if (h.startsWith("optimal")) return "optimal";
  if (h.startsWith("infeasible") || h.startsWith("integer infeasible")) return "infeasible";
  if (h.startsWith("unbounded")) return "unbounded";
  if (h.startsWith("stopped on time")) return "time-limit";
  return "error";
}

export class CbcSolutionReader {
  private head: string | undefined;
  private previousIndex = -1;
  private inColumns = false;
  // Rows come first; whether they were rows or (in a model without rows) columns is known only at
  // the end. Zero column values are left out (absent means 0): on `large` over a million entries.
  // Every row keeps its dual, so a backend that reports duals is told apart from one that does not.
  private readonly rowNames: string[] = [];
  private readonly rowValues: number[] = [];
  private readonly rowDuals: number[] = [];
  private readonly primal = new Map<string, number>();

  line(raw: string): void {
    const line = raw.trim();
    if (line === "") return;
    if (this.head === undefined) {
      this.head = line;
      return;
    }
    const parts = line.replace(/^\*\*\s*/, "").split(/\s+/);
    if (parts.length < 4) return;
    const [index, name, value, dual] = parts as [string, string, string, string];
    const i = Number(index);
    if (!this.inColumns && i <= this.previousIndex) this.inColumns = true;
    this.previousIndex = i;
    if (this.inColumns) {
      const v = Number(value);
      if (v !== 0) this.primal.set(name, v);
      return;
    }
    this.rowNames.push(name);
    this.rowValues.push(Number(value));
    this.rowDuals.push(Number(dual) + 0);
  }

  result(): NativeSolutionFile {
    const head = this.head ?? "";
    const status = cbcStatus(head);
    if (status !== "optimal" && status !== "time-limit")
      return withoutSolution(status, status === "error" ? head || "empty solution file" : undefined);
    const objMatch = /objective value\s+(\S+)/i.exec(head);
    const duals = new Map<string, number>();
    // Without a restart of the index every line was a column (a model without rows).
    if (this.inColumns) this.rowNames.forEach((name, k) => duals.set(name, this.rowDuals[k]!));
    else
      this.rowNames.forEach((name, k) => {
        if (this.rowValues[k] !== 0) this.primal.set(name, this.rowValues[k]!);
      });
    return { status, objective: objMatch ? Number(objMatch[1]) : NaN, primal: this.primal, duals };
  }
}

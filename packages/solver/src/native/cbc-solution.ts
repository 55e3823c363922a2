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
  private readonly rows: { name: string; value: number; dual: number }[] = [];
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
    if (this.inColumns) this.primal.set(name, Number(value) + 0);
    else this.rows.push({ name, value: Number(value), dual: Number(dual) });
  }

  result(): NativeSolutionFile {
    const head = this.head ?? "";
    const status = cbcStatus(head);
    if (status !== "optimal" && status !== "time-limit")
      return withoutSolution(status, status === "error" ? head || "empty solution file" : undefined);
    const objMatch = /objective value\s+(\S+)/i.exec(head);
    const duals = new Map<string, number>();
    // Without a restart of the index every line was a column (a model without rows).
    if (!this.inColumns) for (const r of this.rows) this.primal.set(r.name, r.value + 0);
    else for (const r of this.rows) duals.set(r.name, r.dual + 0);
    return { status, objective: objMatch ? Number(objMatch[1]) : NaN, primal: this.primal, duals };
  }
}

/**
 * Reads what glpsol writes with `--wglp PROBLEM --write SOLUTION`. The solution file (GLPK's
 * plain format) identifies rows and columns by number only:
 *   s bas ROWS COLS PRIMAL_STATUS DUAL_STATUS OBJECTIVE     (status f/i/n/u)
 *   i ROW STAT VALUE DUAL    and    j COL STAT VALUE DUAL
 * and the problem file names them: `n i ROW name`, `n j COL name`. GLPK's row dual is already
 * d(objective)/d(rhs) for a minimisation.
 */
import { withoutSolution, type NativeSolutionFile } from "./solution-file.js";

export class GlpkNameReader {
  readonly rows: string[] = [];
  readonly columns: string[] = [];
  line(line: string): void {
    if (!line.startsWith("n ")) return;
    const parts = line.split(" ");
    if (parts[1] === "i" && parts[3] !== undefined) this.rows[Number(parts[2])] = parts[3];
    else if (parts[1] === "j" && parts[3] !== undefined) this.columns[Number(parts[2])] = parts[3];
  }
}

export class GlpsolSolutionReader {
  private header: string[] | undefined;
  private readonly primal = new Map<string, number>();
  private readonly duals = new Map<string, number>();
  constructor(private readonly names: GlpkNameReader) {}

  line(line: string): void {
    const parts = line.trim().split(/\s+/);
    const kind = parts[0];
    if (kind === "s") this.header = parts;
    else if (kind === "i" || kind === "j") {
      const index = Number(parts[1]);
      const value = Number(parts[3]) + 0;
      const dual = Number(parts[4]) + 0;
      if (kind === "i") {
        const name = this.names.rows[index];
        if (name !== undefined) this.duals.set(name, dual);
      } else {
        const name = this.names.columns[index];
        if (name !== undefined) this.primal.set(name, value);
      }
    }
  }

  /** `log` decides when the file alone cannot (the presolver leaves the status undefined). */
  result(log: string): NativeSolutionFile {
    const h = this.header;
    if (/TIME LIMIT EXCEEDED/i.test(log)) {
      return h !== undefined && h[4] === "f"
        ? { status: "time-limit", objective: Number(h[6]), primal: this.primal, duals: this.duals }
        : withoutSolution("time-limit");
    }
    if (h === undefined || h[1] !== "bas") return withoutSolution("error", "glpsol wrote no basic solution");
    const [, , , , primalStatus, dualStatus, objective] = h;
    if (primalStatus === "f" && dualStatus === "f")
      return { status: "optimal", objective: Number(objective), primal: this.primal, duals: this.duals };
    if (primalStatus === "n") return withoutSolution("infeasible");
    if (primalStatus === "f" && dualStatus === "n") return withoutSolution("unbounded");
    if (/NO PRIMAL FEASIBLE SOLUTION/i.test(log)) return withoutSolution("infeasible");
    if (/UNBOUNDED PRIMAL SOLUTION/i.test(log)) return withoutSolution("unbounded");
    return withoutSolution("error", `glpsol solution status ${primalStatus ?? "?"}/${dualStatus ?? "?"}`);
  }
}

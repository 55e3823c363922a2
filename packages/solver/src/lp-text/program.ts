/**
 * A linear programme as read from CPLEX LP text: the in-memory form the LP reader produces and
 * the writer prints. Only what the planner writes is represented: continuous variables, one
 * linear objective with a constant, rows with <=, >= or =, and column bounds.
 */
export type RowSense = "<=" | ">=" | "=";

export interface LinearTerm {
  name: string;
  coef: number;
}

export interface LinearRow {
  name: string;
  terms: LinearTerm[];
  sense: RowSense;
  rhs: number;
}

export interface ColumnBounds {
  /** -Infinity when unbounded below. */
  lower: number;
  /** Infinity when unbounded above. */
  upper: number;
}

export interface LinearProgram {
  sense: "minimize" | "maximize";
  objectiveName: string;
  objective: LinearTerm[];
  objectiveConstant: number;
  rows: LinearRow[];
  /** Bounds of every column, in order of first appearance; default [0, +inf). */
  columns: Map<string, ColumnBounds>;
}

export const defaultBounds = (): ColumnBounds => ({ lower: 0, upper: Infinity });

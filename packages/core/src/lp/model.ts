/**
 * An in-memory linear programme (minimisation): variables with bounds and an objective
 * coefficient, and named linear rows. Storage is columnar in typed arrays and the rows are in
 * compressed sparse row form, so a model with millions of terms costs a few bytes per term and
 * no object per term.
 *
 * Names are not stored: a variable or row is a kind (a short letter prefix) and one or two
 * indices, and its name is `prefix + a` or `prefix + a + "_" + b`, e.g. `x12_34`. Such names are
 * valid for every LP reader we use (HiGHS, GLPK, CBC); what they stand for is kept by the
 * caller (see plan/names.ts).
 */
import { Float64List, Int32List, Uint8List } from "./growable.js";

export type RowSense = "<=" | ">=" | "=";
export const rowSenses: readonly RowSense[] = ["<=", ">=", "="];

export interface LpSize {
  variables: number;
  constraints: number;
  nonzeros: number;
}

/** Letters only, not starting with e/E (a term "2 e1" could be read as the number 2e1). */
const PREFIX_PATTERN = /^[A-DF-Za-df-z][A-Za-z]*$/;

export class LpModel {
  readonly prefixes: readonly string[];

  private readonly vKind = new Uint8List();
  private readonly vA = new Int32List();
  private readonly vB = new Int32List();
  private readonly vLower = new Float64List();
  private readonly vUpper = new Float64List();
  private readonly vCost = new Float64List();

  private readonly rKind = new Uint8List();
  private readonly rA = new Int32List();
  private readonly rB = new Int32List();
  private readonly rSense = new Uint8List();
  private readonly rRhs = new Float64List();
  /** rowStart[r]..rowStart[r+1] index the row's terms in cols/coefs. */
  private readonly rowStart = new Int32List();
  private readonly cols = new Int32List(4096);
  private readonly coefs = new Float64List(4096);

  constructor(prefixes: readonly string[]) {
    if (prefixes.length > 255) throw new RangeError("at most 255 name prefixes");
    const seen = new Set<string>();
    for (const p of prefixes) {
      if (!PREFIX_PATTERN.test(p)) throw new RangeError(`LP name prefix must be letters, not starting with e: ${JSON.stringify(p)}`);
      if (seen.has(p)) throw new RangeError(`duplicate LP name prefix ${p}`);
      seen.add(p);
    }
    this.prefixes = prefixes;
    this.rowStart.push(0);
  }

  get variableCount(): number {
    return this.vKind.length;
  }

  get rowCount(): number {
    return this.rKind.length;
  }

  get nonzeroCount(): number {
    return this.cols.length;
  }

  size(): LpSize {
    return { variables: this.variableCount, constraints: this.rowCount, nonzeros: this.nonzeroCount };
  }

  /** Adds a variable named by `kind` (index into prefixes) and one or two indices (b < 0: none). Returns its index. */
  addVariable(kind: number, a: number, b: number, lower: number, upper: number, cost: number): number {
    if (!(lower <= upper) || Number.isNaN(cost) || !Number.isFinite(cost)) {
      throw new RangeError(`variable ${this.prefixes[kind] ?? "?"}${a}: bounds [${lower}, ${upper}] or cost ${cost} invalid`);
    }
    this.vKind.push(kind);
    this.vA.push(a);
    this.vB.push(b);
    this.vLower.push(lower);
    this.vUpper.push(upper);
    return this.vCost.push(cost);
  }

  /** Appends a term to the row being built; finish it with endRow. */
  addTerm(variable: number, coef: number): void {
    if (coef === 0) return;
    this.cols.push(variable);
    this.coefs.push(coef);
  }

  /** Terms added since the last endRow. */
  get pendingTerms(): number {
    return this.cols.length - this.rowStart.get(this.rowStart.length - 1);
  }

  /**
   * Closes the row built by addTerm. A row without terms is not added (returns -1) when it holds
   * trivially; one that cannot hold (e.g. 0 >= 5) is a modelling error.
   */
  endRow(kind: number, a: number, b: number, sense: RowSense, rhs: number): number {
    if (!Number.isFinite(rhs)) throw new RangeError(`row ${this.prefixes[kind] ?? "?"}${a}: right-hand side ${rhs}`);
    if (this.pendingTerms === 0) {
      const holds = sense === "<=" ? 0 <= rhs : sense === ">=" ? 0 >= rhs : rhs === 0;
      if (!holds) throw new RangeError(`row ${this.prefixes[kind] ?? "?"}${a} has no terms and cannot hold`);
      return -1;
    }
    this.rKind.push(kind);
    this.rA.push(a);
    this.rB.push(b);
    this.rSense.push(rowSenses.indexOf(sense));
    this.rRhs.push(rhs);
    this.rowStart.push(this.cols.length);
    return this.rKind.length - 1;
  }

  variableName(j: number): string {
    const b = this.vB.get(j);
    const base = this.prefixes[this.vKind.get(j)]! + String(this.vA.get(j));
    return b < 0 ? base : `${base}_${b}`;
  }

  rowName(r: number): string {
    const b = this.rB.get(r);
    const base = this.prefixes[this.rKind.get(r)]! + String(this.rA.get(r));
    return b < 0 ? base : `${base}_${b}`;
  }

  variableKind(j: number): number {
    return this.vKind.get(j);
  }

  lower(j: number): number {
    return this.vLower.get(j);
  }

  upper(j: number): number {
    return this.vUpper.get(j);
  }

  /** Changes an upper bound (used to re-solve with more capacity). */
  setUpper(j: number, value: number): void {
    if (!(value >= this.vLower.get(j))) throw new RangeError(`upper bound ${value} below the lower bound of ${this.variableName(j)}`);
    this.vUpper.set(j, value);
  }

  cost(j: number): number {
    return this.vCost.get(j);
  }

  rowSense(r: number): RowSense {
    return rowSenses[this.rSense.get(r)]!;
  }

  rhs(r: number): number {
    return this.rRhs.get(r);
  }

  /** Calls fn for each term of row r. */
  forEachTerm(r: number, fn: (variable: number, coef: number) => void): void {
    const end = this.rowStart.get(r + 1);
    for (let k = this.rowStart.get(r); k < end; k++) fn(this.cols.get(k), this.coefs.get(k));
  }

  /** Raw column arrays (valid up to variableCount) for the writer. */
  columnArrays(): { kind: Uint8Array; a: Int32Array; b: Int32Array; lower: Float64Array; upper: Float64Array; cost: Float64Array } {
    return {
      kind: this.vKind.data,
      a: this.vA.data,
      b: this.vB.data,
      lower: this.vLower.data,
      upper: this.vUpper.data,
      cost: this.vCost.data,
    };
  }

  /** Raw row arrays (valid up to rowCount) for the writer. */
  rowArrays(): { kind: Uint8Array; a: Int32Array; b: Int32Array; sense: Uint8Array; rhs: Float64Array } {
    return { kind: this.rKind.data, a: this.rA.data, b: this.rB.data, sense: this.rSense.data, rhs: this.rRhs.data };
  }

  /** Raw CSR access for the writer and for linear-time passes. */
  rowTerms(): { start: Int32Array; cols: Int32Array; coefs: Float64Array } {
    return { start: this.rowStart.data, cols: this.cols.data, coefs: this.coefs.data };
  }

  /** Values by variable index from a solver's name → value map (absent names are 0). */
  readPrimal(values: ReadonlyMap<string, number>): Float64Array {
    const out = new Float64Array(this.variableCount);
    for (let j = 0; j < out.length; j++) out[j] = values.get(this.variableName(j)) ?? 0;
    return out;
  }

  /** Duals by row index from a solver's name → dual map (absent names are 0). */
  readDuals(values: ReadonlyMap<string, number>): Float64Array {
    const out = new Float64Array(this.rowCount);
    for (let r = 0; r < out.length; r++) out[r] = values.get(this.rowName(r)) ?? 0;
    return out;
  }

  /**
   * Reduced costs c_j − Σ_r a_rj·y_r from row duals y = d(objective)/d(rhs). For a variable at its
   * upper bound this is d(objective)/d(upper bound): the shadow price of a bound, which the
   * solvers do not report as a row dual.
   */
  reducedCosts(duals: Float64Array): Float64Array {
    const rc = this.vCost.toArray();
    const { start, cols, coefs } = this.rowTerms();
    for (let r = 0; r < this.rowCount; r++) {
      const y = duals[r]!;
      if (y === 0) continue;
      const end = start[r + 1]!;
      for (let k = start[r]!; k < end; k++) {
        const j = cols[k]!;
        rc[j] = rc[j]! - coefs[k]! * y;
      }
    }
    return rc;
  }

  /** Objective value c·x of a primal vector. */
  objectiveOf(primal: Float64Array): number {
    let sum = 0;
    for (let j = 0; j < this.variableCount; j++) sum += this.vCost.get(j) * primal[j]!;
    return sum;
  }
}

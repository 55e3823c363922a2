/**
 * Solving the groups of a plan model through an injected LpSolver, and reading the solution
 * back by (entity, period) rather than by name.
 */
import { ParaatError } from "../errors.js";
import type { LpSize } from "../lp/model.js";
import type { LpBasis, LpSolution, LpSolveOptions, LpSolver } from "../lp/solver.js";
import { writeLp } from "../lp/write.js";
import { reallocateDemands } from "./tie-allocation.js";
import type { PlanGroup, PlanModel } from "./build.js";

/** A solver, or a choice of solver by model size (e.g. a native one for large models). */
export type SolverChoice = LpSolver | ((size: LpSize) => LpSolver | Promise<LpSolver>);

export interface GroupSolution {
  objective: number;
  primal: Float64Array;
  duals: Float64Array;
  /** Reduced costs (d objective / d bound for variables at a bound). */
  reduced: Float64Array;
  hasDuals: boolean;
  backend: string;
  solveMs: number;
  /** The optimal basis, when it was asked for and the backend gives one (for warm-started re-solves). */
  basis?: LpBasis;
}

/** Options of one solve: keep the optimal basis, start from one, or do without duals (a re-solve reads only values). */
export type GroupSolveOptions = Pick<LpSolveOptions, "keepBasis" | "basis" | "duals">;

async function pick(choice: SolverChoice, size: LpSize): Promise<LpSolver> {
  return typeof choice === "function" ? await choice(size) : choice;
}

function failure(solution: LpSolution, what: string): ParaatError {
  const details = { backend: solution.backend, status: solution.status, message: solution.message };
  switch (solution.status) {
    case "infeasible":
      return new ParaatError(
        "MODEL_INFEASIBLE",
        `${what} has no solution according to ${solution.backend}. The planning model is feasible by construction (producing and delivering nothing is allowed), so this points at numbers the solver cannot handle (e.g. quantities above 1e12) or a solver fault; try another backend with --solver.`,
        { details },
      );
    case "unbounded":
      return new ParaatError(
        "MODEL_UNBOUNDED",
        `${what} is unbounded according to ${solution.backend}. Every objective weight of the plan is at least 0, so this points at a negative weight or a solver fault.`,
        { details },
      );
    case "time-limit":
      return new ParaatError(
        "SOLVER_FAILED",
        `${what}: ${solution.backend} reached the time limit before the optimum; raise the time limit or use a native solver.`,
        {
          details,
        },
      );
    case "error":
    case "optimal":
      return new ParaatError("SOLVER_FAILED", `${what}: ${solution.backend} failed${solution.message ? `: ${solution.message}` : ""}.`, {
        details,
      });
  }
}

/**
 * Solves one group. `text` is the group's LP text when the caller wrote it already (a re-solve
 * writes it with changed bounds and restores them at once, so concurrent re-solves never see
 * each other's changes).
 */
export async function solveGroup(
  model: PlanModel,
  group: PlanGroup,
  choice: SolverChoice,
  what = "The plan",
  text?: string,
  extra: GroupSolveOptions = {},
): Promise<GroupSolution> {
  const lp = group.model;
  if (lp.variableCount === 0) {
    return {
      objective: 0,
      primal: new Float64Array(0),
      duals: new Float64Array(0),
      reduced: new Float64Array(0),
      hasDuals: true,
      backend: "none",
      solveMs: 0,
    };
  }
  const lpText = text ?? writeLp(lp);
  const solver = await pick(choice, lp.size());
  const timeLimit = model.options.timeLimit;
  const wantDuals = extra.duals !== false;
  const solution = await solver.solve(lpText, {
    dualTolerance: model.options.dualTolerance,
    ...(timeLimit === undefined ? {} : { timeLimit }),
    ...extra,
    duals: wantDuals,
  });
  if (solution.status !== "optimal") throw failure(solution, what);
  const primal = lp.readPrimal(solution.primal);
  // The stated tie rule inside each tie class, after every solve (plan, re-solves, scenarios).
  reallocateDemands(model, group, model.tieClasses, model.options.ties, primal);
  const hasDuals = wantDuals && (solution.duals.size > 0 || lp.rowCount === 0);
  // The LP's objective is scaled (PlanModel.objectiveScale); the plan reports it in its own units.
  const scale = model.objectiveScale;
  const scaledDuals = hasDuals ? lp.readDuals(solution.duals) : new Float64Array(lp.rowCount);
  const reduced = hasDuals ? lp.reducedCosts(scaledDuals) : new Float64Array(lp.variableCount);
  return {
    // Without the tie terms: the objective the weights define (docs/planning.md), the same on every backend.
    objective: baseObjective(group, primal),
    primal,
    duals: scaledDuals.map((v) => v / scale),
    reduced: reduced.map((v) => v / scale),
    hasDuals,
    backend: solution.backend,
    solveMs: solution.solveMs,
    ...(solution.basis === undefined ? {} : { basis: solution.basis }),
  };
}

function baseObjective(group: PlanGroup, primal: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < primal.length; j++) sum += group.baseCost[j]! * primal[j]!;
  return sum;
}

/** Solution values of a whole plan by entity and period; 0 where there is no variable. */
export class PlanValues {
  readonly T: number;

  constructor(
    readonly model: PlanModel,
    readonly solutions: readonly GroupSolution[],
  ) {
    this.T = model.network.periods;
  }

  private read(group: number, local: number): number {
    if (group < 0 || local < 0) return 0;
    return this.solutions[group]!.primal[local]!;
  }

  private groupOfItem(i: number): number {
    return this.model.itemGroup[i]!;
  }

  production(s: number, t: number): number {
    return this.read(this.groupOfItem(this.model.network.supplyItem[s]!), this.model.xVar[s * this.T + t]!);
  }

  /** Capacity available to the LP for supply s in period t (0 where it has no variable). */
  capacityUsedBound(s: number, t: number): number {
    const j = this.model.xVar[s * this.T + t]!;
    if (j < 0) return 0;
    const g = this.groupOfItem(this.model.network.supplyItem[s]!);
    return this.model.groups[g]!.model.upper(j);
  }

  /** Objective gain of one more unit of capacity of supply s in period t (≥ 0, from the reduced cost). */
  capacityValue(s: number, t: number): number {
    const j = this.model.xVar[s * this.T + t]!;
    if (j < 0) return 0;
    const g = this.groupOfItem(this.model.network.supplyItem[s]!);
    return Math.max(0, -this.solutions[g]!.reduced[j]!);
  }

  /** Pool stock at the end of period t. After the item's last useful period nothing enters or leaves, so it stays as it was then. */
  pool(i: number, t: number): number {
    const latest = this.model.network.latest[i]!;
    const tt = t > latest ? latest : t;
    if (tt < 0) return 0;
    return this.read(this.groupOfItem(i), this.model.pVar[i * this.T + tt]!);
  }

  /** Objective gain of one more unit in item i's pool in period t (≥ 0, from the balance dual). */
  poolValue(i: number, t: number): number {
    const r = this.model.bRow[i * this.T + t]!;
    const g = this.groupOfItem(i);
    if (r < 0 || g < 0) return 0;
    return Math.max(0, -this.solutions[g]!.duals[r]!);
  }

  delivery(d: number, t: number): number {
    return this.read(this.groupOfItem(this.model.network.demandItem[d]!), this.model.dVar[d * this.T + t]!);
  }

  stockDelivery(k: number, t: number): number {
    return this.read(this.groupOfItem(this.model.network.pairs[k]!.item), this.model.yVar[k * this.T + t]!);
  }

  /** Consumer stock k at the end of each period, and the usage it could not cover. */
  consumerStock(k: number): { stock: Float64Array; unmet: Float64Array } {
    const pair = this.model.network.pairs[k]!;
    const stock = new Float64Array(this.T);
    const unmet = new Float64Array(this.T);
    if (this.model.pairModelled[k] === 1) {
      const g = this.groupOfItem(pair.item);
      for (let t = 0; t < this.T; t++) {
        stock[t] = this.read(g, this.model.cVar[k * this.T + t]!);
        unmet[t] = this.read(g, this.model.uVar[k * this.T + t]!);
      }
      return { stock, unmet };
    }
    // Not in the LP (nothing can be delivered, or no target has a level): usage draws the holding down.
    let s = pair.holding;
    for (let t = 0; t < this.T; t++) {
      const used = Math.min(s, pair.usage);
      unmet[t] = pair.usage - used;
      s -= used;
      stock[t] = s;
    }
    return { stock, unmet };
  }

  get hasDuals(): boolean {
    return this.solutions.every((s) => s.hasDuals);
  }

  get objective(): number {
    return this.solutions.reduce((sum, s) => sum + s.objective, 0);
  }
}

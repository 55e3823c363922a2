/**
 * GLPK compiled to WebAssembly (the `glpk.js` package), used to cross-check HiGHS on the same
 * LP text. glpk.js takes a JSON model, so the text is read with our own LP reader first. It is
 * loaded on first use only: it is a development dependency, not needed to plan.
 */
import { ParaatError } from "@paraat/core";
import type { LpSolution, LpSolveOptions, LpSolver, LpStatus } from "@paraat/core";
import type { LP } from "glpk.js";
import type { GLPK } from "glpk.js/node";
import { parseLp } from "./lp-text/parse-lp.js";
import type { ColumnBounds, LinearProgram } from "./lp-text/program.js";

let glpk: Promise<GLPK> | undefined;

async function loadGlpk(): Promise<GLPK> {
  glpk ??= import("glpk.js/node").then(
    async (m) => await m.default(),
    (e: unknown) => {
      glpk = undefined;
      throw new ParaatError(
        "SOLVER_FAILED",
        "The glpk-js backend needs the glpk.js package (a development dependency); install it with npm.",
        {
          cause: e,
        },
      );
    },
  );
  return await glpk;
}

function boundsType(g: GLPK, b: ColumnBounds): number {
  const hasLower = b.lower !== -Infinity;
  const hasUpper = b.upper !== Infinity;
  if (hasLower && hasUpper) return b.lower === b.upper ? g.GLP_FX : g.GLP_DB;
  if (hasLower) return g.GLP_LO;
  return hasUpper ? g.GLP_UP : g.GLP_FR;
}

/** The JSON model glpk.js expects; every column's bounds are given so none rely on its defaults. */
export function toGlpkModel(g: GLPK, p: LinearProgram): LP {
  return {
    name: "paraat",
    objective: {
      direction: p.sense === "minimize" ? g.GLP_MIN : g.GLP_MAX,
      name: p.objectiveName,
      vars: p.objective.map((t) => ({ name: t.name, coef: t.coef })),
    },
    subjectTo: p.rows.map((r) => ({
      name: r.name,
      vars: r.terms.map((t) => ({ name: t.name, coef: t.coef })),
      bnds:
        r.sense === "<="
          ? { type: g.GLP_UP, lb: 0, ub: r.rhs }
          : r.sense === ">="
            ? { type: g.GLP_LO, lb: r.rhs, ub: 0 }
            : { type: g.GLP_FX, lb: r.rhs, ub: r.rhs },
    })),
    bounds: [...p.columns].map(([name, b]) => ({
      name,
      type: boundsType(g, b),
      lb: Number.isFinite(b.lower) ? b.lower : 0,
      ub: Number.isFinite(b.upper) ? b.upper : 0,
    })),
  };
}

export function glpkJsSolver(): LpSolver {
  return {
    name: "glpk-js",
    async solve(lp: string, options: LpSolveOptions = {}): Promise<LpSolution> {
      const started = performance.now();
      const g = await loadGlpk();
      let program: LinearProgram;
      try {
        program = parseLp(lp);
      } catch (e) {
        // Unreadable text is reported like every other backend does: status "error".
        const message = e instanceof Error ? e.message : String(e);
        return {
          status: "error",
          objective: NaN,
          primal: new Map(),
          duals: new Map(),
          backend: "glpk-js",
          solveMs: performance.now() - started,
          message,
        };
      }
      // No presolver: with it GLPK reports an infeasible or unbounded LP as "undefined".
      const out = g.solve(toGlpkModel(g, program), {
        msglev: g.GLP_MSG_OFF,
        presol: false,
        ...(options.timeLimit === undefined ? {} : { tmlim: options.timeLimit }),
      }).result;
      const solveMs = performance.now() - started;
      let status: LpStatus;
      if (out.status === g.GLP_OPT) status = "optimal";
      else if (out.status === g.GLP_NOFEAS) status = "infeasible";
      else if (out.status === g.GLP_UNBND) status = "unbounded";
      else if (options.timeLimit !== undefined && solveMs >= options.timeLimit * 1000) status = "time-limit";
      else status = "error";
      const hasSolution = status === "optimal" || (status === "time-limit" && out.status === g.GLP_FEAS);
      const primal = new Map<string, number>();
      const duals = new Map<string, number>();
      if (hasSolution) {
        for (const [name, v] of Object.entries(out.vars)) primal.set(name, v + 0);
        // GLPK's row dual is already d(objective)/d(rhs) for a minimisation.
        if (options.duals !== false) for (const [name, v] of Object.entries(out.dual ?? {})) duals.set(name, v + 0);
      }
      return {
        status,
        objective: hasSolution ? out.z + program.objectiveConstant : NaN,
        primal,
        duals,
        backend: "glpk-js",
        solveMs,
        ...(status === "error" ? { message: `GLPK status ${out.status}` } : {}),
      };
    },
  };
}

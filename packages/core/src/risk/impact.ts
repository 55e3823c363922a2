/**
 * Time to survive / time to recover for a single point of failure: take the node out (its supply
 * options go), re-plan with the planning engine, and compare each target with the baseline plan.
 * The planner is passed in, so core/risk does not depend on core/plan and tests can use a fake.
 */
import { isParaatError, toParaatError, type ErrorCode } from "../errors.js";
import { monthsBetween } from "../month.js";
import type { Dataset } from "../model/schema.js";
import { withoutHost } from "../network/removal.js";
import type { HostKind } from "../network/types.js";

/** What the impact needs of a plan: the fixed fields of the planning engine's `targets[]`. */
export interface PlannedTarget {
  id: string;
  /** Met at its `by` month. */
  met: boolean;
  /** First month the level is reached (possibly after `by`); null if never within the horizon. */
  metAt: string | null;
  gapAtBy: number;
}

export interface PlanOutcome {
  targets: readonly PlannedTarget[];
}

export type Planner = (dataset: Dataset) => Promise<PlanOutcome>;

export interface TargetImpact {
  id: string;
  baseline: PlannedTarget;
  /** The target in the plan without the node; null when that plan failed. */
  without: PlannedTarget | null;
  /** Extra gap at the target's `by` month (units). */
  lostAtBy: number;
  /** Months later the level is reached; null when it is not reached in one of the plans. */
  monthsLater: number | null;
  /** Reached in the baseline, never reached within the horizon without the node. */
  lost: boolean;
}

export interface SpofImpact {
  node: string;
  nodeKind: HostKind;
  /** Supply options removed. */
  removed: string[];
  targets: TargetImpact[];
  /** Set when the plan without the node failed (e.g. MODEL_INFEASIBLE). */
  error?: { code: ErrorCode; message: string };
}

export async function spofImpact(
  dataset: Dataset,
  spof: { node: string; nodeKind: HostKind },
  plan: Planner,
  options: { baseline?: PlanOutcome } = {},
): Promise<SpofImpact> {
  const baseline = options.baseline ?? (await plan(dataset));
  const { dataset: reduced, removed } = withoutHost(dataset, spof.nodeKind, spof.node);
  let after: PlanOutcome | null = null;
  let error: SpofImpact["error"];
  try {
    after = await plan(reduced);
  } catch (e) {
    // A plan that fails without the node is itself the finding; anything else is a bug.
    if (!isParaatError(e)) throw e;
    const err = toParaatError(e);
    error = { code: err.code, message: err.message };
  }
  const byId = new Map((after?.targets ?? []).map((t) => [t.id, t]));
  const targets = baseline.targets.map((b): TargetImpact => {
    const w = byId.get(b.id) ?? null;
    return {
      id: b.id,
      baseline: b,
      without: w,
      lostAtBy: w === null ? 0 : Math.max(0, w.gapAtBy - b.gapAtBy),
      monthsLater: b.metAt !== null && w !== null && w.metAt !== null ? monthsBetween(b.metAt, w.metAt) : null,
      lost: b.metAt !== null && (w === null || w.metAt === null),
    };
  });
  return { node: spof.node, nodeKind: spof.nodeKind, removed, targets, ...(error ? { error } : {}) };
}
